package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.RecordKind;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.client.ScannedDocument;
import org.myochart.platform.RuleViolation;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.Names;

/**
 * Signing, refusing, witnessing, withdrawing and the treatment gate, in Payara Micro on the real
 * database.
 */
@InTheContainer
class ConsentsIT {

  private static final String PASSWORD = "quiet temples 2026";

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(ConsentsIT.class);
  }

  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject TreatmentGate gate;
  @Inject Clients clients;
  @Inject StaffAccounts staff;
  @Inject AuditTrail audit;
  @PersistenceContext EntityManager em;
  @Inject UserTransaction transaction;
  @Resource ManagedExecutorService executor;

  /** A signature across the pad: a zigzag of 20 points, 300 by 80 pixels. */
  static String signature() {
    StringBuilder json = new StringBuilder("{\"lines\":[[");
    for (int i = 0; i < 20; i++) {
      json.append(i == 0 ? "" : ",")
          .append('[')
          .append(50 + i * 15)
          .append(',')
          .append(i % 2 == 0 ? 40 : 120)
          .append(']');
    }
    return json.append("]]}").toString();
  }

  private Client client(String first, LocalDate born) {
    return clients.register(
        new ClientDetails(
            first,
            Names.uniqueSurname("Ci"),
            born,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  private String starter() {
    String username = "desk" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(username, "Front Desk", Role.FRONT_DESK, PASSWORD, false);
    return username;
  }

  private static KioskEvidence kiosk(String starter) {
    return new KioskEvidence(
        UUID.randomUUID().toString(),
        starter,
        "10.0.0.7",
        "Tablet test",
        UUID.randomUUID().toString());
  }

  private static Map<String, Boolean> everythingAccepted(ConsentFormVersion version) {
    Map<String, Boolean> answers = new HashMap<>();
    version.getItems().forEach(item -> answers.put(item.getCode(), true));
    return answers;
  }

  private Consent acceptDisclosure(Client client, String starter) {
    return acceptDisclosure(
        client, client.getFirstName() + " " + client.getLastName(), null, starter);
  }

  private Consent acceptDisclosure(
      Client client, String name, String guardianRelationship, String starter) {
    ConsentFormVersion disclosure = forms.disclosure().orElseThrow();
    return consents.signOnKiosk(
        new Consents.KioskSigning(
            client.getId(),
            disclosure.getId(),
            everythingAccepted(disclosure),
            name,
            guardianRelationship,
            null,
            kiosk(starter)));
  }

  private Consent sign(
      Client client, ConsentFormVersion version, String starter, KioskEvidence evidence) {
    return consents.signOnKiosk(
        new Consents.KioskSigning(
            client.getId(),
            version.getId(),
            everythingAccepted(version),
            client.getFirstName() + " " + client.getLastName(),
            null,
            signature(),
            evidence));
  }

  private ConsentFormVersion newForm(String title, boolean required, boolean witness) {
    return forms.create(
        null,
        FormKind.TREATMENT,
        required,
        new FormDraft(
            title + " " + UUID.randomUUID().toString().substring(0, 6),
            "Some **text**.",
            List.of("I understand."),
            List.of("Cupping"),
            12,
            false,
            witness));
  }

  private long consentCount(Client client) {
    return em.createQuery("select count(c) from Consent c where c.client.id = :c", Long.class)
        .setParameter("c", client.getId())
        .getSingleResult();
  }

  @Test
  void defaultFormsAreInstalledOnAnEmptyDatabase() {
    assertTrue(forms.disclosure().isPresent());
    assertTrue(
        forms.requiredForTreatment().stream()
            .anyMatch(v -> v.getForm().getCode().equals(DefaultConsentForms.MIGRAINE_MASSAGE)));
  }

  @Test
  void theSameScreenSubmittedTwiceAtOnceKeepsExactlyOneConsent() throws Exception {
    String starter = starter();
    Client client = client("Ada", LocalDate.of(1980, 1, 1));
    acceptDisclosure(client, starter);
    ConsentFormVersion form = newForm("Double tap", false, false);
    KioskEvidence sameScreen = kiosk(starter);
    Callable<Long> submit = () -> sign(client, form, starter, sameScreen).getId();
    Future<Long> first = executor.submit(submit);
    Future<Long> second = executor.submit(submit);
    Long third = submit.call();

    assertEquals(first.get(), second.get());
    assertEquals(first.get(), third);
    assertEquals(2, consentCount(client), "the disclosure and one consent");
  }

  @Test
  void aFormPublishedAgainWhileTheClientReadsIsRefusedAsStale() {
    String starter = starter();
    Client client = client("Bea", LocalDate.of(1981, 2, 2));
    acceptDisclosure(client, starter);
    ConsentFormVersion shown = newForm("Stale", false, false);
    forms.publish(shown.getForm().getId(), 1, shown.toDraft());

    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> sign(client, shown, starter, kiosk(starter)));
    assertEquals(RuleViolation.Kind.STALE, refused.kind());
    assertTrue(refused.getMessage().contains("new version 2"));
    assertEquals(1, consentCount(client));
  }

  @Test
  void aTreatmentFormCannotBeSignedElectronicallyBeforeTheDisclosure() {
    String starter = starter();
    Client client = client("Cai", LocalDate.of(1982, 3, 3));
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> sign(client, newForm("No disclosure", false, false), starter, kiosk(starter)));
    assertTrue(refused.getMessage().contains("electronic records disclosure"));
    assertEquals(0, consentCount(client));
  }

  @Test
  void aSigningHandedOverByADeactivatedStaffMemberIsNotKept() {
    String starter = starter();
    Client client = client("Dag", LocalDate.of(1983, 4, 4));
    acceptDisclosure(client, starter);
    StaffAccount account = staff.findByUsername(starter).orElseThrow();
    staff.deactivate(account.getId(), account.getVersion(), "someone-else");

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> sign(client, newForm("Rights", false, false), starter, kiosk(starter)));
    assertTrue(refused.getMessage().contains("not started by an active staff member"));
    assertThrows(
        RuleViolation.class,
        () -> sign(client, newForm("Nobody", false, false), "no-such-user", kiosk("no-such-user")));
    assertEquals(1, consentCount(client));
  }

  @Test
  void missingTicksANameThatIsNotTheClientsAndAScribbleAreAllNamedAndNothingIsSaved() {
    String starter = starter();
    Client client = client("Eli", LocalDate.of(1984, 5, 5));
    acceptDisclosure(client, starter);
    ConsentFormVersion form = newForm("Refusals", false, false);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                consents.signOnKiosk(
                    new Consents.KioskSigning(
                        client.getId(),
                        form.getId(),
                        Map.of(),
                        "Somebody Else",
                        null,
                        "{\"lines\":[[[1,1],[2,2]]]}",
                        kiosk(starter))));

    assertEquals(
        java.util.Set.of("acknowledgements", "techniques", "typedName", "signature"),
        refused.fieldProblems().keySet());
    assertEquals(1, consentCount(client));
  }

  @Test
  void theDisclosureIsAcceptedBySomeoneWhoGivesTheirNameAndForAMinorTheirRelationship() {
    String starter = starter();
    Client adult = client("Siv", LocalDate.of(1980, 3, 3));
    RuleViolation nameless =
        assertThrows(RuleViolation.class, () -> acceptDisclosure(adult, null, null, starter));
    assertEquals(java.util.Set.of("typedName"), nameless.fieldProblems().keySet());
    Client minor = client("Ola", LocalDate.now().minusYears(9));
    RuleViolation noRelationship =
        assertThrows(RuleViolation.class, () -> acceptDisclosure(minor, "Per Dahl", null, starter));
    assertTrue(noRelationship.fieldProblems().containsKey("guardianRelationship"));
    assertEquals(0, consentCount(adult) + consentCount(minor), "nothing half-saved");

    Consent accepted = acceptDisclosure(adult, starter);
    assertEquals("Siv " + adult.getLastName(), accepted.getSignerName());
    assertEquals(SignerRole.CLIENT, accepted.getSignerRole());
    assertNull(accepted.getSignatureStrokes(), "the disclosure asks for no drawn signature");
  }

  @Test
  void aMinorNeedsAGuardianWhoIsRecordedAsTheSigner() {
    String starter = starter();
    Client minor = client("Fia", LocalDate.now().minusYears(12));
    Consent disclosure = acceptDisclosure(minor, "Grete Holm", "mother", starter);
    assertEquals("Grete Holm", disclosure.getSignerName());
    assertEquals("mother", disclosure.getGuardianRelationship());
    ConsentFormVersion form = newForm("Minor", false, false);
    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> sign(minor, form, starter, kiosk(starter)));
    assertTrue(refused.fieldProblems().containsKey("typedName"));
    assertTrue(refused.fieldProblems().containsKey("guardianRelationship"));

    Consent consent =
        consents.signOnKiosk(
            new Consents.KioskSigning(
                minor.getId(),
                form.getId(),
                everythingAccepted(form),
                "Grete Holm",
                "mother",
                signature(),
                kiosk(starter)));
    assertEquals(SignerRole.GUARDIAN, consent.getSignerRole());
    assertEquals("mother", consent.getGuardianRelationship());
  }

  @Test
  void aWithdrawalStopsTreatmentFromThatMomentAndKeepsTheConsent() {
    String starter = starter();
    Client client = client("Gro", LocalDate.of(1985, 6, 6));
    acceptDisclosure(client, starter);
    ConsentFormVersion form = newForm("Withdrawable", true, false);
    Consent consent = sign(client, form, starter, kiosk(starter));
    assertTrue(
        gate.check(client.getId()).consentProblems().stream()
            .noneMatch(p -> p.contains(form.getTitle())));

    RuleViolation noReason =
        assertThrows(
            RuleViolation.class,
            () -> consents.withdraw(consent.getId(), WithdrawalRequester.CLIENT, " "));
    assertTrue(noReason.fieldProblems().containsKey("reason"));
    consents.withdraw(consent.getId(), WithdrawalRequester.CLIENT, "Moving away.");

    assertEquals(
        ConsentStatus.WITHDRAWN, consents.standing(consents.find(consent.getId())).status());
    RuleViolation blocked = assertThrows(RuleViolation.class, () -> gate.require(client.getId()));
    assertTrue(
        blocked.getMessage().contains("\"" + form.getTitle() + "\" was withdrawn on"),
        blocked.getMessage());
    assertThrows(
        RuleViolation.class,
        () -> consents.withdraw(consent.getId(), WithdrawalRequester.STAFF, "Again"));
    assertEquals(2, consentCount(client), "nothing was deleted");
    assertTrue(
        audit.forRecord(RecordKind.CONSENT, consent.getId()).stream()
            .anyMatch(e -> e.getAction() == AuditAction.WITHDRAW));
  }

  @Test
  void aNewVersionThatRequiresReconsentSupersedesEarlierSignatures() {
    String starter = starter();
    Client client = client("Hal", LocalDate.of(1986, 7, 7));
    acceptDisclosure(client, starter);
    ConsentFormVersion first = newForm("Reconsent", true, false);
    Consent old = sign(client, first, starter, kiosk(starter));
    FormDraft unchanged = first.toDraft();
    forms.publish(
        first.getForm().getId(),
        1,
        new FormDraft(
            unchanged.title(),
            unchanged.body() + " More.",
            unchanged.acknowledgements(),
            unchanged.techniques(),
            12,
            false,
            false));
    assertEquals(
        ConsentStatus.VALID,
        consents.standing(consents.find(old.getId())).status(),
        "a minor edit keeps signatures valid");

    ConsentFormVersion third =
        forms.publish(
            first.getForm().getId(),
            2,
            new FormDraft(
                unchanged.title(),
                "New risks.",
                unchanged.acknowledgements(),
                unchanged.techniques(),
                12,
                true,
                false));
    assertEquals(ConsentStatus.SUPERSEDED, consents.standing(consents.find(old.getId())).status());
    assertTrue(
        consents.missingForTreatment(client.getId()).stream()
            .anyMatch(p -> p.contains("new version 3")));

    sign(client, third, starter, kiosk(starter));
    assertTrue(
        consents.missingForTreatment(client.getId()).stream()
            .noneMatch(p -> p.contains(first.getTitle())));
  }

  @Test
  void aWitnessedFormIsNotValidUntilAStaffMemberCountersignsWithTheirPassword() {
    String starter = starter();
    Client client = client("Ivo", LocalDate.of(1987, 8, 8));
    acceptDisclosure(client, starter);
    ConsentFormVersion form = newForm("Witnessed", false, true);
    Consent consent = sign(client, form, starter, kiosk(starter));
    assertEquals(ConsentStatus.AWAITING_WITNESS, consents.standing(consent).status());

    Actor tablet = new Actor("anonymous", null, "10.0.0.7", "Tablet test");
    StaffAccount countersigner = staff.findByUsername(starter).orElseThrow();
    ConsentWitness witness = consents.witness(consent.getId(), countersigner, tablet);
    assertEquals(starter, witness.getWitness());
    assertEquals(ConsentStatus.VALID, consents.standing(consents.find(consent.getId())).status());
    assertThrows(
        RuleViolation.class, () -> consents.witness(consent.getId(), countersigner, tablet));
  }

  @Test
  void aStoredConsentCannotBeChangedThroughThePersistenceLayer() throws Exception {
    String starter = starter();
    Client client = client("Jon", LocalDate.of(1988, 9, 9));
    acceptDisclosure(client, starter);
    Consent consent = sign(client, newForm("Immutable", false, false), starter, kiosk(starter));
    String evidence = consent.getEvidenceSha256();

    transaction.begin();
    Consent managed = em.find(Consent.class, consent.getId());
    java.lang.reflect.Field name = Consent.class.getDeclaredField("signerName");
    name.setAccessible(true);
    name.set(managed, "Forged Name");
    transaction.commit();
    em.clear();

    Consent reread = consents.find(consent.getId());
    assertEquals(client.getFirstName() + " " + client.getLastName(), reread.getSignerName());
    assertEquals(evidence, reread.getEvidenceSha256());
    assertTrue(reread.evidenceIntact());
    assertTrue(
        audit.forRecord(RecordKind.CONSENT, consent.getId()).stream()
            .anyMatch(e -> e.getAction() == AuditAction.SIGN));
  }

  @Test
  void aPaperConsentNeedsAScanAndADateTheFormExistedOn() {
    Client client = client("Kim", LocalDate.of(1989, 10, 10));
    ConsentFormVersion form = newForm("Paper", false, false);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                consents.recordPaper(
                    client.getId(),
                    form.getId(),
                    LocalDate.now().plusDays(2),
                    "Kim " + client.getLastName(),
                    null,
                    everythingAccepted(form),
                    null,
                    UUID.randomUUID().toString()));
    assertTrue(refused.fieldProblems().containsKey("signedOn"));
    assertTrue(refused.fieldProblems().containsKey("scan"));
    assertEquals(0, consentCount(client));

    ScannedDocument scan =
        ScannedDocument.of("signed.pdf", "%PDF-1.4 scanned".getBytes(StandardCharsets.US_ASCII));
    Consent paper =
        consents.recordPaper(
            client.getId(),
            form.getId(),
            clients.today(),
            "Kim " + client.getLastName(),
            null,
            everythingAccepted(form),
            scan,
            UUID.randomUUID().toString());
    assertEquals(SigningMethod.PAPER, paper.getMethod());
    assertEquals(scan.sha256(), paper.getScanSha256());
    assertFalse(paper.hasSignatureImage());
  }
}
