package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditLine;
import org.myochart.consent.Sha256;
import org.myochart.platform.ClinicSettings;

class ExportArchiveTest {

  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

  private static final AuditLine FAILED_SIGN_IN =
      new AuditLine(
          41,
          Instant.parse("2026-03-02T09:00:00Z"),
          "@SUM(1+1)*cmd|' /C calc'!A0",
          null,
          "LOGIN_FAILED",
          null,
          null,
          null,
          "203.0.113.9",
          "=HYPERLINK(\"https://evil.example\",\"open\")",
          "a".repeat(64),
          "b".repeat(64));

  /** The reads of an export that holds no records and one audit entry. */
  private static final class OneAuditEntry extends ExportQueries {
    @Override
    Iterable<AuditLine> auditEntries(long exportId, ExportScope scope, ZoneId zone, long upTo) {
      return List.of(FAILED_SIGN_IN);
    }

    @Override
    Iterable<ManifestLine> lines(long exportId) {
      return List.of();
    }

    @Override
    Iterable<ArchivedFile> files(long exportId) {
      return List.of();
    }
  }

  private static final class Settings extends ClinicSettings {
    @Override
    public String clinicName() {
      return "Harbourside Massage";
    }

    @Override
    public ZoneId zone() {
      return ZoneId.of("Europe/Oslo");
    }
  }

  private final ExportArchive archive = new ExportArchive(new OneAuditEntry(), new Settings());

  private static AuditExport completedExport() throws Exception {
    AuditExport export =
        new AuditExport(
            ExportScope.of("2026-03-01", "2026-03-31", null, null, LocalDate.of(2026, 11, 21)),
            "owner",
            NOW);
    Field id = AuditExport.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(export, 9L);
    export.claim(NOW);
    export.completed(NOW, 41, 1, "c".repeat(64), "d".repeat(64), new byte[] {1});
    return export;
  }

  private Map<String, byte[]> entries(AuditExport export) throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    archive.write(export, zip);
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void aHostileUserNameAndUserAgentInTheAuditLogAreNeutralisedInTheArchive() throws Exception {
    byte[] auditLog = entries(completedExport()).get(Manifest.AUDIT_LOG_FILE);
    CSVRecord line =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(new String(auditLog, StandardCharsets.UTF_8)))
            .getRecords()
            .get(0);
    assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", line.get("actor"));
    assertEquals("'=HYPERLINK(\"https://evil.example\",\"open\")", line.get("user_agent"));
    assertEquals("b".repeat(64), line.get("entry_hash"));
  }

  @Test
  void theAuditLogIsHashedAsItIsWrittenIntoTheArchiveSoTheSignedManifestStillFits()
      throws Exception {
    AuditExport export = completedExport();
    String hashedAtCompletion = Manifest.sha256Of(out -> archive.writeAuditLog(export, 41, out));
    assertEquals(hashedAtCompletion, Sha256.of(entries(export).get(Manifest.AUDIT_LOG_FILE)));
  }

  @Test
  void theReadMeSaysWhichCellsGotAnApostropheAndHowToGetTheRawValue() throws Exception {
    String readme =
        new String(
            entries(completedExport()).get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains(
            "= + - @, a tab or a carriage return was written with one extra ' in front"),
        readme);
    assertTrue(readme.contains("strip one leading ' from a cell"), readme);
  }
}
