package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthIntakeTest {

  @Test
  void bloodThinnerRaisesADeepPressureCaution() {
    HealthIntake intake =
        new HealthIntake(
            Fixtures.client(),
            1,
            Fixtures.answers(
                Set.of(), List.of(new Medication("Warfarin", MedicationKind.BLOOD_THINNER)), false),
            IntakeSource.STAFF,
            "t",
            Fixtures.T0);

    assertTrue(intake.cautions().stream().anyMatch(c -> c.area().equals("Deep pressure")));
  }

  @Test
  void pregnancyWarnsAgainstLi4AndGb21() {
    HealthIntake intake =
        new HealthIntake(
            Fixtures.client(),
            1,
            Fixtures.answers(Set.of(), List.of(), true),
            IntakeSource.KIOSK,
            "client",
            Fixtures.T0);

    assertTrue(
        intake.cautions().stream()
            .anyMatch(c -> c.advice().contains("LI4") && c.advice().contains("GB21")));
  }

  @Test
  void noConditionsMeanNoCautions() {
    assertTrue(Fixtures.intake(Fixtures.client(), 1, Set.of(), Fixtures.T0).cautions().isEmpty());
  }

  @Test
  void theSameAnswersRedFlagsIncludedAreRecognisedAndAnyChangeIsNot() {
    Set<RedFlag> flags = Set.of(RedFlag.values()[0]);
    List<Medication> medications = List.of(new Medication("Sumatriptan", MedicationKind.OTHER));
    HealthIntake intake =
        new HealthIntake(
            Fixtures.client(),
            1,
            Fixtures.answers(flags, medications, false),
            IntakeSource.STAFF,
            "t",
            Fixtures.T0);

    assertTrue(
        intake.sameAnswersAs(
            Fixtures.answers(
                flags, List.of(new Medication(" Sumatriptan ", MedicationKind.OTHER)), false)));
    assertFalse(
        intake.sameAnswersAs(Fixtures.answers(Set.of(), medications, false)),
        "a red flag left unticked is a change");
    assertFalse(intake.sameAnswersAs(Fixtures.answers(flags, List.of(), false)));
    assertFalse(intake.sameAnswersAs(Fixtures.answers(flags, medications, true)));
  }
}
