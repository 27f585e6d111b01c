package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
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
import org.myochart.audit.CurrentActor;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.client.RedFlag;
import org.myochart.consent.TreatmentGate;
import org.myochart.platform.RuleViolation;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TreatableClients;

/**
 * The therapist's day and the client list's columns on the real database: the caseload, the
 * treatment gate and the note rules asked for many clients at once give the answers they give one
 * client at a time.
 */
@InTheContainer
class WorkListsIT {

  private static final String PASSWORD = "steady shoulders 2026";
  private static final SoapNotes.TodaysCheck QUIET_DAY =
      new SoapNotes.TodaysCheck(false, false, Set.of());

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(WorkListsIT.class);
  }

  @Inject TreatableClients treatable;
  @Inject WorkLists workLists;
  @Inject SoapNotes notes;
  @Inject Caseloads caseloads;
  @Inject TreatmentGate gate;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject StaffAccounts staff;

  private Actor person(Role role) {
    String username = "w" + UUID.randomUUID().toString().substring(0, 8);
    staff.create(username, "Staff " + username, role, PASSWORD, false);
    return new Actor(username, role, "10.0.0.9", "test");
  }

  private static <T> T as(Actor actor, Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    CurrentActor.actAs(actor, () -> result.set(work.get()));
    return result.get();
  }

  private Client treatable(Actor desk) {
    return treatable.register("Wenche", "Wl", desk.name());
  }

  @Test
  void aTherapistsDayHoldsTheirCaseloadOnlyAndTheirOwnUnsignedNotesOldestFirst() {
    Actor desk = person(Role.FRONT_DESK);
    Actor mine = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Client treatedByMe = treatable(desk);
    Client treatedByColleague = treatable(desk);
    Client untreated = treatable(desk);
    SoapNote earlier =
        as(
            mine,
            () ->
                notes.recordEarlierSession(
                    treatedByMe.getId(),
                    SessionKind.ASSESSMENT,
                    java.time.Instant.now().minus(Duration.ofDays(2)),
                    java.time.Instant.now().minus(Duration.ofDays(2)).plusSeconds(3000),
                    "Mine"));
    SoapNote todays =
        as(
            mine,
            () ->
                notes.startSession(treatedByMe.getId(), SessionKind.FOLLOW_UP, QUIET_DAY, "Mine"));
    SoapNote colleagues =
        as(
            colleague,
            () ->
                notes.startSession(
                    treatedByColleague.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "Colleague"));

    Workday day = as(mine, () -> workLists.workday());

    assertEquals(
        List.of(earlier.getId(), todays.getId()),
        day.unsigned().stream().map(UnsignedNote::noteId).toList(),
        "my unsigned notes, the oldest first; not my colleague's");
    assertTrue(day.overdue(day.unsigned().get(0)), "two days unsigned is flagged");
    assertEquals("2 days", day.ageOf(day.unsigned().get(0)).words());
    assertFalse(day.overdue(day.unsigned().get(1)));
    assertEquals(
        List.of(todays.getId()),
        day.today().stream().map(TodaysSession::noteId).toList(),
        "today's sessions of my caseload; the colleague's client is not in it");
    assertEquals(treatedByMe.getId(), day.recent().get(0).clientId());
    assertTrue(
        day.recent().stream().noneMatch(r -> r.clientId().equals(treatedByColleague.getId())));

    List<Long> caseload =
        as(mine, () -> caseloads.activeCaseload()).stream().map(Client::getId).toList();
    assertTrue(caseload.contains(treatedByMe.getId()));
    assertTrue(caseload.contains(untreated.getId()), "nobody has treated them yet");
    assertFalse(caseload.contains(treatedByColleague.getId()));

    Workday owners = as(person(Role.OWNER), () -> workLists.workday());
    assertTrue(
        owners.unsigned().stream()
            .map(UnsignedNote::noteId)
            .toList()
            .containsAll(List.of(earlier.getId(), todays.getId(), colleagues.getId())),
        "the owner sees the whole clinic");
  }

  @Test
  void theListsAnswersForManyClientsAreThoseOfTheRulesForOne() {
    Actor desk = person(Role.FRONT_DESK);
    Actor mine = person(Role.THERAPIST);
    Actor colleague = person(Role.THERAPIST);
    Client ready = treatable(desk);
    Client unconsented =
        clients.register(TreatableClients.nameOnly("Ulla", "Wl", LocalDate.of(1975, 3, 3)));
    Client redFlagged = treatable(desk);
    as(
        person(Role.OWNER),
        () ->
            intakes.submit(
                redFlagged.getId(),
                new IntakeAnswers(
                    8,
                    12,
                    6,
                    true,
                    true,
                    false,
                    true,
                    true,
                    false,
                    "stress",
                    true,
                    "2019",
                    List.of(),
                    false,
                    false,
                    false,
                    null,
                    null,
                    null,
                    Set.of(RedFlag.THUNDERCLAP)),
                IntakeSource.STAFF));
    Client colleagues = treatable(desk);
    as(
        colleague,
        () -> notes.startSession(colleagues.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "C"));
    as(mine, () -> notes.startSession(ready.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "M"));
    List<Client> listed = List.of(ready, unconsented, redFlagged, colleagues);

    Map<Long, ClientStanding> standings = as(mine, () -> workLists.standings(listed));

    for (Client client : listed) {
      ClientStanding standing = standings.get(client.getId());
      TreatmentGate.Readiness one = gate.check(client.getId());
      assertEquals(!one.ready(), standing.onHold(), client.getLastName());
      boolean opens = as(mine, () -> caseloads.mayOpen(client.getId()));
      assertEquals(opens, standing.clinical(), client.getLastName());
      assertEquals(opens ? one.all() : List.of(), standing.holdReasons());
    }
    assertEquals("Signed", standings.get(ready.getId()).consent());
    assertEquals(1, standings.get(ready.getId()).unsignedNotes());
    assertEquals("Missing", standings.get(unconsented.getId()).consent());
    assertTrue(standings.get(redFlagged.getId()).redFlagged());
    assertFalse(standings.get(colleagues.getId()).clinical(), "outside my caseload");
    assertEquals(0, standings.get(colleagues.getId()).unsignedNotes(), "not shown outside it");

    Map<Long, ClientStanding> forTheDesk = as(desk, () -> workLists.standings(listed));
    assertTrue(forTheDesk.get(redFlagged.getId()).onHold());
    assertTrue(forTheDesk.get(redFlagged.getId()).holdReasons().isEmpty());
    assertEquals("Missing", forTheDesk.get(unconsented.getId()).consent());
  }

  @Test
  void theSuggestedKindIsAFollowUpOnceASessionIsSigned() {
    Actor desk = person(Role.FRONT_DESK);
    Actor mine = person(Role.THERAPIST);
    Client client = treatable(desk);
    assertEquals(SessionKind.ASSESSMENT, as(mine, () -> notes.suggestedKind(client.getId())));
    SoapNote note =
        as(mine, () -> notes.startSession(client.getId(), SessionKind.ASSESSMENT, QUIET_DAY, "M"));
    assertEquals(
        SessionKind.ASSESSMENT,
        as(mine, () -> notes.suggestedKind(client.getId())),
        "an unsigned session is no first visit done yet");
    CurrentActor.actAs(
        mine, () -> notes.sign(note.getId(), note.getVersion(), signable(), PASSWORD));
    assertEquals(SessionKind.FOLLOW_UP, as(mine, () -> notes.suggestedKind(client.getId())));
  }

  private static NoteDraft signable() {
    NoteDraft draft = new NoteDraft();
    draft.setCurrentPain(4);
    draft.setPainBefore(4);
    draft.setPainAfter(2);
    draft.setTolerance(Tolerance.GOOD);
    draft
        .getTreatedMuscles()
        .add(
            new TreatedMuscle(
                "upper-trapezius",
                org.myochart.anatomy.Side.BOTH,
                "myofascial-release",
                Pressure.LIGHT,
                10));
    return draft;
  }

  @Test
  void theFrontDeskHasNoDayOfSessions() {
    Actor desk = person(Role.FRONT_DESK);
    assertThrows(RuleViolation.class, () -> as(desk, () -> workLists.workday()));
  }
}
