package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class AuditExportTest {

  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
  private static final ExportScope MARCH =
      ExportScope.of("2026-03-01", "2026-03-31", null, null, LocalDate.of(2026, 11, 21));

  @Test
  void aNewRunTakesTheExportOverAndTheOldRunMayNoLongerWrite() {
    AuditExport export = new AuditExport(MARCH, "owner", NOW);
    String first = export.claim(NOW);
    assertTrue(export.heldBy(first));
    String second = export.claim(NOW.plusSeconds(60));
    assertNotEquals(first, second);
    assertFalse(export.heldBy(first));
    assertTrue(export.heldBy(second));
    assertEquals(2, export.getRuns());
    assertEquals(NOW, export.getStartedAt());
    assertEquals(ExportStatus.RUNNING, export.getStatus());
  }

  @Test
  void progressIsShownInPercentAndOnlyACompletedExportShowsAHundred() {
    AuditExport export = new AuditExport(MARCH, "owner", NOW);
    String token = export.claim(NOW);
    assertEquals(0, export.percent());
    export.counted(200);
    export.progressed(100);
    assertEquals(50, export.percent());
    export.progressed(100);
    assertEquals(99, export.percent());
    export.completed(
        NOW.plusSeconds(3),
        10,
        4,
        "a".repeat(64),
        new Manifest.AuditTreeFiles(12, "c".repeat(64), "d".repeat(64)),
        null,
        "b".repeat(64),
        new byte[] {1, 2});
    assertEquals(100, export.percent());
    assertFalse(export.heldBy(token));
    assertEquals("COMPLETED", export.getStatus().reported());
  }

  @Test
  void aFinishedExportCannotBeClaimedAgain() {
    AuditExport export = new AuditExport(MARCH, "owner", NOW);
    String token = export.claim(NOW);
    export.failed(NOW, "The stored PDF of Consent 3 no longer matches.");
    assertFalse(export.heldBy(token));
    RuleViolation refusal = assertThrows(RuleViolation.class, () -> export.claim(NOW));
    assertEquals(RuleViolation.Kind.CONFLICT, refusal.kind());
  }

  @Test
  void aQueuedExportIsReportedAsRunning() {
    AuditExport export = new AuditExport(MARCH, "owner", NOW);
    assertEquals("RUNNING", export.getStatus().reported());
  }

  @Test
  void theSameRequestBySomeoneElseOrForAnotherScopeIsNotTheSame() {
    AuditExport export = new AuditExport(MARCH, "owner", NOW);
    assertTrue(export.sameRequestAs(MARCH, "owner"));
    assertFalse(export.sameRequestAs(MARCH, "owner2"));
    assertFalse(
        export.sameRequestAs(
            ExportScope.of("2026-03-01", "2026-03-30", null, null, LocalDate.of(2026, 11, 21)),
            "owner"));
    export.claim(NOW);
    export.failed(NOW, "x");
    assertFalse(export.sameRequestAs(MARCH, "owner"));
  }

  @Test
  void anExportWithFhirBundlesIsNotTheSameRequestAsOneWithout() {
    AuditExport without = new AuditExport(MARCH, "owner", NOW);
    AuditExport with = new AuditExport(MARCH.withFhirBundles(true), "owner", NOW);
    assertFalse(without.sameRequestAs(MARCH.withFhirBundles(true), "owner"));
    assertFalse(with.sameRequestAs(MARCH, "owner"));
    assertTrue(with.sameRequestAs(MARCH.withFhirBundles(true), "owner"));
    assertTrue(with.scope().fhirBundles(), "the option is kept with the export");
  }

  @Test
  void anExportCompletesWithFhirBundlesExactlyWhenItAskedForThem() {
    AuditExport with = new AuditExport(MARCH.withFhirBundles(true), "owner", NOW);
    with.claim(NOW);
    assertThrows(IllegalStateException.class, () -> complete(with, null));
    complete(with, new Manifest.FhirFiles(3, "e".repeat(64)));
    assertEquals(new Manifest.FhirFiles(3, "e".repeat(64)), with.fhirFiles());

    AuditExport without = new AuditExport(MARCH, "owner", NOW);
    without.claim(NOW);
    assertThrows(
        IllegalStateException.class,
        () -> complete(without, new Manifest.FhirFiles(3, "e".repeat(64))));
    complete(without, null);
    assertEquals(null, without.fhirFiles());
  }

  private static void complete(AuditExport export, Manifest.FhirFiles fhir) {
    export.completed(
        NOW,
        10,
        4,
        "a".repeat(64),
        new Manifest.AuditTreeFiles(12, "c".repeat(64), "d".repeat(64)),
        fhir,
        "b".repeat(64),
        new byte[] {1});
  }
}
