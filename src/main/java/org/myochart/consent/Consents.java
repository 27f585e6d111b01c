package org.myochart.consent;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.audit.RowsRead;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.ScannedDocument;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.IdChunks;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.FieldProblems;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/**
 * Signed consents: given on the tablet or recorded from paper, witnessed, withdrawn, and the answer
 * to "does this client have every consent treatment needs?".
 */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class Consents {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject Validator validator;
  @Inject ClinicSettings settings;
  @Inject Clients clients;
  @Inject ConsentForms forms;
  @Inject StaffAccounts staff;
  @Inject jakarta.enterprise.event.Event<ConsentSigned> signed;

  /** What the client did on the signing screen. */
  public record KioskSigning(
      long clientId,
      long formVersionId,
      Map<String, Boolean> answers,
      String typedName,
      String guardianRelationship,
      String signatureStrokes,
      KioskEvidence evidence) {}

  /**
   * Keeps a consent given on the tablet. Submitting the same screen twice (a double tap, a replayed
   * request) returns the consent the first submission made.
   */
  public Consent signOnKiosk(KioskSigning signing) {
    Optional<Consent> earlier = bySubmission(signing.evidence().submissionId());
    if (earlier.isPresent()) {
      return sameSubmission(earlier.get(), signing.clientId());
    }
    // Locking the client serialises simultaneous submissions, so the check above cannot race.
    Client client = lockedClient(signing.clientId());
    earlier = bySubmission(signing.evidence().submissionId());
    if (earlier.isPresent()) {
      return sameSubmission(earlier.get(), signing.clientId());
    }
    requireStarterMayHandOutTablet(signing.evidence().startedBy());
    ConsentFormVersion version = forms.version(signing.formVersionId());
    requireCurrent(version);
    if (!version.isDisclosure()) {
      requireElectronicRecordsAccepted(client);
    }
    Map<String, String> problems = new LinkedHashMap<>();
    List<Answer> answers = answers(version, signing.answers(), problems);
    // Whoever accepts a form, the disclosure included, gives their name (and a guardian their
    // relationship), so that the record names exactly who accepted it; the disclosure asks for
    // no drawn signature.
    SignedBy signer = signer(client, signing.typedName(), signing.guardianRelationship(), problems);
    DrawnSignature signature = null;
    if (!version.isDisclosure()) {
      try {
        signature = DrawnSignature.parse(signing.signatureStrokes());
      } catch (RuleViolation refused) {
        problems.putAll(refused.fieldProblems());
      }
    }
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
    Consent consent =
        Consent.electronic(
            client, version, answers, signer, signature, signing.evidence(), clock.instant());
    em.persist(consent);
    em.flush();
    auditSigning(consent);
    return consent;
  }

  /** Staff record a consent the client signed on paper, with the scanned page. */
  public Consent recordPaper(
      long clientId,
      long formVersionId,
      LocalDate signedOn,
      String signerName,
      String guardianRelationship,
      Map<String, Boolean> answers,
      ScannedDocument scan,
      String submissionId) {
    Optional<Consent> earlier = bySubmission(submissionId);
    if (earlier.isPresent()) {
      return sameSubmission(earlier.get(), clientId);
    }
    Client client = lockedClient(clientId);
    earlier = bySubmission(submissionId);
    if (earlier.isPresent()) {
      return sameSubmission(earlier.get(), clientId);
    }
    ConsentFormVersion version = forms.version(formVersionId);
    Map<String, String> problems = new LinkedHashMap<>();
    List<Answer> kept = answers(version, answers, problems);
    SignedBy signer = signer(client, signerName, guardianRelationship, problems);
    LocalDate today = clients.today();
    LocalDate published = version.getPublishedAt().atZone(settings.zone()).toLocalDate();
    if (signedOn == null) {
      problems.put("signedOn", "Enter the date written on the paper form.");
    } else if (signedOn.isAfter(today)) {
      problems.put("signedOn", "The signing date cannot be in the future.");
    } else if (signedOn.isBefore(published)) {
      problems.put(
          "signedOn",
          "Version "
              + version.getVersionNumber()
              + " was published on "
              + published
              + "; a paper copy of it cannot be signed earlier.");
    }
    if (scan == null) {
      problems.put("scan", "Attach the scanned, signed paper form.");
    }
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
    Consent consent =
        Consent.paper(
            client,
            version,
            kept,
            signer,
            signedOn,
            scan.contentType(),
            scan.content(),
            actor.get().name(),
            clock.instant(),
            submissionId);
    em.persist(consent);
    em.flush();
    auditSigning(consent);
    return consent;
  }

  /** A staff member, whose password the tablet has just confirmed, countersigns as witness. */
  public ConsentWitness witness(long consentId, StaffAccount witness, Actor from) {
    Consent consent = em.find(Consent.class, consentId, LockModeType.PESSIMISTIC_WRITE);
    if (consent == null) {
      throw RuleViolation.notFound("There is no consent " + consentId + ".");
    }
    if (!consent.getFormVersion().isRequiresWitness()) {
      throw RuleViolation.conflict("This form does not ask for a witness.");
    }
    if (witnessOf(consent).isPresent()) {
      throw RuleViolation.conflict("This consent has already been witnessed.");
    }
    ConsentWitness countersignature =
        new ConsentWitness(
            consent,
            witness.getUsername(),
            witness.getDisplayName(),
            clock.instant(),
            from.ipAddress());
    em.persist(countersignature);
    em.flush();
    audit.recordAs(
        new Actor(witness.getUsername(), witness.getRole(), from.ipAddress(), from.userAgent()),
        AuditAction.WITNESS,
        RecordKind.CONSENT,
        consentId,
        JSON.createObjectBuilder()
            .add("evidenceSha256", countersignature.getEvidenceSha256())
            .build()
            .toString());
    return countersignature;
  }

  /** From now on the consent no longer allows treatment. Nothing is deleted. */
  public ConsentWithdrawal withdraw(
      long consentId,
      @NotNull(message = "{consent.requestedBy.required}") WithdrawalRequester requestedBy,
      @Required(label = "reason for the withdrawal")
          @Text(label = "reason for the withdrawal", max = 2000, multiline = true)
          String reason) {
    Consent consent = em.find(Consent.class, consentId, LockModeType.PESSIMISTIC_WRITE);
    if (consent == null) {
      throw RuleViolation.notFound("There is no consent " + consentId + ".");
    }
    String why = TypedText.clean(reason);
    if (withdrawalOf(consent).isPresent()) {
      throw RuleViolation.conflict("This consent was already withdrawn.");
    }
    ConsentWithdrawal withdrawal =
        new ConsentWithdrawal(consent, clock.instant(), requestedBy, why, actor.get().name());
    em.persist(withdrawal);
    em.flush();
    audit.record(
        AuditAction.WITHDRAW,
        RecordKind.CONSENT,
        consentId,
        JSON.createObjectBuilder()
            .add("client", consent.getClient().getId())
            .add("requestedBy", requestedBy.name())
            .build()
            .toString());
    return withdrawal;
  }

  /** The client asked for paper instead of signing on the tablet. */
  public void recordPaperRequest(long clientId) {
    clients.get(clientId);
    audit.record(AuditAction.PAPER_REQUEST, RecordKind.CONSENT, "client:" + clientId, null);
  }

  /** Every consent of the client with where it stands, newest first. */
  public List<ConsentStanding> standings(long clientId) {
    List<ConsentStanding> found = standingsOf(clientId);
    // One entry for the list, whichever page or API asked for it.
    audit.recordDetail(
        AuditAction.VIEW,
        RecordKind.CONSENT,
        "client:" + clientId,
        new RowsRead(clientId, found.size()));
    return found;
  }

  /**
   * The consents as they stand, for this service's own answers (what is missing); not a read by a
   * person.
   */
  private List<ConsentStanding> standingsOf(long clientId) {
    return em
        .createQuery(
            "select c from Consent c where c.client.id = :c order by c.signedAt desc, c.id desc",
            Consent.class)
        .setParameter("c", clientId)
        .getResultList()
        .stream()
        .map(this::standing)
        .toList();
  }

  /** One consent, for reading; the reading is audited. */
  public ConsentStanding open(long consentId) {
    Consent consent = find(consentId);
    audit.record(AuditAction.VIEW, RecordKind.CONSENT, consentId, null);
    return standing(consent);
  }

  public Consent find(long consentId) {
    Consent consent = em.find(Consent.class, consentId);
    if (consent == null) {
      throw RuleViolation.notFound("There is no consent " + consentId + ".");
    }
    return consent;
  }

  public ConsentStanding standing(Consent consent) {
    return ConsentStanding.of(
        consent,
        witnessOf(consent),
        withdrawalOf(consent),
        forms.requiredSuccessor(consent.getFormVersion()),
        clock.instant(),
        settings.zone());
  }

  /** Whether the client has a valid acceptance of the electronic records disclosure. */
  public boolean electronicRecordsAccepted(long clientId) {
    return standingsOf(clientId).stream()
        .anyMatch(s -> s.isValid() && s.consent().getFormVersion().isDisclosure());
  }

  /**
   * What stands between the client and treatment on the consent side: one sentence per required
   * form that has no valid consent. Empty when every required consent is in place.
   */
  public List<String> missingForTreatment(long clientId) {
    return missingVersions(clientId).entrySet().stream().map(Map.Entry::getValue).toList();
  }

  /** The required form versions the client still has to sign, with why. */
  public Map<ConsentFormVersion, String> missingVersions(long clientId) {
    Map<ConsentFormVersion, String> missing = new LinkedHashMap<>();
    coverage(clientId).gaps().forEach(gap -> missing.put(gap.required(), gap.problem()));
    return missing;
  }

  /** Whether the client's consents cover treatment, and if not, what is missing. */
  public ConsentCoverage coverage(long clientId) {
    clients.get(clientId);
    return ConsentCoverage.of(forms.requiredForTreatment(), standingsOf(clientId), settings.zone());
  }

  /**
   * {@link #coverage(long)} for many clients at once, in a few queries whatever their number (a
   * list of clients shows it on every row). Ids of clients that do not exist are left out.
   */
  public Map<Long, ConsentCoverage> coverage(Collection<Long> clientIds) {
    List<ConsentFormVersion> required = forms.requiredForTreatment();
    Map<Long, Optional<ConsentFormVersion>> successors = new HashMap<>();
    Map<Long, ConsentCoverage> coverage = new HashMap<>();
    for (List<Long> ids : IdChunks.of(clientIds)) {
      // Read first, so that each consent finds its client in this transaction's own cache.
      List<Client> listed =
          em.createQuery("select c from Client c where c.id in :ids", Client.class)
              .setParameter("ids", ids)
              .getResultList();
      List<Consent> signed =
          em.createQuery(
                  "select c from Consent c where c.client.id in :ids"
                      + " order by c.signedAt desc, c.id desc",
                  Consent.class)
              .setParameter("ids", ids)
              .setHint("eclipselink.batch", "c.answers")
              .setHint("eclipselink.batch.type", "IN")
              .getResultList();
      Map<Long, ConsentWitness> witnesses = new HashMap<>();
      em.createQuery(
              "select w from ConsentWitness w where w.consent.client.id in :ids",
              ConsentWitness.class)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(w -> witnesses.put(w.getConsent().getId(), w));
      Map<Long, ConsentWithdrawal> withdrawals = new HashMap<>();
      em.createQuery(
              "select w from ConsentWithdrawal w where w.consent.client.id in :ids",
              ConsentWithdrawal.class)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(w -> withdrawals.put(w.getConsent().getId(), w));
      Map<Long, List<ConsentStanding>> byClient = new HashMap<>();
      for (Consent consent : signed) {
        ConsentFormVersion version = consent.getFormVersion();
        ConsentStanding standing =
            ConsentStanding.of(
                consent,
                Optional.ofNullable(witnesses.get(consent.getId())),
                Optional.ofNullable(withdrawals.get(consent.getId())),
                successors.computeIfAbsent(version.getId(), v -> forms.requiredSuccessor(version)),
                clock.instant(),
                settings.zone());
        byClient.computeIfAbsent(consent.getClient().getId(), c -> new ArrayList<>()).add(standing);
      }
      for (Client client : listed) {
        coverage.put(
            client.getId(),
            ConsentCoverage.of(
                required, byClient.getOrDefault(client.getId(), List.of()), settings.zone()));
      }
    }
    return coverage;
  }

  private Optional<ConsentWitness> witnessOf(Consent consent) {
    return em.createQuery(
            "select w from ConsentWitness w where w.consent = :c", ConsentWitness.class)
        .setParameter("c", consent)
        .getResultStream()
        .findFirst();
  }

  private Optional<ConsentWithdrawal> withdrawalOf(Consent consent) {
    return em.createQuery(
            "select w from ConsentWithdrawal w where w.consent = :c", ConsentWithdrawal.class)
        .setParameter("c", consent)
        .getResultStream()
        .findFirst();
  }

  private Optional<Consent> bySubmission(String submissionId) {
    if (submissionId == null || submissionId.isBlank() || submissionId.length() > 60) {
      throw RuleViolation.invalid("The signing screen is incomplete; reload it and sign again.");
    }
    return em.createQuery("select c from Consent c where c.submissionId = :s", Consent.class)
        .setParameter("s", submissionId)
        .getResultStream()
        .findFirst();
  }

  private static Consent sameSubmission(Consent earlier, long clientId) {
    if (!earlier.getClient().getId().equals(clientId)) {
      throw RuleViolation.conflict("This signing screen was already used for another client.");
    }
    return earlier;
  }

  private Client lockedClient(long clientId) {
    Client client = em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
    if (client == null) {
      throw RuleViolation.notFound("There is no client " + clientId + ".");
    }
    if (!client.isActive()) {
      throw RuleViolation.conflict(
          client.getFullName() + " is inactive; reactivate the client first.");
    }
    return client;
  }

  private void requireStarterMayHandOutTablet(String startedBy) {
    Optional<StaffAccount> starter =
        startedBy == null ? Optional.empty() : staff.findByUsername(startedBy);
    if (starter.isEmpty() || !starter.get().isActive()) {
      throw RuleViolation.conflict(
          "This signing was not started by an active staff member, so it cannot be kept."
              + " Please hand the tablet back to the front desk.");
    }
  }

  private void requireCurrent(ConsentFormVersion version) {
    ConsentForm form = version.getForm();
    em.refresh(form);
    if (!form.isActive()) {
      throw RuleViolation.conflict(
          "The form \""
              + version.getTitle()
              + "\" is no longer in use. Please hand the tablet back.");
    }
    if (form.getLatestVersionNumber() != version.getVersionNumber()) {
      throw new RuleViolation(
          RuleViolation.Kind.STALE,
          "The clinic updated this form while you were reading it."
              + " Please read the new version "
              + form.getLatestVersionNumber()
              + " and sign again.");
    }
  }

  private void requireElectronicRecordsAccepted(Client client) {
    if (forms.disclosure().isPresent() && !electronicRecordsAccepted(client.getId())) {
      throw RuleViolation.conflict(
          "Before signing on the tablet, "
              + client.getFirstName()
              + " needs to accept the electronic records disclosure.");
    }
  }

  private static List<Answer> answers(
      ConsentFormVersion version, Map<String, Boolean> given, Map<String, String> problems) {
    Map<String, Boolean> answers = given == null ? Map.of() : given;
    List<Answer> kept = new ArrayList<>();
    List<String> unticked = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    for (FormItem item : version.getItems()) {
      Boolean answer = answers.get(item.getCode());
      if (item.isAcknowledgement() && !Boolean.TRUE.equals(answer)) {
        unticked.add(item.getText());
      } else if (!item.isAcknowledgement() && answer == null) {
        unanswered.add(item.getText());
      } else {
        kept.add(new Answer(item, answer));
      }
    }
    if (!unticked.isEmpty()) {
      problems.put(
          "acknowledgements",
          "Please tick every statement before signing. Not ticked yet: "
              + String.join("; ", unticked.stream().map(Consents::quote).toList())
              + ".");
    }
    if (!unanswered.isEmpty()) {
      problems.put(
          "techniques",
          "Please choose Yes or No for: "
              + String.join("; ", unanswered.stream().map(Consents::quote).toList())
              + ".");
    }
    return kept;
  }

  private static String quote(String text) {
    return "\"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
  }

  /** The signer, with what is wrong with the name or relationship added to {@code problems}. */
  private SignedBy signer(
      Client client, String typedName, String guardianRelationship, Map<String, String> problems) {
    Signer signer =
        Signer.of(client, client.isMinorOn(clients.today()), typedName, guardianRelationship);
    FieldProblems.of(validator.validate(signer)).forEach(problems::putIfAbsent);
    return signer.signedBy();
  }

  private void auditSigning(Consent consent) {
    AuditEntry signing =
        audit.stamp(
            AuditAction.SIGN,
            RecordKind.CONSENT,
            consent.getId(),
            JSON.createObjectBuilder()
                .add("client", consent.getClient().getId())
                .add("formVersion", consent.getFormVersion().getId())
                .add("method", consent.getMethod().name())
                .add("signerRole", consent.getSignerRole().name())
                .add("evidenceSha256", consent.getEvidenceSha256())
                .build()
                .toString());
    signed.fire(new ConsentSigned(consent, signing));
    // Sealing appends it first, ahead of the seal's own entry; otherwise it is appended here.
    audit.append(signing);
  }
}
