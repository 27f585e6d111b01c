package org.myochart.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Side;
import org.myochart.audit.Actor;
import org.myochart.audit.CurrentActor;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.platform.ClinicSettings;
import org.myochart.staff.Role;
import org.myochart.treatment.MigraineProtocol;
import org.myochart.treatment.NoteDraft;
import org.myochart.treatment.Pressure;
import org.myochart.treatment.RestrictionTerms;
import org.myochart.treatment.Restrictions;
import org.myochart.treatment.SessionKind;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;
import org.myochart.treatment.Tolerance;
import org.myochart.treatment.TriggerPoint;

/**
 * Six weeks of Anna's plan written by therapist1, so the outcome charts show a trend; a few of
 * Jonas's sessions with therapist2, one of them still unsigned two days later.
 */
@ApplicationScoped
class DemoSessions {

  private static final Actor THERAPIST1 =
      new Actor("therapist1", Role.THERAPIST, null, "MyoChart demo data");
  private static final Actor THERAPIST2 =
      new Actor("therapist2", Role.THERAPIST, null, "MyoChart demo data");

  @Inject SoapNotes notes;
  @Inject Restrictions restrictions;
  @Inject Intakes intakes;
  @Inject Clients clients;
  @Inject Clock clock;
  @Inject ClinicSettings settings;

  void create(String password) {
    Client anna = byName("Bergström");
    Client jonas = byName("Lindqvist");
    LocalDate today = clients.today();
    ZoneId zone = settings.zone();
    CurrentActor.actAs(
        THERAPIST1,
        () -> {
          notes.createPlan(
              anna.getId(),
              "Fewer headache days (from 8 to 4 a month) and an easier neck within six weeks.",
              12,
              2,
              today.minusWeeks(6));
          int[][] numbers = { // headache days, pain before, pain after, sleep, stress
            {8, 6, 3, 2, 4},
            {3, 6, 3, 2, 4},
            {3, 5, 2, 3, 4},
            {2, 5, 2, 3, 3},
            {2, 4, 2, 3, 3},
            {2, 4, 1, 4, 3},
            {1, 3, 1, 4, 2},
            {1, 3, 1, 4, 2}
          };
          for (int i = 0; i < numbers.length; i++) {
            Instant start =
                today.minusWeeks(6).plusDays(i * 4L + 1).atTime(10, 0).atZone(zone).toInstant();
            SoapNote note =
                notes.recordEarlierSession(
                    anna.getId(),
                    i == 0 ? SessionKind.ASSESSMENT : SessionKind.FOLLOW_UP,
                    start,
                    start.plus(Duration.ofMinutes(55)),
                    "Tomás Reyes, LMT");
            NoteDraft draft = session(numbers[i], "Tomás Reyes, LMT", i);
            notes.sign(note.getId(), note.getVersion(), draft, password);
          }
        });
    CurrentActor.actAs(
        THERAPIST2,
        () -> {
          for (int i = 0; i < 3; i++) {
            Instant start =
                today.minusWeeks(3).plusDays(i * 7L).atTime(15, 30).atZone(zone).toInstant();
            SoapNote note =
                notes.recordEarlierSession(
                    jonas.getId(),
                    i == 0 ? SessionKind.ASSESSMENT : SessionKind.FOLLOW_UP,
                    start,
                    start.plus(Duration.ofMinutes(50)),
                    "Ingrid Halvorsen, LMT");
            notes.sign(
                note.getId(),
                note.getVersion(),
                session(new int[] {12 - i * 2, 7, 5 - i, 2, 4}, "Ingrid Halvorsen, LMT", i),
                password);
          }
          // The physician's words in his clearance, kept as a restriction the notes show.
          intakes.clearances(jonas.getId()).stream()
              .findFirst()
              .ifPresent(
                  clearance ->
                      restrictions.record(
                          jonas.getId(),
                          new RestrictionTerms(
                              BodyRegion.NECK,
                              null,
                              null,
                              null,
                              Pressure.MODERATE,
                              clearance.getClearedOn(),
                              clearance.getClearedOn().plusWeeks(4),
                              "Avoid deep cervical pressure for four weeks.",
                              clearance.getId())));
          Instant start = clock.instant().minus(Duration.ofDays(2));
          SoapNote unsigned =
              notes.recordEarlierSession(
                  jonas.getId(),
                  SessionKind.FOLLOW_UP,
                  start,
                  start.plus(Duration.ofMinutes(50)),
                  "Ingrid Halvorsen, LMT");
          NoteDraft draft = new NoteDraft();
          draft.setCurrentPain(5);
          draft.setClientWords("Two bad days after a long drive.");
          notes.saveDraft(unsigned.getId(), unsigned.getVersion(), draft);
        });
  }

  private NoteDraft session(int[] n, String therapist, int index) {
    NoteDraft draft = new NoteDraft();
    draft.setHeadacheDaysSinceLast(n[0]);
    draft.setCurrentPain(n[1]);
    draft.setPainBefore(n[1]);
    draft.setPainAfter(n[2]);
    draft.setSleepQuality(n[3]);
    draft.setStressLevel(n[4]);
    draft.setTriggers("Screen work, long commutes");
    draft.setPosture("Forward head, shoulders slightly rounded");
    draft.setRomRotationLeft(60 + index * 3);
    draft.setRomRotationRight(55 + index * 4);
    draft
        .getTriggerPoints()
        .add(
            new TriggerPoint(
                "upper-trapezius", Side.RIGHT, Math.max(0, 3 - index / 3), "right temple"));
    MigraineProtocol.applyTo(draft, therapist, Set.of());
    draft.setTolerance(Tolerance.GOOD);
    draft.setProgress(
        index < 3
            ? "Early days; neck feels looser after sessions."
            : "Fewer headache days; sleeping better.");
    draft.setNextSession("In 3–4 days");
    return draft;
  }

  private Client byName(String lastName) {
    return clients.search(lastName, false, 0, 1).clients().get(0);
  }
}
