package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.consent.ConsentCoverage;
import org.myochart.consent.TreatmentGate;

class WorkdayTest {

  private static final Instant NOW = Instant.parse("2026-03-12T14:00:00Z");
  private static final Duration A_DAY = Duration.ofHours(24);

  private static UnsignedNote startedAgo(Duration ago) {
    return new UnsignedNote(
        1L, 2L, "Jonas", "Lindqvist", NOW.minus(ago), SessionKind.FOLLOW_UP, "Ingrid Halvorsen");
  }

  private static Workday dayWith(UnsignedNote... notes) {
    return new Workday(NOW, A_DAY, List.of(), List.of(), List.of(notes), List.of(), 0);
  }

  @Test
  void aNoteAgeReadsInWholeDaysHoursOrLessThanAnHour() {
    assertEquals("2 days", new NoteAge(Duration.ofHours(50)).words());
    assertEquals("1 day", new NoteAge(Duration.ofHours(24)).words());
    assertEquals("23 hours", new NoteAge(Duration.ofMinutes(23 * 60 + 59)).words());
    assertEquals("1 hour", new NoteAge(Duration.ofMinutes(61)).words());
    assertEquals("less than an hour", new NoteAge(Duration.ofMinutes(59)).words());
    assertEquals("less than an hour", new NoteAge(Duration.ofMinutes(-5)).words());
  }

  @Test
  void aNoteUnsignedForTwoDaysIsFlaggedAndOneOfThisMorningIsNot() {
    UnsignedNote twoDays = startedAgo(Duration.ofDays(2));
    UnsignedNote thisMorning = startedAgo(Duration.ofHours(3));
    Workday day = dayWith(twoDays, thisMorning);

    assertEquals("2 days", day.ageOf(twoDays).words());
    assertTrue(day.overdue(twoDays));
    assertFalse(day.overdue(thisMorning));
    assertEquals(1, day.overdueCount());
  }

  @Test
  void aNoteIsFlaggedOnlyOnceItIsOlderThanTheLimit() {
    assertFalse(dayWith().overdue(startedAgo(A_DAY)));
    assertTrue(dayWith().overdue(startedAgo(A_DAY.plusMinutes(1))));
  }

  @Test
  void aPersonWhoMayNotOpenTheRecordSeesTheHoldButNotItsReasons() {
    TreatmentGate.Standing gate =
        new TreatmentGate.Standing(
            new ConsentCoverage(List.of()),
            new org.myochart.client.TreatmentBlock(
                List.of("Red flag reported on 1 Mar 2026."),
                java.util.Set.of(org.myochart.client.RedFlag.THUNDERCLAP)));
    ClientStanding desk = new ClientStanding(7L, "Amira Haddad", false, gate, 0);
    ClientStanding therapist = new ClientStanding(7L, "Amira Haddad", true, gate, 2);

    assertTrue(desk.onHold());
    assertTrue(desk.holdReasons().isEmpty());
    assertFalse(desk.redFlagged());
    assertEquals(List.of("Red flag reported on 1 Mar 2026."), therapist.holdReasons());
    assertTrue(therapist.redFlagged());
    assertEquals("Signed", therapist.consent());
  }
}
