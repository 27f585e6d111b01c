package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlanAndAddendumTextTest {

  private static Map<String, String> problems(Object value) {
    Map<String, String> problems = new TreeMap<>();
    TreatmentFixtures.VALIDATOR
        .validate(value)
        .forEach(
            violation ->
                problems.put(violation.getPropertyPath().toString(), violation.getMessage()));
    return problems;
  }

  @Test
  void aPlanNeedsAGoalSessionsAndAStartWithinLimits() {
    assertEquals(
        Map.of(), problems(PlanTerms.of("Fewer headaches", 6, 1, LocalDate.of(2026, 3, 1))));
    assertEquals(
        Map.of(
            "goal",
            "Enter the goal.",
            "sessionsPerWeek",
            "Plan 1 to 7 sessions a week.",
            "sessionsPlanned",
            "Plan 1 to 100 sessions.",
            "startsOn",
            "Enter the day the plan starts."),
        problems(PlanTerms.of("   ", 0, 8, null)));
    assertEquals(
        Map.of("sessionsPlanned", "Plan 1 to 100 sessions."),
        problems(PlanTerms.of("Goal", 101, 7, LocalDate.of(2026, 3, 1))));
    assertEquals(
        Map.of("goal", "The goal may have at most 1000 characters; it has 1001."),
        problems(PlanTerms.of("g".repeat(1001), 1, 1, LocalDate.of(2026, 3, 1))));
  }

  @Test
  void anAddendumNeedsAReasonAndATextOfStorableCharacters() {
    assertEquals(
        Map.of(),
        problems(AddendumText.of("Wrong pressure", "It was firm, not moderate.\nChecked.")));
    assertEquals(
        Map.of(
            "body",
            "Enter the text of the addendum.",
            "reason",
            "Enter the reason for the addendum."),
        problems(AddendumText.of(" ", null)));
    assertEquals(
        Map.of("reason", "The reason for the addendum contains characters that cannot be stored."),
        problems(AddendumText.of("Bell\u0007", "Text")));
    assertEquals(
        Map.of("body", "The text of the addendum may have at most 20000 characters; it has 20001."),
        problems(AddendumText.of("Reason", "b".repeat(20_001))));
  }
}
