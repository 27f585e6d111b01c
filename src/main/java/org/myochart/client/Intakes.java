package org.myochart.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.IdChunks;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.FieldProblems;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/**
 * Health intakes, red-flag screening, medical clearances and visit checks, and the answer to "may
 * this client be treated now?" that sessions and SOAP notes ask before they start.
 */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class Intakes {

  public static final String INTAKE = "HealthIntake";
  public static final String CLEARANCE = "MedicalClearance";
  public static final String VISIT_CHECK = "VisitCheck";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject ClinicSettings settings;
  @Inject Clients clients;
  @Inject ClinicalRecordAccess caseloads;
  @Inject Validator validator;

  /**
   * Keeps the answers as the client's next intake version: typed by staff who may open the client's
   * clinical record, or by the client on the tablet handed to them. Answers identical to the
   * current version record nothing new; that version is returned.
   */
  public HealthIntake submit(long clientId, @Valid IntakeAnswers answers, IntakeSource source) {
    if (source == IntakeSource.KIOSK) {
      caseloads.requireTabletOf(clientId);
    } else {
      caseloads.require(clientId);
    }
    // Locking the client serialises two submissions at once, so versions never collide.
    Client client = em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
    if (client == null) {
      throw RuleViolation.notFound("There is no client " + clientId + ".");
    }
    if (!client.isActive()) {
      throw RuleViolation.conflict(
          client.getFullName() + " is inactive; reactivate the client first.");
    }
    Optional<HealthIntake> latest = intakesOf(clientId).stream().findFirst();
    if (latest.isPresent() && latest.get().sameAnswersAs(answers)) {
      // Nothing changed: the current version stays current, and no identical copy is recorded.
      return latest.get();
    }
    int next =
        em.createQuery(
                    "select coalesce(max(i.versionNumber), 0) from HealthIntake i where i.client = :c",
                    Integer.class)
                .setParameter("c", client)
                .getSingleResult()
            + 1;
    HealthIntake intake =
        new HealthIntake(client, next, answers, source, actor.get().name(), clock.instant());
    em.persist(intake);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        INTAKE,
        intake.getId(),
        new IntakeRecorded(clientId, next, source, answers.redFlags()));
    return intake;
  }

  /**
   * Refuses the named answers when one of them breaks its constraint, so that the kiosk can check
   * one step of the questionnaire at a time with the rules the whole intake is checked by.
   */
  public void checkAnswers(IntakeAnswers answers, Set<String> fields) {
    Set<ConstraintViolation<IntakeAnswers>> refused = new LinkedHashSet<>();
    fields.forEach(field -> refused.addAll(validator.validateProperty(answers, field)));
    if (!refused.isEmpty()) {
      throw FieldProblems.refusal(refused);
    }
  }

  /** Every intake of the client, newest first; reading them is audited. */
  public List<HealthIntake> history(long clientId) {
    caseloads.require(clientId);
    List<HealthIntake> intakes = intakesOf(clientId);
    audit.record(AuditAction.VIEW, INTAKE, "client:" + clientId, null);
    return intakes;
  }

  public Optional<HealthIntake> current(long clientId) {
    caseloads.require(clientId);
    return intakesOf(clientId).stream().findFirst();
  }

  public MedicalClearance recordClearance(
      long clientId,
      @Required(label = "physician's name") @Text(label = "physician's name", max = 200)
          String physicianName,
      @NotNull(message = "{clearance.clearedOn.required}")
          @PastOrPresent(message = "{clearance.clearedOn.future}")
          LocalDate clearedOn,
      @Required(label = "clearance note")
          @Text(label = "clearance note", max = 4000, multiline = true)
          String note,
      ScannedDocument letter) {
    caseloads.require(clientId);
    Client client = clients.get(clientId);
    if (clearedOn.isBefore(client.getDateOfBirth())) {
      throw RuleViolation.invalidFields(
          Map.of("clearedOn", "The clearance date cannot be before the client's birth."));
    }
    String physician = TypedText.clean(physicianName);
    String text = TypedText.clean(note);
    MedicalClearance clearance =
        new MedicalClearance(
            client, physician, clearedOn, text, letter, actor.get().name(), clock.instant());
    em.persist(clearance);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        CLEARANCE,
        clearance.getId(),
        new ClearanceRecorded(clientId, letter == null ? null : letter.sha256()));
    return clearance;
  }

  public List<MedicalClearance> clearances(long clientId) {
    caseloads.require(clientId);
    return clearancesOf(clientId);
  }

  private List<MedicalClearance> clearancesOf(long clientId) {
    return em.createQuery(
            "select m from MedicalClearance m where m.client.id = :c order by m.recordedAt desc",
            MedicalClearance.class)
        .setParameter("c", clientId)
        .getResultList();
  }

  public MedicalClearance clearance(long clearanceId) {
    MedicalClearance clearance = em.find(MedicalClearance.class, clearanceId);
    if (clearance == null) {
      throw RuleViolation.notFound("There is no clearance " + clearanceId + ".");
    }
    caseloads.require(clearance.getClient().getId());
    audit.record(AuditAction.VIEW, CLEARANCE, clearanceId, null);
    return clearance;
  }

  /** Whose clearance this is, without reading it (access is checked before the audited read). */
  public long clientOfClearance(long clearanceId) {
    return em.createQuery("select m.client.id from MedicalClearance m where m.id = :id", Long.class)
        .setParameter("id", clearanceId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> RuleViolation.notFound("There is no clearance " + clearanceId + "."));
  }

  public VisitCheck recordVisitCheck(
      long clientId, boolean acuteSevereAttack, boolean changedSinceLast, Set<RedFlag> redFlags) {
    caseloads.require(clientId);
    Client client = clients.get(clientId);
    VisitCheck check =
        new VisitCheck(
            client,
            clients.today(),
            acuteSevereAttack,
            changedSinceLast,
            redFlags == null ? Set.of() : redFlags,
            actor.get().name(),
            clock.instant());
    em.persist(check);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        VISIT_CHECK,
        check.getId(),
        new VisitChecked(clientId, acuteSevereAttack, changedSinceLast, check.getRedFlags()));
    return check;
  }

  public List<VisitCheck> visitChecks(long clientId) {
    caseloads.require(clientId);
    return visitChecksOf(clientId);
  }

  private List<VisitCheck> visitChecksOf(long clientId) {
    return em.createQuery(
            "select v from VisitCheck v where v.client.id = :c order by v.recordedAt desc",
            VisitCheck.class)
        .setParameter("c", clientId)
        .getResultList();
  }

  /**
   * Why the client may not be treated now, if anything stands in the way. Everyone on staff may ask
   * (the front desk sees that treatment is on hold); pages show the reasons only to those who may
   * open the clinical record.
   */
  public Optional<TreatmentBlock> treatmentBlock(long clientId) {
    clients.get(clientId);
    Optional<MedicalClearance> latest = clearancesOf(clientId).stream().findFirst();
    return TreatmentBlock.assess(
        intakesOf(clientId), visitChecksOf(clientId), latest, clients.today(), settings.zone());
  }

  /**
   * {@link #treatmentBlock(long)} for many clients at once, in a few queries whatever their number
   * (lists of clients show it on every row): the clients on hold, each with its block.
   */
  public Map<Long, TreatmentBlock> treatmentBlocks(Collection<Long> clientIds) {
    Map<Long, TreatmentBlock> blocks = new HashMap<>();
    LocalDate today = clients.today();
    for (List<Long> ids : IdChunks.of(clientIds)) {
      // Read first, so that each row below finds its client in this transaction's own cache.
      List<Client> listed =
          em.createQuery("select c from Client c where c.id in :ids", Client.class)
              .setParameter("ids", ids)
              .getResultList();
      Map<Long, List<HealthIntake>> intakes =
          byClient(
              em.createQuery(
                      "select i from HealthIntake i where i.client.id in :ids", HealthIntake.class)
                  .setParameter("ids", ids)
                  .setHint("eclipselink.batch", "i.redFlags")
                  .setHint("eclipselink.batch.type", "IN")
                  .getResultList(),
              HealthIntake::getClient);
      Map<Long, List<VisitCheck>> checks =
          byClient(
              em.createQuery(
                      "select v from VisitCheck v where v.client.id in :ids", VisitCheck.class)
                  .setParameter("ids", ids)
                  .setHint("eclipselink.batch", "v.redFlags")
                  .setHint("eclipselink.batch.type", "IN")
                  .getResultList(),
              VisitCheck::getClient);
      Map<Long, List<MedicalClearance>> clearances =
          byClient(
              em.createQuery(
                      "select m from MedicalClearance m where m.client.id in :ids"
                          + " order by m.recordedAt desc",
                      MedicalClearance.class)
                  .setParameter("ids", ids)
                  .getResultList(),
              MedicalClearance::getClient);
      for (Client client : listed) {
        Long id = client.getId();
        TreatmentBlock.assess(
                intakes.getOrDefault(id, List.of()),
                checks.getOrDefault(id, List.of()),
                clearances.getOrDefault(id, List.of()).stream().findFirst(),
                today,
                settings.zone())
            .ifPresent(block -> blocks.put(id, block));
      }
    }
    return blocks;
  }

  private static <T> Map<Long, List<T>> byClient(List<T> rows, Function<T, Client> client) {
    Map<Long, List<T>> grouped = new HashMap<>();
    rows.forEach(
        row -> grouped.computeIfAbsent(client.apply(row).getId(), c -> new ArrayList<>()).add(row));
    return grouped;
  }

  private List<HealthIntake> intakesOf(long clientId) {
    return em.createQuery(
            "select i from HealthIntake i where i.client.id = :c order by i.versionNumber desc",
            HealthIntake.class)
        .setParameter("c", clientId)
        .getResultList();
  }
}
