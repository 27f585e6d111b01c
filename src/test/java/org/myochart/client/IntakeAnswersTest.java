package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.testsupport.Constraints.problems;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntakeAnswersTest {

  private static IntakeAnswers withPain(Integer intensity) {
    return new IntakeAnswers(
        10, 24, intensity, false, false, false, false, false, false, null, false, null, List.of(),
        false, false, false, null, null, null, Set.of());
  }

  @Test
  void painOutsideZeroToTenIsRefusedByName() {
    assertEquals(
        "The usual intensity must be a number from 0 to 10.",
        problems(withPain(11)).get("usualIntensity"));
    assertEquals(
        "The usual intensity must be a number from 0 to 10.",
        problems(withPain(-1)).get("usualIntensity"));
    assertTrue(problems(withPain(0)).isEmpty());
    assertTrue(problems(withPain(10)).isEmpty());
  }

  @Test
  void missingNumbersAreAskedFor() {
    IntakeAnswers answers =
        new IntakeAnswers(
            null, null, null, false, false, false, false, false, false, null, false, null, null,
            false, false, false, null, null, null, null);

    Map<String, String> problems = problems(answers);
    assertTrue(problems.get("headacheDaysPerMonth").contains("is needed"));
    assertTrue(problems.containsKey("usualDurationHours"));
    assertTrue(problems.containsKey("usualIntensity"));
  }

  @Test
  void tenThousandCharacterAnswersAreRefused() {
    IntakeAnswers answers =
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
            "t".repeat(10_000),
            false,
            null,
            List.of(),
            false,
            false,
            false,
            null,
            null,
            "o".repeat(10_000),
            Set.of());

    assertTrue(problems(answers).get("triggers").contains("at most 2000"));
    assertTrue(problems(answers).get("otherContraindications").contains("at most 4000"));
  }

  @Test
  void tooManyMedicationsAreRefused() {
    List<Medication> many =
        Collections.nCopies(21, new Medication("Aspirin", MedicationKind.ACUTE));
    IntakeAnswers answers =
        new IntakeAnswers(
            10, 24, 5, false, false, false, false, false, false, null, false, null, many, false,
            false, false, null, null, null, Set.of());

    assertEquals("At most 20 medications can be listed.", problems(answers).get("medications"));
  }
}
