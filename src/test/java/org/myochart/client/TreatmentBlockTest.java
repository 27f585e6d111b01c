package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreatmentBlockTest {

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
  private final Client client = Fixtures.client();

  private Optional<TreatmentBlock> assess(
      List<HealthIntake> intakes, List<VisitCheck> checks, MedicalClearance clearance) {
    return TreatmentBlock.assess(intakes, checks, Optional.ofNullable(clearance), TODAY, OSLO);
  }

  private MedicalClearance clearanceAt(java.time.Instant at) {
    return new MedicalClearance(client, "Dr. Lund", TODAY, "Cleared", null, "therapist1", at);
  }

  @Test
  void clientWithoutIntakeCannotBeTreated() {
    assertTrue(
        assess(List.of(), List.of(), null)
            .orElseThrow()
            .reasons()
            .get(0)
            .startsWith("No health intake yet"));
  }

  @Test
  void intakeWithoutRedFlagsAllowsTreatment() {
    assertTrue(
        assess(List.of(Fixtures.intake(client, 1, Set.of(), Fixtures.T0)), List.of(), null)
            .isEmpty());
  }

  @Test
  void anyRedFlagBlocksUntilAClearanceRecordedAfterIt() {
    HealthIntake flagged = Fixtures.intake(client, 1, Set.of(RedFlag.THUNDERCLAP), Fixtures.T0);

    TreatmentBlock block = assess(List.of(flagged), List.of(), null).orElseThrow();
    assertTrue(block.isRedFlagged());
    assertTrue(block.reasons().get(0).contains("worst you have ever had"));
    assertTrue(
        assess(List.of(flagged), List.of(), clearanceAt(Fixtures.T0.plus(Duration.ofDays(2))))
            .isEmpty());
  }

  @Test
  void clearanceRecordedBeforeANewRedFlagDoesNotCoverIt() {
    MedicalClearance earlier = clearanceAt(Fixtures.T0);
    HealthIntake later =
        Fixtures.intake(
            client, 2, Set.of(RedFlag.NEUROLOGICAL), Fixtures.T0.plus(Duration.ofDays(7)));

    assertTrue(assess(List.of(later), List.of(), earlier).orElseThrow().isRedFlagged());
  }

  @Test
  void laterIntakeWithoutFlagsDoesNotClearAnEarlierFlag() {
    HealthIntake flagged = Fixtures.intake(client, 1, Set.of(RedFlag.WORSENING), Fixtures.T0);
    HealthIntake quiet = Fixtures.intake(client, 2, Set.of(), Fixtures.T0.plus(Duration.ofDays(1)));

    assertTrue(assess(List.of(quiet, flagged), List.of(), null).orElseThrow().isRedFlagged());
  }

  @Test
  void acuteSevereAttackBlocksOnlyThatDay() {
    HealthIntake intake = Fixtures.intake(client, 1, Set.of(), Fixtures.T0);
    VisitCheck today =
        new VisitCheck(client, TODAY, true, false, Set.of(), "t", Fixtures.T0.plusSeconds(60));

    assertTrue(
        assess(List.of(intake), List.of(today), null)
            .orElseThrow()
            .reasons()
            .get(0)
            .startsWith("Acute severe migraine attack today"));
    assertTrue(
        TreatmentBlock.assess(
                List.of(intake), List.of(today), Optional.empty(), TODAY.plusDays(1), OSLO)
            .isEmpty());
  }

  @Test
  void changeSinceLastVisitBlocksUntilTheIntakeIsUpdated() {
    HealthIntake first = Fixtures.intake(client, 1, Set.of(), Fixtures.T0);
    VisitCheck changed =
        new VisitCheck(client, TODAY, false, true, Set.of(), "t", Fixtures.T0.plusSeconds(60));
    HealthIntake updated = Fixtures.intake(client, 2, Set.of(), Fixtures.T0.plusSeconds(120));

    assertTrue(assess(List.of(first), List.of(changed), null).isPresent());
    assertTrue(assess(List.of(updated, first), List.of(changed), null).isEmpty());
  }

  @Test
  void redFlagAnsweredAtTheVisitBlocksToo() {
    HealthIntake intake = Fixtures.intake(client, 1, Set.of(), Fixtures.T0);
    VisitCheck check =
        new VisitCheck(
            client,
            TODAY,
            false,
            false,
            Set.of(RedFlag.FEVER_STIFF_NECK),
            "t",
            Fixtures.T0.plusSeconds(60));

    assertFalse(assess(List.of(intake), List.of(check), null).isEmpty());
  }
}
