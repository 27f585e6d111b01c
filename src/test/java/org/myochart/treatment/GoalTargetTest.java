package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.treatment.GoalTarget.Outcome;

class GoalTargetTest {

  @Test
  void aGoalFromSomeToFewerHeadacheDaysAMonthAimsForTheSecondNumber() {
    assertEquals(
        List.of(new GoalTarget(Outcome.HEADACHE_DAYS, 4)),
        GoalTarget.in(
            "Fewer headache days (from 8 to 4 a month) and an easier neck within six weeks."));
  }

  @Test
  void headacheDaysPerMonthAreReadInTheUsualWordings() {
    assertEquals(
        List.of(new GoalTarget(Outcome.HEADACHE_DAYS, 3)),
        GoalTarget.in("At most 3 headache days per month by June"));
    assertEquals(
        List.of(new GoalTarget(Outcome.HEADACHE_DAYS, 2)),
        GoalTarget.in("Headaches: 2 days/month"));
  }

  @Test
  void aPainBoundIsAGoalOnThePainScale() {
    assertEquals(
        List.of(new GoalTarget(Outcome.PAIN, 3)),
        GoalTarget.in("Bring the neck pain down to 3/10 before sessions"));
  }

  @Test
  void aGoalCanAimForBothOutcomes() {
    assertEquals(
        List.of(new GoalTarget(Outcome.HEADACHE_DAYS, 4), new GoalTarget(Outcome.PAIN, 2)),
        GoalTarget.in("4 headache days a month; pain below 2"));
  }

  @Test
  void aGoalWithoutANumberToChartHasNoTarget() {
    assertTrue(GoalTarget.in("An easier neck and better sleep").isEmpty());
    assertTrue(GoalTarget.in("Two sessions a week for 6 weeks").isEmpty());
    assertTrue(GoalTarget.in(null).isEmpty());
  }

  @Test
  void numbersBeyondTheScaleAreNotTargets() {
    assertTrue(GoalTarget.in("Fewer than 40 headache days a month").isEmpty());
    assertTrue(GoalTarget.in("Pain to 12").isEmpty());
  }

  @Test
  void theLegendSaysWhatTheLineIs() {
    assertEquals(
        "Plan goal: 4 headache days a month", new GoalTarget(Outcome.HEADACHE_DAYS, 4).label());
    assertEquals("Plan goal: pain 3/10", new GoalTarget(Outcome.PAIN, 3).label());
  }
}
