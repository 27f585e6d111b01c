package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntakeFieldTest {

  private static HealthIntake intake(int version, Set<RedFlag> flags, List<Medication> meds) {
    return new HealthIntake(
        Fixtures.client(),
        version,
        Fixtures.answers(flags, meds, false),
        IntakeSource.STAFF,
        "therapist1",
        Fixtures.T0);
  }

  private static List<String> linesOf(HealthIntake intake, IntakeSection section, String label) {
    return intake.answersIn(section).stream()
        .filter(answer -> answer.label().equals(label))
        .findFirst()
        .orElseThrow()
        .lines();
  }

  @Test
  void everyAnswerBelongsToOneSectionAndEverySectionShowsItsAnswers() {
    HealthIntake intake = intake(1, Set.of(), List.of());
    int shown =
        Arrays.stream(IntakeSection.values()).mapToInt(s -> intake.answersIn(s).size()).sum();

    assertEquals(IntakeField.values().length, shown);
    Arrays.stream(IntakeSection.values())
        .forEach(s -> assertTrue(!intake.answersIn(s).isEmpty(), s + " shows nothing"));
  }

  @Test
  void medicationsReadWithTheirKindAndRedFlagsWithTheirQuestion() {
    HealthIntake intake =
        intake(
            1,
            Set.of(RedFlag.THUNDERCLAP),
            List.of(
                new Medication("Warfarin", MedicationKind.BLOOD_THINNER),
                new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE)));

    assertEquals(
        List.of("Warfarin — Blood thinner", "Sumatriptan 50 mg — Acute (for an attack)"),
        linesOf(intake, IntakeSection.MEDICATIONS, "Medications"));
    assertEquals(
        List.of(RedFlag.THUNDERCLAP.question()),
        linesOf(intake, IntakeSection.RED_FLAGS, "Red flags"));
    assertEquals(List.of("stress"), linesOf(intake, IntakeSection.TRIGGERS, "Triggers"));
    assertEquals(
        List.of("yes (2019)"),
        linesOf(intake, IntakeSection.DIAGNOSIS, "Diagnosed by a physician"));
    assertEquals(List.of("no"), linesOf(intake, IntakeSection.SYMPTOMS, "Aura"));
  }

  @Test
  void emptyListsReadNoneAndUnansweredTextsADash() {
    HealthIntake intake = intake(1, Set.of(), List.of());

    assertEquals(List.of("none"), linesOf(intake, IntakeSection.MEDICATIONS, "Medications"));
    assertEquals(List.of("none"), linesOf(intake, IntakeSection.RED_FLAGS, "Red flags"));
    assertEquals(List.of("—"), linesOf(intake, IntakeSection.CONTRAINDICATIONS, "Skin condition"));
  }

  @Test
  void theNextVersionNamesOnlyWhatChangedWithBeforeAndAfter() {
    HealthIntake first = intake(1, Set.of(), List.of());
    HealthIntake second =
        intake(
            2, Set.of(), List.of(new Medication("Propranolol 40 mg", MedicationKind.PREVENTIVE)));

    assertEquals(
        List.of(
            new IntakeDifferences.Change("Medications", "none", "Propranolol 40 mg — Preventive")),
        IntakeDifferences.between(first, second));
  }

  @Test
  void thePrintedChartLeavesOutUnansweredTextsButKeepsEveryOtherAnswer() {
    HealthIntake intake = intake(1, Set.of(), List.of());

    assertTrue(!intake.readable().containsKey("Skin condition"));
    assertEquals("none", intake.readable().get("Red flags"));
    assertEquals("10", intake.readable().get("Headache days per month"));
  }
}
