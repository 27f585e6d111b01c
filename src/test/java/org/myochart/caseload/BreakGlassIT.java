package org.myochart.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RecordKind;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.client.VisitCheck;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.platform.RuleViolation;
import org.myochart.security.KioskSession;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TreatableClients;
import org.myochart.treatment.SessionKind;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/** Caseloads and break-glass access in Payara Micro on the real database. */
@InTheContainer
class BreakGlassIT {

  private static final String PASSWORD = "steady shoulders 2026";
  private static final SoapNotes.TodaysCheck QUIET_DAY =
      new SoapNotes.TodaysCheck(false, false, Set.of());
  private static final String REASON = "Covering for a colleague who is ill today";

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(BreakGlassIT.class);
  }

  @Inject TreatableClients treatable;
  @Inject Caseloads caseloads;
  @Inject SoapNotes notes;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject StaffAccounts staff;
  @Inject AuditTrail audit;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  private Actor person(Role role) {
    String username = "b" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(username, "Staff " + username, role, PASSWORD, false);
    return new Actor(username, role, "10.0.0.7", "test");
  }

  private static <T> T as(Actor actor, Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    CurrentActor.actAs(actor, () -> result.set(work.get()));
    return result.get();
  }

  private static RuleViolation refusedFor(Actor actor, Runnable work) {
    return assertThrows(RuleViolation.class, () -> CurrentActor.actAs(actor, work));
  }

  /** A client with an intake and every consent treatment needs, so that sessions can start. */
  private Client treatableClient() {
    return treatable.register("Britt", "Bg", person(Role.FRONT_DESK).name());
  }

  private List<AuditEntry> breakGlassEntries(long clientId) {
    return audit.forRecord(Clients.RECORD_TYPE, clientId).stream()
        .filter(e -> e.getAction() == AuditAction.BREAK_GLASS)
        .toList();
  }

  private long deniedEntries(Actor actor, long clientId) {
    return audit.forRecord(Clients.RECORD_TYPE, clientId).stream()
        .filter(
            e -> e.getAction() == AuditAction.ACCESS_DENIED && e.getActor().equals(actor.name()))
        .count();
  }

  private static final IntakeAnswers QUIET_INTAKE =
      new IntakeAnswers(
          2, 6, 4, false, false, false, false, false, false, null, false, null, List.of(), false,
          false, false, null, null, null, Set.of());

  @Test
  void everyClinicalServiceRefusesAColleagueOutsideTheCaseloadAndAuditsEachRefusal() {
    Actor treating = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Client theirs = treatableClient();
    SoapNote note =
        as(
            treating,
            () -> notes.startSession(theirs.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    long id = theirs.getId();
    long intakesBefore =
        em.createQuery("select count(i) from HealthIntake i where i.client.id = :c", Long.class)
            .setParameter("c", id)
            .getSingleResult();
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put("submit intake", () -> intakes.submit(id, QUIET_INTAKE, IntakeSource.STAFF));
    calls.put("intake history", () -> intakes.history(id));
    calls.put("current intake", () -> intakes.current(id));
    calls.put(
        "record clearance",
        () -> intakes.recordClearance(id, "Dr. Lind", clients.today(), "Cleared.", null));
    calls.put("clearances", () -> intakes.clearances(id));
    calls.put("record today's check", () -> intakes.recordVisitCheck(id, true, false, Set.of()));
    calls.put("visit checks", () -> intakes.visitChecks(id));
    calls.put("start session", () -> notes.startSession(id, SessionKind.FOLLOW_UP, QUIET_DAY, "C"));
    calls.put("create plan", () -> notes.createPlan(id, "Fewer headaches", 6, 1, clients.today()));
    calls.put("current plan", () -> notes.currentPlan(id));
    calls.put("last signed note", () -> notes.lastSigned(id));
    calls.put("caution conditions", () -> notes.cautionConditions(id));
    calls.put("notes", () -> notes.notesOf(id));
    calls.put("outcomes", () -> notes.outcomes(id));
    calls.put("open note", () -> notes.open(note.getId()));
    calls.put("addenda", () -> notes.addenda(note.getId()));

    calls.forEach(
        (what, call) -> {
          long deniedBefore = deniedEntries(colleague, id);
          RuleViolation refused = refusedFor(colleague, call);
          assertInstanceOf(BreakGlassNeeded.class, refused, what);
          assertEquals(
              deniedBefore + 1,
              deniedEntries(colleague, id),
              what + " leaves one ACCESS_DENIED entry naming the colleague");
        });

    assertEquals(
        intakesBefore,
        em.createQuery("select count(i) from HealthIntake i where i.client.id = :c", Long.class)
            .setParameter("c", id)
            .getSingleResult(),
        "no intake was stored");
    assertTrue(as(treating, () -> intakes.clearances(id)).isEmpty(), "no clearance was stored");
    assertTrue(
        as(treating, () -> intakes.visitChecks(id)).stream()
            .noneMatch(VisitCheck::isAcuteSevereAttack),
        "no check put treatment on hold");
    assertEquals(
        ClinicalAccess.REASON_NEEDED,
        as(colleague, () -> caseloads.access(id)),
        "the refused session did not put the client in the colleague's caseload");
  }

  @Test
  void frontDeskAndOtherTabletsAreRefusedClinicalWritesWithAnEntry() {
    Actor desk = person(Role.FRONT_DESK);
    Client client = treatableClient();
    Client other = treatableClient();
    long id = client.getId();

    long before = deniedEntries(desk, id);
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(desk, () -> notes.startSession(id, SessionKind.ASSESSMENT, QUIET_DAY, "D"))
            .kind());
    assertEquals(RuleViolation.Kind.FORBIDDEN, refusedFor(desk, () -> intakes.history(id)).kind());
    assertEquals(before + 2, deniedEntries(desk, id));

    Actor otherTablet =
        new Actor(
            new KioskSession(
                    "t",
                    other.getId(),
                    KioskSession.Purpose.INTAKE,
                    List.of(),
                    desk.name(),
                    Instant.now(),
                    false)
                .actorName(),
            Role.KIOSK,
            "10.0.0.9",
            "tablet");
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(otherTablet, () -> intakes.submit(id, QUIET_INTAKE, IntakeSource.KIOSK)).kind(),
        "a tablet handed to another client cannot write this client's intake");
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(desk, () -> intakes.submit(id, QUIET_INTAKE, IntakeSource.KIOSK)).kind(),
        "staff cannot claim to be the tablet");
    Actor ownTablet =
        new Actor(
            new KioskSession(
                    "t",
                    id,
                    KioskSession.Purpose.INTAKE,
                    List.of(),
                    desk.name(),
                    Instant.now(),
                    false)
                .actorName(),
            Role.KIOSK,
            "10.0.0.9",
            "tablet");
    assertEquals(
        2,
        as(ownTablet, () -> intakes.submit(id, QUIET_INTAKE, IntakeSource.KIOSK))
            .getVersionNumber(),
        "the tablet handed to the client keeps the client's answers");
  }

  @Test
  void aTherapistOutsideTheCaseloadIsRefusedUntilTheyGiveAReasonWhichIsAuditedWithTheGrant() {
    Actor treating = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Client theirs = treatableClient();
    Client waiting = treatableClient();
    SoapNote note =
        as(
            treating,
            () -> notes.startSession(theirs.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));

    assertEquals(ClinicalAccess.CASELOAD, as(treating, () -> caseloads.access(theirs.getId())));
    assertEquals(
        ClinicalAccess.CASELOAD,
        as(colleague, () -> caseloads.access(waiting.getId())),
        "a client nobody has treated yet is in every therapist's caseload");
    assertEquals(
        ClinicalAccess.REASON_NEEDED, as(colleague, () -> caseloads.access(theirs.getId())));
    RuleViolation refused = refusedFor(colleague, () -> notes.notesOf(theirs.getId()));
    BreakGlassNeeded needed = assertInstanceOf(BreakGlassNeeded.class, refused);
    assertEquals(
        theirs.getFullName()
            + " is not in your caseload. To open their clinical record, give a reason"
            + " (this is recorded and shown to the owner).",
        needed.getMessage());
    assertInstanceOf(BreakGlassNeeded.class, refusedFor(colleague, () -> notes.open(note.getId())));

    RuleViolation tooShort =
        refusedFor(colleague, () -> caseloads.breakGlass(theirs.getId(), "  because  "));
    assertEquals(
        "The reason must have at least 10 characters; say why you need this record.",
        tooShort.fieldProblems().get("reason"));
    refusedFor(colleague, () -> caseloads.breakGlass(theirs.getId(), "x".repeat(501)));
    assertTrue(breakGlassEntries(theirs.getId()).isEmpty(), "a refused reason leaves no entry");
    assertTrue(caseloads.activeGrant(theirs.getId(), colleague.name()).isEmpty(), "and no grant");
    assertEquals(
        RuleViolation.Kind.CONFLICT,
        refusedFor(colleague, () -> caseloads.breakGlass(waiting.getId(), REASON)).kind(),
        "no reason inside the caseload");

    BreakGlassGrant grant =
        as(colleague, () -> caseloads.breakGlass(theirs.getId(), "  " + REASON + "\n"));
    assertEquals(REASON, grant.getReason());
    assertEquals(Duration.ofHours(8), Duration.between(grant.getGrantedAt(), grant.getExpiresAt()));
    List<AuditEntry> entries = breakGlassEntries(theirs.getId());
    assertEquals(1, entries.size());
    AuditEntry entry = entries.get(0);
    assertEquals(colleague.name(), entry.getActor());
    assertEquals("THERAPIST", entry.getActorRole());
    assertEquals(grant.getAuditEntryId(), entry.getId());
    JsonObject detail = Json.createReader(new StringReader(entry.getDetail())).readObject();
    assertEquals(REASON, detail.getString("reason"));
    assertEquals(grant.getExpiresAt().toString(), detail.getString("until"));

    assertEquals(ClinicalAccess.BREAK_GLASS, as(colleague, () -> caseloads.access(theirs.getId())));
    assertEquals(1, as(colleague, () -> notes.notesOf(theirs.getId())).size());
    assertEquals(note.getId(), as(colleague, () -> notes.open(note.getId())).getId());
    assertTrue(
        audit.forRecord(RecordKind.SOAP_NOTE, note.getId()).stream()
            .anyMatch(
                e -> e.getAction() == AuditAction.VIEW && e.getActor().equals(colleague.name())),
        "reads are audited as usual");
    Actor another = person(Role.THERAPIST);
    assertEquals(
        ClinicalAccess.REASON_NEEDED,
        as(another, () -> caseloads.access(theirs.getId())),
        "the grant is for that one therapist");
  }

  @Test
  void breakGlassAccessEndsWhenItExpires() throws Exception {
    Actor treating = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Client theirs = treatableClient();
    as(treating, () -> notes.startSession(theirs.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));
    BreakGlassGrant grant = as(colleague, () -> caseloads.breakGlass(theirs.getId(), REASON));
    assertTrue(as(colleague, () -> notes.mayRead(theirs.getId())));

    // Nine hours later: the grant as it would stand after its eight hours ran out.
    Instant given = Instant.now().minus(Duration.ofHours(9));
    transaction.begin();
    em.createNativeQuery("update break_glass_grant set granted_at = ?, expires_at = ? where id = ?")
        .setParameter(1, Timestamp.from(given))
        .setParameter(2, Timestamp.from(given.plus(Duration.ofHours(8))))
        .setParameter(3, grant.getId())
        .executeUpdate();
    transaction.commit();

    assertEquals(
        ClinicalAccess.REASON_NEEDED, as(colleague, () -> caseloads.access(theirs.getId())));
    assertFalse(as(colleague, () -> notes.mayRead(theirs.getId())));
    assertInstanceOf(
        BreakGlassNeeded.class, refusedFor(colleague, () -> notes.notesOf(theirs.getId())));
  }

  @Test
  void theOwnerSeesRecentBreakGlassAndMarksItReviewedOnceWithoutChangingTheEntry() {
    Actor treating = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Actor owner = person(Role.OWNER);
    Actor desk = person(Role.FRONT_DESK);
    Client theirs = treatableClient();
    as(treating, () -> notes.startSession(theirs.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "T"));

    assertEquals(ClinicalAccess.OWNER, as(owner, () -> caseloads.access(theirs.getId())));
    assertEquals(ClinicalAccess.REFUSED, as(desk, () -> caseloads.access(theirs.getId())));
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(desk, () -> caseloads.breakGlass(theirs.getId(), REASON)).kind(),
        "front desk reads no clinical data, reason or not");
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(owner, () -> caseloads.breakGlass(theirs.getId(), REASON)).kind());

    BreakGlassGrant grant = as(colleague, () -> caseloads.breakGlass(theirs.getId(), REASON));
    AuditEntry entry = breakGlassEntries(theirs.getId()).get(0);
    List<BreakGlassGrant> recent = as(owner, () -> caseloads.recent(Duration.ofDays(30)));
    assertEquals(grant.getId(), recent.get(0).getId(), "newest first");
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(colleague, () -> caseloads.recent(Duration.ofDays(30))).kind());
    assertEquals(
        RuleViolation.Kind.FORBIDDEN,
        refusedFor(colleague, () -> caseloads.markReviewed(grant.getId())).kind());

    BreakGlassGrant reviewed = as(owner, () -> caseloads.markReviewed(grant.getId()));
    assertEquals(owner.name(), reviewed.getReviewedBy());
    assertTrue(
        audit.forRecord(Caseloads.GRANT, grant.getId()).stream()
            .anyMatch(
                e -> e.getAction() == AuditAction.CHANGE && e.getActor().equals(owner.name())),
        "the review is its own entry");
    assertEquals(
        RuleViolation.Kind.CONFLICT,
        refusedFor(owner, () -> caseloads.markReviewed(grant.getId())).kind());
    AuditEntry unchanged = breakGlassEntries(theirs.getId()).get(0);
    assertEquals(entry.getEntryHash(), unchanged.getEntryHash());
    assertEquals(entry.getDetail(), unchanged.getDetail());
    em.clear();
    assertTrue(em.find(BreakGlassGrant.class, grant.getId()).isReviewed());
  }
}
