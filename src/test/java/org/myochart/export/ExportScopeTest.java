package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class ExportScopeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

  private static RuleViolation refused(String from, String to) {
    return assertThrows(RuleViolation.class, () -> ExportScope.of(from, to, null, null, TODAY));
  }

  @Test
  void aRangeThatStartsAfterItEndsIsRefusedOnTheFromField() {
    RuleViolation refusal = refused("2026-03-02", "2026-03-01");
    assertEquals(
        "The range starts (2026-03-02) after it ends (2026-03-01).",
        refusal.fieldProblems().get("from"));
    assertEquals(RuleViolation.Kind.INVALID, refusal.kind());
  }

  @Test
  void fiftyYearsAreRefusedWithAdviceToSplit() {
    RuleViolation refusal = refused("1976-01-01", "2026-01-01");
    assertEquals(
        "One export covers at most 10 years; split the range into parts.",
        refusal.fieldProblems().get("to"));
  }

  @Test
  void tenYearsLessADayAreAcceptedAndTenYearsAreNot() {
    ExportScope longest = ExportScope.of("2016-01-01", "2025-12-31", null, null, TODAY);
    assertEquals(LocalDate.of(2025, 12, 31), longest.to());
    refused("2016-01-01", "2026-01-01");
  }

  @Test
  void aRangeEndingAfterTodayIsRefused() {
    assertTrue(
        refused("2026-11-01", "2026-11-22").fieldProblems().get("to").contains("in the future"));
    assertEquals(TODAY, ExportScope.of("2026-11-21", "2026-11-21", null, null, TODAY).to());
  }

  @Test
  void missingAndMalformedDatesAreNamedPerField() {
    RuleViolation refusal = refused(null, "21.11.2026");
    assertEquals("Give the 'from' date as YYYY-MM-DD.", refusal.fieldProblems().get("from"));
    assertEquals(
        "'21.11.2026' is not a date of the form YYYY-MM-DD.", refusal.fieldProblems().get("to"));
    assertEquals("Please correct the 2 marked fields.", refusal.getMessage());
    assertTrue(refused("2026-02-30", "2026-03-01").fieldProblems().containsKey("from"));
  }

  @Test
  void aHostileLongValueIsCutInTheMessage() {
    String message = refused("x".repeat(5000), "2026-01-01").fieldProblems().get("from");
    assertTrue(message.length() < 100, message);
  }

  @Test
  void aBlankTherapistMeansEveryoneAndANonPositiveClientIsRefused() {
    ExportScope scope = ExportScope.of("2026-01-01", "2026-01-31", "  ", null, TODAY);
    assertNull(scope.therapist());
    assertFalse(scope.filtered());
    RuleViolation refusal =
        assertThrows(
            RuleViolation.class, () -> ExportScope.of("2026-01-01", "2026-01-31", null, 0L, TODAY));
    assertEquals("A client id is a positive number.", refusal.fieldProblems().get("client"));
  }

  @Test
  void theRangeRunsFromMidnightToMidnightInTheClinicsZone() {
    ExportScope scope = ExportScope.of("2026-03-01", "2026-03-31", " therapist1 ", 7L, TODAY);
    ZoneId oslo = ZoneId.of("Europe/Oslo");
    assertEquals("2026-02-28T23:00:00Z", scope.start(oslo).toString());
    assertEquals("2026-03-31T22:00:00Z", scope.end(oslo).toString());
    assertEquals("2026-03-01 to 2026-03-31, signed by therapist1, client 7", scope.describe());
  }

  @Test
  void fhirBundlesAreLeftOutUnlessAskedForAndTheDescriptionSaysWhenTheyAreIn() {
    ExportScope scope = ExportScope.of("2026-03-01", "2026-03-31", null, null, TODAY);
    assertFalse(scope.fhirBundles());
    assertEquals("2026-03-01 to 2026-03-31", scope.describe());
    ExportScope with = scope.withFhirBundles(true);
    assertTrue(with.fhirBundles());
    assertFalse(with.filtered(), "the Bundles add files, not a filter on the records");
    assertEquals("2026-03-01 to 2026-03-31, with FHIR bundles", with.describe());
    assertEquals(scope, with.withFhirBundles(false));
  }
}
