package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditChain;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.AuditTree;
import org.myochart.audit.ChainCheck;
import org.myochart.audit.CurrentActor;
import org.myochart.consent.TreatmentGate;
import org.myochart.platform.RuleViolation;
import org.myochart.security.KioskSession;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.Names;

/** Clients, intakes, red flags and clearances inside Payara Micro on the real database. */
@InTheContainer
class ClientsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(ClientsIT.class);
  }

  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject IntakeDrafts drafts;
  @Inject TreatmentGate gate;
  @Inject AuditTrail audit;
  @Inject AuditTree tree;
  @Inject AuditChain chain;
  @PersistenceContext EntityManager em;

  private static String surname() {
    return Names.uniqueSurname("Zz");
  }

  private static <T> T asOwner(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    CurrentActor.actAs(
        new Actor("owner", Role.OWNER, "127.0.0.1", "ClientsIT"), () -> result.set(work.get()));
    return result.get();
  }

  /** As the tablet handed to the client: the kiosk session names the client, never the request. */
  private static void onTabletOf(Client client, Runnable work) {
    KioskSession kiosk =
        new KioskSession(
            "tablet",
            client.getId(),
            KioskSession.Purpose.INTAKE,
            List.of(),
            "frontdesk",
            java.time.Instant.now(),
            false);
    CurrentActor.actAs(new Actor(kiosk.actorName(), Role.KIOSK, "10.0.0.8", "tablet"), work);
  }

  private Client register(String first, String last, LocalDate born) {
    return clients.register(Fixtures.details(first, last, born));
  }

  @Test
  void registeredClientIsStoredAndAudited() {
    Client client = register("Anna", surname(), LocalDate.of(1986, 4, 12));

    assertEquals("Anna", clients.get(client.getId()).getFirstName());
    assertEquals(
        AuditAction.CREATE,
        audit.forRecord(Clients.RECORD_TYPE, client.getId()).get(0).getAction());
  }

  @Test
  void sameNameAndBirthIsFlaggedAsPossibleDuplicateNotRefused() {
    String last = surname();
    Client first = register("Ola", last, LocalDate.of(1970, 1, 1));
    Client second = register("ola", last.toUpperCase(), LocalDate.of(1970, 1, 1));

    assertFalse(first.isPossibleDuplicate());
    assertTrue(second.isPossibleDuplicate());
  }

  private static ClientDetails withoutPhone(String first, String last, LocalDate born) {
    return new ClientDetails(first, last, born, null, null, null, null, null, null, null, null);
  }

  @Test
  void possibleDuplicatesAreFoundByNameAndBirthOrByPhoneButAFormIsNoDuplicateOfItself() {
    String last = surname();
    String phone = "+47 41 " + String.format("%06d", Math.floorMod(last.hashCode(), 1_000_000));
    ClientDetails kari =
        new ClientDetails(
            "Kari",
            last,
            LocalDate.of(1975, 5, 5),
            phone,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    String submission = java.util.UUID.randomUUID().toString();
    Client registered = clients.registerOnce(kari, submission);

    assertEquals(
        List.of(registered.getId()),
        clients
            .possibleDuplicates(
                withoutPhone("KARI", last.toUpperCase(), LocalDate.of(1975, 5, 5)), null)
            .stream()
            .map(Client::getId)
            .toList());
    ClientDetails samePhone =
        new ClientDetails(
            "Per",
            surname(),
            LocalDate.of(1980, 1, 1),
            phone.replace(" ", ""),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(
        List.of(registered.getId()),
        clients.possibleDuplicates(samePhone, null).stream().map(Client::getId).toList());
    assertEquals(List.of(), clients.possibleDuplicates(kari, submission), "a repeated post");
    assertEquals(
        List.of(),
        clients.possibleDuplicates(withoutPhone("Kari", last, LocalDate.of(1975, 5, 6)), null));
  }

  @Test
  void invalidDetailsSaveNothingAndNameEveryField() {
    String last = surname();
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                clients.register(
                    new ClientDetails(
                        "",
                        last,
                        LocalDate.now().plusDays(3),
                        null,
                        "nope",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "n".repeat(10_000))));

    assertTrue(
        refused
            .fieldProblems()
            .keySet()
            .containsAll(List.of("firstName", "dateOfBirth", "email", "notes")));
    assertEquals(0, clients.search(last, true, 0, 10).total());
  }

  @Test
  void theContainerValidatesServiceParametersWithTheClinicsMessagesInFormOrder() {
    String last = surname();
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                clients.register(
                    new ClientDetails(
                        "Ann\u202Ea",
                        last,
                        LocalDate.now().plusDays(3),
                        null,
                        "nope",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "n".repeat(10_000))));

    assertEquals(
        List.of("firstName", "dateOfBirth", "email", "notes"),
        List.copyOf(refused.fieldProblems().keySet()));
    assertEquals(
        "The first name contains an invisible or text-direction character; type it again without copying it"
            + " from elsewhere.",
        refused.fieldProblems().get("firstName"));
    assertEquals(
        "The date of birth cannot be in the future.", refused.fieldProblems().get("dateOfBirth"));
    assertEquals(
        "The notes may have at most 4000 characters; it has 10000.",
        refused.fieldProblems().get("notes"));
    assertEquals("Please correct the 4 marked fields.", refused.getMessage());
  }

  @Test
  void aMedicationWithoutANameIsRefusedOnTheMedicationsField() {
    Client client = register("Mia", surname(), LocalDate.of(1975, 7, 7));
    IntakeAnswers unnamed =
        new IntakeAnswers(
            10,
            24,
            5,
            false,
            false,
            false,
            false,
            false,
            false,
            null,
            false,
            null,
            List.of(new Medication(" ", MedicationKind.ACUTE)),
            false,
            false,
            false,
            null,
            null,
            null,
            Set.of());

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> asOwner(() -> intakes.submit(client.getId(), unnamed, IntakeSource.STAFF)));
    assertEquals(Map.of("medications", "Enter the medication name."), refused.fieldProblems());
  }

  @Test
  void searchFindsByNamePrefixPhoneAndBirthDate() {
    String last = surname();
    Client anna =
        clients.register(
            new ClientDetails(
                "Annabel",
                last,
                LocalDate.of(1984, 3, 14),
                "+47 400 12 3" + last.hashCode() % 10,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

    assertEquals(
        List.of(anna.getId()), ids(clients.search("ann " + last.substring(0, 6), false, 0, 10)));
    assertTrue(ids(clients.search("1984-03-14", false, 0, 100)).contains(anna.getId()));
    assertTrue(ids(clients.search("400 12", false, 0, 100)).contains(anna.getId()));
  }

  @Test
  void inactiveClientsAreHiddenUnlessAskedForAndNeverDeleted() {
    String last = surname();
    Client client = register("Ina", last, LocalDate.of(1990, 5, 5));
    clients.deactivate(client.getId(), client.getVersion());

    assertEquals(0, clients.search(last, false, 0, 10).total());
    assertEquals(1, clients.search(last, true, 0, 10).total());
  }

  @Test
  void searchPagesThroughLargeResults() {
    String last = surname();
    for (int i = 0; i < 7; i++) {
      register("P" + i, last, LocalDate.of(1990, 1, 1 + i));
    }

    Clients.Page page = clients.search(last, false, 5, 5);
    assertEquals(7, page.total());
    assertEquals(2, page.clients().size());
  }

  @Test
  void staleEditIsRefusedAndKeepsTheNewerChange() {
    Client client = register("Siri", surname(), LocalDate.of(1980, 2, 2));
    long seen = client.getVersion();
    clients.update(
        client.getId(), seen, Fixtures.details("Siri", "Newer", LocalDate.of(1980, 2, 2)));

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                clients.update(
                    client.getId(),
                    seen,
                    Fixtures.details("Siri", "Older", LocalDate.of(1980, 2, 2))));
    assertEquals(RuleViolation.Kind.STALE, refused.kind());
    assertEquals("Newer", clients.get(client.getId()).getLastName());
  }

  @Test
  void intakesAreKeptAsIncreasingVersions() {
    Client client = register("Vera", surname(), LocalDate.of(1975, 7, 7));
    asOwner(
        () ->
            intakes.submit(
                client.getId(),
                Fixtures.answers(
                    Set.of(),
                    List.of(new Medication("Warfarin", MedicationKind.BLOOD_THINNER)),
                    false),
                IntakeSource.STAFF));
    onTabletOf(
        client,
        () ->
            intakes.submit(
                client.getId(), Fixtures.answers(Set.of(), List.of(), false), IntakeSource.KIOSK));

    List<HealthIntake> history = asOwner(() -> intakes.history(client.getId()));
    assertEquals(List.of(2, 1), history.stream().map(HealthIntake::getVersionNumber).toList());
    assertEquals("Warfarin", history.get(1).getMedications().get(0).getName());
    assertEquals(IntakeSource.KIOSK, history.get(0).getSource());
    assertEquals(AuditAction.VIEW, audit.latest(1).get(0).getAction());
  }

  @Test
  void invalidIntakeSavesNothing() {
    Client client = register("Pia", surname(), LocalDate.of(1975, 7, 7));
    IntakeAnswers painEleven =
        new IntakeAnswers(
            10, 24, 11, false, false, false, false, false, false, null, false, null, List.of(),
            false, false, false, null, null, null, Set.of());

    assertThrows(
        RuleViolation.class,
        () -> asOwner(() -> intakes.submit(client.getId(), painEleven, IntakeSource.STAFF)));
    assertTrue(asOwner(() -> intakes.current(client.getId())).isEmpty());
  }

  @Test
  void redFlagBlocksTreatmentUntilAClearanceWithItsLetterIsRecorded() {
    Client client = register("Rolf", surname(), LocalDate.of(1960, 3, 3));
    onTabletOf(
        client,
        () ->
            intakes.submit(
                client.getId(),
                Fixtures.answers(EnumSet.of(RedFlag.THUNDERCLAP), List.of(), false),
                IntakeSource.KIOSK));

    RuleViolation refused = assertThrows(RuleViolation.class, () -> gate.require(client.getId()));
    assertTrue(refused.getMessage().contains("worst you have ever had"), refused.getMessage());

    byte[] letter = "%PDF-1.4 cleared for massage".getBytes(StandardCharsets.US_ASCII);
    MedicalClearance clearance =
        asOwner(
            () ->
                intakes.recordClearance(
                    client.getId(),
                    "Dr. Lund",
                    clients.today(),
                    "Seen; fine.",
                    ScannedDocument.of("letter.pdf", letter)));

    assertEquals(
        List.of(), gate.check(client.getId()).safetyProblems(), "only the consent is missing");
    assertArrayEquals(letter, asOwner(() -> intakes.clearance(clearance.getId())).letter());
    assertEquals(64, clearance.getLetterSha256().length());
  }

  @Test
  void clearanceInTheFutureIsRefused() {
    Client client = register("Fia", surname(), LocalDate.of(1960, 3, 3));

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                asOwner(
                    () ->
                        intakes.recordClearance(
                            client.getId(), "Dr. X", clients.today().plusDays(2), "note", null)));
    assertEquals(
        "The clearance date cannot be in the future.", refused.fieldProblems().get("clearedOn"));
    RuleViolation blank =
        assertThrows(
            RuleViolation.class,
            () ->
                asOwner(
                    () ->
                        intakes.recordClearance(
                            client.getId(), "  ", clients.today(), "note", null)));
    assertEquals(Map.of("physicianName", "Enter the physician's name."), blank.fieldProblems());
    assertTrue(asOwner(() -> intakes.clearances(client.getId())).isEmpty());
  }

  @Test
  void acuteAttackAtTheVisitBlocksTreatmentToday() {
    Client client = register("Ada", surname(), LocalDate.of(1988, 8, 8));
    asOwner(
        () ->
            intakes.submit(
                client.getId(), Fixtures.answers(Set.of(), List.of(), false), IntakeSource.STAFF));
    assertEquals(
        List.of(), gate.check(client.getId()).safetyProblems(), "only the consent is missing");

    asOwner(() -> intakes.recordVisitCheck(client.getId(), true, false, Set.of()));

    assertTrue(
        intakes
            .treatmentBlock(client.getId())
            .orElseThrow()
            .reasons()
            .get(0)
            .startsWith("Acute severe migraine attack today"));
  }

  @Test
  void intakeForAnUnknownClientIsNotFound() {
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                asOwner(
                    () ->
                        intakes.submit(
                            987654321L,
                            Fixtures.answers(Set.of(), List.of(), false),
                            IntakeSource.STAFF)));
    assertEquals(RuleViolation.Kind.NOT_FOUND, refused.kind());
  }

  @Test
  void auditTrailStaysIntactWithClientActivity() {
    register("Kai", surname(), LocalDate.of(1999, 9, 9));
    AuditEntry registered = audit.latest(1).get(0);
    assertEquals(registered.computeHash(), registered.getEntryHash());

    tree.publish();

    ChainCheck.Result check = chain.verify();
    assertTrue(check.intact(), check.reason());
  }

  private static List<Long> ids(Clients.Page page) {
    return page.clients().stream().map(Client::getId).toList();
  }

  private static IntakeDraftAnswers typedSoFar(String triggers, Integer days) {
    return new IntakeDraftAnswers(
        java.util.Map.of("THUNDERCLAP", "no"),
        days,
        null,
        null,
        List.of("aura"),
        triggers,
        null,
        null,
        List.of(new IntakeDraftAnswers.MedicationLine("", null)),
        List.of(),
        null,
        null,
        null);
  }

  @Test
  void answersKeptOnTheTabletComeBackAsTypedAndSendingClosesTheDraft() {
    Client client = register("Ines", surname(), LocalDate.of(1980, 3, 3));
    onTabletOf(
        client,
        () -> drafts.keep("tablet", client.getId(), "frontdesk", typedSoFar("stre", 400), 1));
    onTabletOf(
        client,
        () -> drafts.keep("tablet", client.getId(), "frontdesk", typedSoFar("stress", 400), 2));
    // An identical keep writes nothing.
    long entries = audit.forRecord(IntakeDrafts.RECORD_TYPE, openDraftOf(client).getId()).size();
    onTabletOf(
        client,
        () -> drafts.keep("tablet", client.getId(), "frontdesk", typedSoFar("stress", 400), 2));
    assertEquals(
        entries, audit.forRecord(IntakeDrafts.RECORD_TYPE, openDraftOf(client).getId()).size());

    AtomicReference<IntakeDrafts.Kept> kept = new AtomicReference<>();
    onTabletOf(client, () -> kept.set(drafts.resume("tablet", client.getId()).orElseThrow()));
    // Kept as typed: an out-of-range number and an empty medication row are draft state.
    assertEquals(400, kept.get().answers().headacheDaysPerMonth());
    assertEquals("stress", kept.get().answers().triggers());
    assertEquals(List.of("aura"), kept.get().answers().symptoms());
    assertEquals(2, kept.get().draft().getStep());

    onTabletOf(
        client,
        () -> drafts.send("tablet", client.getId(), Fixtures.answers(Set.of(), List.of(), false)));
    assertTrue(asOwner(() -> drafts.openFor(client.getId())).isEmpty());
    assertEquals(
        IntakeDraft.Outcome.SENT,
        em.createQuery("select d from IntakeDraft d where d.clientId = :c", IntakeDraft.class)
            .setParameter("c", client.getId())
            .getSingleResult()
            .getOutcome());
  }

  @Test
  void onlyTheClientsOwnTabletKeepsAnswersAndOnlyStaffDiscardThem() {
    Client client = register("Jon", surname(), LocalDate.of(1980, 3, 3));
    Client other = register("Kai", surname(), LocalDate.of(1981, 4, 4));
    RuleViolation wrongTablet =
        assertThrows(
            RuleViolation.class,
            () ->
                onTabletOf(
                    other,
                    () ->
                        drafts.keep("tablet", client.getId(), "frontdesk", typedSoFar("x", 1), 0)));
    assertEquals(RuleViolation.Kind.FORBIDDEN, wrongTablet.kind());
    assertTrue(asOwner(() -> drafts.openFor(client.getId())).isEmpty());

    onTabletOf(
        client, () -> drafts.lock("tablet", client.getId(), "frontdesk", typedSoFar("x", 1), 0));
    IntakeDraft locked = openDraftOf(client);
    assertTrue(locked.getLockedAt() != null);
    RuleViolation tabletDiscards =
        assertThrows(
            RuleViolation.class,
            () -> onTabletOf(client, () -> drafts.discard(locked.getId(), client.getId())));
    assertEquals(RuleViolation.Kind.FORBIDDEN, tabletDiscards.kind());
    assertEquals(
        RuleViolation.Kind.NOT_FOUND,
        assertThrows(
                RuleViolation.class,
                () ->
                    asOwner(
                        () -> {
                          drafts.discard(locked.getId(), other.getId());
                          return null;
                        }))
            .kind());

    asOwner(
        () -> {
          drafts.discard(locked.getId(), client.getId());
          return null;
        });
    assertTrue(asOwner(() -> drafts.openFor(client.getId())).isEmpty());
    assertEquals(
        RuleViolation.Kind.CONFLICT,
        assertThrows(
                RuleViolation.class,
                () ->
                    asOwner(
                        () -> {
                          drafts.discard(locked.getId(), client.getId());
                          return null;
                        }))
            .kind());
    assertTrue(
        audit.forRecord(IntakeDrafts.RECORD_TYPE, locked.getId()).stream()
            .anyMatch(e -> e.getDetail().contains("\"discarded\"")));
  }

  private IntakeDraft openDraftOf(Client client) {
    return asOwner(() -> drafts.openFor(client.getId())).get(0);
  }
}
