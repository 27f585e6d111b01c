package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CautionCondition;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.audit.RowsRead;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.Intakes;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentStanding;
import org.myochart.consent.Consents;
import org.myochart.consent.TreatmentGate;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Text;
import org.myochart.security.PasswordConfirmation;
import org.myochart.security.StaffAccount;
import org.myochart.staff.Role;

/**
 * Sessions and their SOAP notes: starting a session through the treatment gate, saving drafts with
 * conflict detection, signing with the password, addenda, and who may read what.
 */
@ApplicationScoped
@Transactional
public class SoapNotes {

  public static final String SESSION = "TreatmentSession";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject TreatmentGate gate;
  @Inject Consents consents;
  @Inject Catalogue catalogue;
  @Inject PasswordConfirmation passwords;
  @Inject Caseloads caseloads;
  @Inject Validator validator;
  @Inject Restrictions restrictions;
  @Inject jakarta.enterprise.event.Event<NoteSigned> noteSigned;
  @Inject jakarta.enterprise.event.Event<AddendumSigned> addendumSigned;

  /** Today's answers, asked when the session starts. */
  public record TodaysCheck(
      boolean acuteSevereAttack, boolean changedSinceLast, Set<RedFlag> redFlags) {}

  /**
   * Records today's check and starts a session with an empty draft note, if the client may be
   * treated now: every required consent valid, no open red flag, no acute attack today.
   */
  public SoapNote startSession(
      long clientId, SessionKind kind, TodaysCheck today, String therapistName) {
    requireReader(clientId);
    Actor me = requireTherapist();
    if (kind == null) {
      throw RuleViolation.invalidFields(Map.of("kind", "Choose assessment or follow-up."));
    }
    Client client = clients.get(clientId);
    if (!client.isActive()) {
      throw RuleViolation.conflict(
          client.getFullName() + " is inactive; reactivate the client first.");
    }
    intakes.recordVisitCheck(
        clientId, today.acuteSevereAttack(), today.changedSinceLast(), today.redFlags());
    gate.require(clientId);
    Instant now = clock.instant();
    TreatmentSession session =
        new TreatmentSession(
            client, activePlan(clientId).orElse(null), me.name(), therapistName, kind, now, now);
    em.persist(session);
    SoapNote note = new SoapNote(session, now);
    em.persist(note);
    em.flush();
    audit.record(
        AuditAction.CREATE,
        SESSION,
        session.getId(),
        JSON.createObjectBuilder()
            .add("client", clientId)
            .add("kind", kind.name())
            .add("note", note.getId())
            .build()
            .toString());
    return note;
  }

  /**
   * A session that took place earlier (up to 120 days ago), entered afterwards: used to bring the
   * demo clinic's history in. It passes the treatment gate as it stands now.
   */
  public SoapNote recordEarlierSession(
      long clientId, SessionKind kind, Instant startsAt, Instant endsAt, String therapistName) {
    requireReader(clientId);
    Actor me = requireTherapist();
    Instant now = clock.instant();
    if (startsAt == null
        || startsAt.isAfter(now)
        || startsAt.isBefore(now.minus(Duration.ofDays(120)))) {
      throw RuleViolation.invalidFields(
          Map.of("startsAt", "An earlier session started within the last 120 days."));
    }
    Client client = clients.get(clientId);
    gate.require(clientId);
    TreatmentSession session =
        new TreatmentSession(
            client,
            activePlan(clientId).orElse(null),
            me.name(),
            therapistName,
            kind,
            startsAt,
            now);
    session.end(endsAt);
    em.persist(session);
    SoapNote note = new SoapNote(session, now);
    em.persist(note);
    em.flush();
    audit.record(
        AuditAction.CREATE,
        SESSION,
        session.getId(),
        JSON.createObjectBuilder()
            .add("client", clientId)
            .add("kind", kind.name())
            .add("startsAt", startsAt.toString())
            .add("note", note.getId())
            .build()
            .toString());
    return note;
  }

  /**
   * What an autosave stored: the note, and what must still be put right before it can be signed
   * (field name to message, in form order; empty when nothing).
   */
  public record DraftSaved(SoapNote note, Map<String, String> toFixBeforeSigning) {}

  /** The most characters a draft kept as typed may take; far above any note a person writes. */
  static final int LONGEST_TYPED_DRAFT = 400_000;

  /**
   * Saves the draft as typed (autosave and the Save button). Values that break a rule (out of
   * range, a row without its muscle, a side the catalogue does not allow) do not stop the save: the
   * note keeps the draft as typed and the problems come back, to be put right before signing (issue
   * 16). Only what could never be a note is refused: more rows than a note holds, or a draft too
   * large to keep.
   */
  public DraftSaved saveDraft(long noteId, long seenVersion, NoteDraft draft) {
    SoapNote note = writable(noteId);
    Map<String, String> problems = draft.problems(validator, catalogue.byCode());
    Map<String, String> unstorable = draft.tooManyRows();
    if (!unstorable.isEmpty()) {
      throw RuleViolation.invalidFields(unstorable);
    }
    if (note.getVersion() != seenVersion) {
      throw new NoteConflict(note);
    }
    if (!problems.isEmpty()) {
      String typed = draft.json();
      if (typed.length() > LONGEST_TYPED_DRAFT) {
        throw RuleViolation.invalidFields(problems);
      }
      note.keepAsTyped(typed, clock.instant());
      em.flush();
      var toFix = JSON.createArrayBuilder();
      problems.keySet().forEach(toFix::add);
      audit.record(
          AuditAction.CHANGE,
          RecordKind.SOAP_NOTE,
          noteId,
          JSON.createObjectBuilder()
              .add("version", note.getVersion())
              .add("keptAsTyped", toFix)
              .build()
              .toString());
      return new DraftSaved(note, problems);
    }
    NoteDraft before = note.content();
    note.revise(draft, clock.instant());
    em.flush();
    audit.record(
        AuditAction.CHANGE,
        RecordKind.SOAP_NOTE,
        noteId,
        JSON.createObjectBuilder()
            .add("version", note.getVersion())
            .add("changes", NoteComparison.changes(before, note.content(), catalogue.names()))
            .build()
            .toString());
    return new DraftSaved(note, Map.of());
  }

  /** What the draft must still have put right before it can be signed; empty when nothing. */
  public Map<String, String> toFixBeforeSigning(NoteDraft draft) {
    return draft.problems(validator, catalogue.byCode());
  }

  /** Saves and signs the note with the therapist's password; from then on it never changes. */
  public SoapNote sign(long noteId, long seenVersion, NoteDraft draft, String password) {
    return sign(noteId, seenVersion, draft, password, null);
  }

  /** Why a therapist signs a note that breaks a restriction; checked like every typed text. */
  record OverrideReason(
      @Text(label = "reason for overriding", max = 2000, multiline = true) String override) {}

  /**
   * Saves and signs the note; from then on it never changes. Rows that break a restriction in force
   * on the session's day are signed only with a reason for overriding it, which is kept with the
   * note, audited with the signature and printed in the sealed PDF.
   */
  public SoapNote sign(
      long noteId, long seenVersion, NoteDraft draft, String password, String overrideReason) {
    SoapNote note = writable(noteId);
    Map<String, String> problems =
        new LinkedHashMap<>(draft.problems(validator, catalogue.byCode()));
    draft.missingForSignature().forEach(problems::putIfAbsent);
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
    if (note.getVersion() != seenVersion) {
      throw new NoteConflict(note);
    }
    List<Restrictions.Broken> broken = restrictions.brokenBy(note, draft);
    String override = broken.isEmpty() ? null : TypedText.saying(overrideReason);
    if (!broken.isEmpty() && override == null) {
      throw RuleViolation.invalidFields(
          Map.of("override", overrideNeeded(broken, restrictions.sessionDay(note))));
    }
    if (override != null) {
      refuseViolations(new OverrideReason(override));
    }
    StaffAccount signer = passwords.confirm(note.getTherapist(), password);
    Instant now = clock.instant();
    note.revise(draft, now);
    if (note.getSession().getEndsAt() == null) {
      // A note signed long after the visit does not make the session last until then.
      Instant latest = note.getSession().getStartsAt().plus(Duration.ofHours(2));
      note.getSession().end(now.isBefore(latest) ? now : latest);
    }
    note.sign(signer.getUsername(), signer.getDisplayName(), now);
    List<RestrictionOverride> overrides =
        broken.isEmpty() ? List.of() : restrictions.override(note, broken, override);
    em.flush();
    var detail = JSON.createObjectBuilder().add("contentSha256", note.getContentSha256());
    if (!overrides.isEmpty()) {
      var ids = JSON.createArrayBuilder();
      overrides.forEach(o -> ids.add(o.getRestriction().getId()));
      detail.add("restrictionsOverridden", ids).add("overrideReason", override);
    }
    AuditEntry signing =
        audit.stamp(AuditAction.SIGN, RecordKind.SOAP_NOTE, noteId, detail.build().toString());
    noteSigned.fire(new NoteSigned(note, signing, overrides));
    // Sealing appends it first, ahead of the seal's own entry; otherwise it is appended here.
    audit.append(signing);
    return note;
  }

  /** What the therapist reads when rows break restrictions and no reason was given. */
  static String overrideNeeded(List<Restrictions.Broken> broken, LocalDate day) {
    StringBuilder text =
        new StringBuilder(
            broken.size() == 1
                ? "This note breaks a restriction in force on " + day + ": "
                : "This note breaks " + broken.size() + " restrictions in force on " + day + ": ");
    for (int i = 0; i < broken.size(); i++) {
      Restrictions.Broken b = broken.get(i);
      text.append(i == 0 ? "" : " ")
          .append(b.description())
          .append(" (")
          .append(String.join("; ", b.rows()))
          .append(").");
    }
    return text.append(" Change those rows, or give a reason for overriding.").toString();
  }

  /** A signed correction; the note itself stays as it was signed. */
  public NoteAddendum addAddendum(long noteId, String reason, String body, String password) {
    SoapNote note = em.find(SoapNote.class, noteId, LockModeType.PESSIMISTIC_WRITE);
    if (note == null) {
      throw RuleViolation.notFound("There is no note " + noteId + ".");
    }
    Actor me = requireTherapist();
    if (!note.getTherapist().equals(me.name()) && !me.actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "Only the note's therapist or the owner may add an addendum.");
    }
    if (!note.isSigned()) {
      throw RuleViolation.conflict("The note is still a draft: change it directly and sign it.");
    }
    AddendumText text = AddendumText.of(reason, body);
    refuseViolations(text);
    StaffAccount signer = passwords.confirm(me.name(), password);
    NoteAddendum addendum =
        new NoteAddendum(
            note,
            text.reason(),
            text.body(),
            signer.getUsername(),
            signer.getDisplayName(),
            clock.instant());
    em.persist(addendum);
    em.flush();
    AuditEntry signing =
        audit.stamp(
            AuditAction.SIGN,
            RecordKind.NOTE_ADDENDUM,
            addendum.getId(),
            JSON.createObjectBuilder()
                .add("note", noteId)
                .add("contentSha256", addendum.getContentSha256())
                .build()
                .toString());
    addendumSigned.fire(new AddendumSigned(addendum, signing));
    audit.append(signing);
    return addendum;
  }

  /** One note for reading; refused to those who may not read it, and audited. */
  public SoapNote open(long noteId) {
    SoapNote note = find(noteId);
    requireReader(note.getClient().getId());
    audit.record(AuditAction.VIEW, RecordKind.SOAP_NOTE, noteId, null);
    return note;
  }

  /** One note for its therapist to edit. */
  public SoapNote openForEditing(long noteId) {
    SoapNote note = writable(noteId);
    audit.record(AuditAction.VIEW, RecordKind.SOAP_NOTE, noteId, null);
    return note;
  }

  public List<NoteAddendum> addenda(long noteId) {
    requireReader(find(noteId).getClient().getId());
    return em.createQuery(
            "select a from NoteAddendum a where a.note.id = :n order by a.signedAt, a.id",
            NoteAddendum.class)
        .setParameter("n", noteId)
        .getResultList();
  }

  /** The client's notes, newest session first, for those who may read them. */
  public List<SoapNote> notesOf(long clientId) {
    requireReader(clientId);
    List<SoapNote> found =
        em.createQuery(
                "select n from SoapNote n where n.client.id = :c order by n.session.startsAt desc",
                SoapNote.class)
            .setParameter("c", clientId)
            .getResultList();
    // One entry for the list, whichever page or API asked for it.
    audit.recordDetail(
        AuditAction.VIEW,
        RecordKind.SOAP_NOTE,
        "client:" + clientId,
        new RowsRead(clientId, found.size()));
    return found;
  }

  /** A therapist's notes that are not signed yet, oldest first. */
  public List<SoapNote> unsignedOf(String therapist) {
    Actor me = actor.get();
    if (!Actor.SYSTEM.equals(me) && !me.name().equals(therapist) && !me.actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only the owner sees another therapist's unsigned notes.");
    }
    return em.createQuery(
            "select n from SoapNote n where n.therapist = :t and n.status = :s order by n.session.startsAt",
            SoapNote.class)
        .setParameter("t", therapist)
        .setParameter("s", NoteStatus.DRAFT)
        .getResultList();
  }

  /** Every note still unsigned longer than the given time after its session started. */
  public List<SoapNote> unsignedLongerThan(Duration age) {
    return em.createQuery(
            "select n from SoapNote n where n.status = :s and n.session.startsAt < :t order by n.session.startsAt",
            SoapNote.class)
        .setParameter("s", NoteStatus.DRAFT)
        .setParameter("t", clock.instant().minus(age))
        .getResultList();
  }

  /** The most recent signed note of the client, to copy recurring rows from. */
  public Optional<SoapNote> lastSigned(long clientId) {
    requireReader(clientId);
    return em.createQuery(
            "select n from SoapNote n where n.client.id = :c and n.status = :s order by n.session.startsAt desc",
            SoapNote.class)
        .setParameter("c", clientId)
        .setParameter("s", NoteStatus.SIGNED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The kind of session to offer first when a session starts for the client. */
  public SessionKind suggestedKind(long clientId) {
    return SessionKind.suggestedFor(lastSigned(clientId).isPresent());
  }

  /** The numbers of every signed session, oldest first, for the outcome charts. */
  public List<OutcomePoint> outcomes(long clientId) {
    requireReader(clientId);
    return em
        .createQuery(
            "select n from SoapNote n where n.client.id = :c and n.status = :s order by n.session.startsAt",
            SoapNote.class)
        .setParameter("c", clientId)
        .setParameter("s", NoteStatus.SIGNED)
        .getResultList()
        .stream()
        .map(
            n -> {
              NoteDraft c = n.content();
              return new OutcomePoint(
                  n.getSession().getStartsAt(),
                  c.getHeadacheDaysSinceLast(),
                  c.getPainBefore(),
                  c.getPainAfter(),
                  c.getSleepQuality(),
                  c.getStressLevel());
            })
        .toList();
  }

  /** The intake conditions that make catalogue cautions apply to this client. */
  public Set<CautionCondition> cautionConditions(long clientId) {
    requireReader(clientId);
    Set<CautionCondition> conditions = EnumSet.noneOf(CautionCondition.class);
    Optional<HealthIntake> intake = intakes.current(clientId);
    intake.ifPresent(
        i -> {
          if (i.isPregnant()) {
            conditions.add(CautionCondition.PREGNANCY);
          }
          if (i.isCervicalSpondylosis()) {
            conditions.add(CautionCondition.CERVICAL_SPONDYLOSIS);
          }
          if (i.takes(MedicationKind.BLOOD_THINNER)) {
            conditions.add(CautionCondition.BLOOD_THINNER);
          }
        });
    return conditions;
  }

  /**
   * What the client declined in the consents in force: the techniques in their consents' words, and
   * whether one of them is acupressure. One read of the consents (and one audit entry for it).
   */
  public DeclinedTechniques declinedInConsent(long clientId) {
    requireReader(clientId);
    List<Consent> inForce =
        consents.standings(clientId).stream()
            .filter(ConsentStanding::isValid)
            .map(ConsentStanding::consent)
            .toList();
    return new DeclinedTechniques(
        inForce.stream()
            .flatMap(consent -> consent.getTechniqueChoices().stream())
            .filter(choice -> !choice.isAccepted())
            .map(choice -> choice.getText())
            .distinct()
            .toList(),
        inForce.stream().anyMatch(consent -> consent.declined(PointUse::isAcupressure)));
  }

  /** The techniques a client declined, in their consents' words, and whether acupressure is one. */
  public record DeclinedTechniques(List<String> inClientsWords, boolean acupressure) {}

  // Plans

  public TreatmentPlan createPlan(
      long clientId,
      String goal,
      Integer sessionsPlanned,
      Integer sessionsPerWeek,
      LocalDate startsOn) {
    requireReader(clientId);
    requireTherapist();
    Client client = clients.get(clientId);
    PlanTerms terms = PlanTerms.of(goal, sessionsPlanned, sessionsPerWeek, startsOn);
    refuseViolations(terms);
    activePlan(clientId).ifPresent(TreatmentPlan::close);
    TreatmentPlan plan =
        new TreatmentPlan(
            client,
            terms.goal(),
            terms.sessionsPlanned(),
            terms.sessionsPerWeek(),
            terms.startsOn(),
            actor.get().name(),
            clock.instant());
    em.persist(plan);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE, "TreatmentPlan", plan.getId(), new PlanCreated(clientId));
    return plan;
  }

  public Optional<TreatmentPlan> currentPlan(long clientId) {
    requireReader(clientId);
    return activePlan(clientId);
  }

  private Optional<TreatmentPlan> activePlan(long clientId) {
    return em.createQuery(
            "select p from TreatmentPlan p where p.client.id = :c and p.active = true order by p.id desc",
            TreatmentPlan.class)
        .setParameter("c", clientId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Sessions with a signed note since the plan started. */
  public long sessionsDone(TreatmentPlan plan) {
    requireReader(plan.getClient().getId());
    return em.createQuery(
            "select count(n) from SoapNote n where n.session.plan = :p and n.status = :s",
            Long.class)
        .setParameter("p", plan)
        .setParameter("s", NoteStatus.SIGNED)
        .getSingleResult();
  }

  /** Refuses with one message per field when the value breaks its constraints. */
  private void refuseViolations(Object value) {
    Map<String, String> problems = new LinkedHashMap<>();
    validator
        .validate(value)
        .forEach(
            violation ->
                problems.putIfAbsent(
                    violation.getPropertyPath().toString(), violation.getMessage()));
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
  }

  // Access

  public SoapNote find(long noteId) {
    SoapNote note = em.find(SoapNote.class, noteId);
    if (note == null) {
      throw RuleViolation.notFound("There is no note " + noteId + ".");
    }
    return note;
  }

  /**
   * Whether the current person may read the client's notes: the owner, or a therapist whose
   * caseload holds the client or who gave a break-glass reason that still holds.
   */
  public boolean mayRead(long clientId) {
    return caseloads.mayOpen(clientId);
  }

  /**
   * Refuses readers who may not; a therapist outside their caseload gets {@code BreakGlassNeeded}.
   */
  private void requireReader(long clientId) {
    caseloads.require(clientId);
  }

  private SoapNote writable(long noteId) {
    SoapNote note = em.find(SoapNote.class, noteId, LockModeType.PESSIMISTIC_WRITE);
    if (note == null) {
      throw RuleViolation.notFound("There is no note " + noteId + ".");
    }
    if (!note.getTherapist().equals(actor.get().name())) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "Only " + note.getTherapist() + ", who wrote this note, may change or sign it.");
    }
    if (note.isSigned()) {
      throw RuleViolation.conflict(
          "This note is signed and can no longer change; add an addendum instead.");
    }
    return note;
  }

  private Actor requireTherapist() {
    Actor me = actor.get();
    if (!me.actsAs(Role.THERAPIST) && !me.actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only therapists and the owner treat clients.");
    }
    return me;
  }
}
