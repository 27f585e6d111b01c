package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditLine;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.Sha256;
import org.myochart.record.SealCertificate;
import org.myochart.record.SigningIdentity;

class ExportArchiveTest {

  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
  private static final SigningIdentity IDENTITY =
      SigningIdentity.selfSigned("Harbourside Massage", NOW);
  private static final SealCertificate CERTIFICATE =
      new SealCertificate(IDENTITY.certificate(), NOW);

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
    archive.write(export, zip, IDENTITY, List.of(CERTIFICATE));
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

  @Test
  void everyFileButTheReadMeAndTheCertificatesIsListedInASignedSha256SumsFile() throws Exception {
    Map<String, byte[]> entries = entries(completedExport());
    String sums = new String(entries.get(ExportArchive.SUMS_FILE), StandardCharsets.UTF_8);
    Map<String, String> listed = new HashMap<>();
    for (String line : sums.split("\n")) {
      listed.put(line.substring(66), line.substring(0, 64));
    }
    for (var entry : entries.entrySet()) {
      String name = entry.getKey();
      if (name.equals(ExportArchive.README_FILE)
          || name.equals(ExportArchive.SUMS_FILE)
          || name.equals(ExportArchive.SUMS_SIGNATURE_FILE)
          || name.equals(ExportArchive.CERTIFICATES_FILE)
          || name.startsWith(ExportArchive.CERTIFICATE_FOLDER)) {
        continue;
      }
      assertEquals(Sha256.of(entry.getValue()), listed.remove(name), name);
    }
    assertTrue(listed.isEmpty(), "listed but not in the archive: " + listed);
    CMSSignedData signature =
        new CMSSignedData(
            new CMSProcessableByteArray(entries.get(ExportArchive.SUMS_FILE)),
            entries.get(ExportArchive.SUMS_SIGNATURE_FILE));
    assertTrue(
        signature
            .getSignerInfos()
            .getSigners()
            .iterator()
            .next()
            .verify(new JcaSimpleSignerInfoVerifierBuilder().build(IDENTITY.certificate())));
  }

  @Test
  void theArchiveCarriesTheClinicsCertificatesAndTheReadMePinsThemByFingerprint() throws Exception {
    Map<String, byte[]> entries = entries(completedExport());
    String readme = new String(entries.get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(readme.contains(CERTIFICATE.getSha256() + "  (current)"), readme);
    assertTrue(readme.contains("-CAfile " + ExportArchive.CERTIFICATES_FILE), readme);
    assertFalse(readme.contains("-noverify"), readme);
    assertTrue(
        new String(entries.get(ExportArchive.CERTIFICATES_FILE), StandardCharsets.US_ASCII)
            .contains("-----BEGIN CERTIFICATE-----"));
    assertTrue(
        entries.containsKey(ExportArchive.CERTIFICATE_FOLDER + CERTIFICATE.getSha256() + ".pem"));
  }
}
