package org.myochart.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.myochart.audit.AuditLine;
import org.myochart.platform.ClinicSettings;
import org.myochart.record.SealCertificate;
import org.myochart.record.SigningIdentity;

/**
 * An export's archive written without a database, for tests of what the archive holds: export 9, of
 * March 2026, with no records, the given audit log and the FHIR Bundle lines stored for it,
 * completed as {@link AuditExports#complete} completes one, its tree head and proofs from a {@link
 * FixedAuditTree}.
 */
final class ArchiveWithoutDatabase {

  static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

  private final List<AuditLine> log;
  private final FixedAuditTree tree;
  private final ExportArchive archive;
  private final List<byte[]> fhirLines = new java.util.ArrayList<>();

  ArchiveWithoutDatabase(List<AuditLine> log, FixedAuditTree tree) {
    this.log = List.copyOf(log);
    this.tree = tree;
    this.archive = new ExportArchive(new Reads(), new Settings(), tree);
  }

  ExportArchive archive() {
    return archive;
  }

  /** The export, completed: its audit log up to its last entry, proved in the tree's head. */
  AuditExport completedExport() throws Exception {
    return completedExport(false);
  }

  /**
   * The export, completed, with the stored FHIR Bundle lines (see {@link #storeFhirLine}) when it
   * asked for them, digested as {@link AuditExports#complete} digests them.
   */
  AuditExport completedExport(boolean fhirBundles) throws Exception {
    AuditExport export =
        new AuditExport(
            ExportScope.of("2026-03-01", "2026-03-31", null, null, LocalDate.of(2026, 11, 21))
                .withFhirBundles(fhirBundles),
            "owner",
            NOW);
    set(export, "id", 9L);
    export.claim(NOW);
    long upTo = log.get(log.size() - 1).id();
    long treeSize = tree.head().getTreeSize();
    Manifest.FhirFiles fhir = null;
    if (fhirBundles) {
      int[] count = {0};
      String sha = Manifest.sha256Of(out -> count[0] = archive.writeFhirBundles(export, out));
      fhir = new Manifest.FhirFiles(count[0], sha);
    }
    export.completed(
        NOW,
        upTo,
        log.size(),
        Manifest.sha256Of(out -> archive.writeAuditLog(export, upTo, out)),
        ExportArchive.treeFiles(
            tree.head(),
            Manifest.sha256Of(out -> archive.writeProofs(export, upTo, treeSize, out))),
        fhir,
        "d".repeat(64),
        new byte[] {1});
    return export;
  }

  /** Stores one more NDJSON line as the export job stores a client's FHIR Bundle. */
  void storeFhirLine(byte[] line) {
    fhirLines.add(line);
  }

  /** Sets a column of the export as the database would hand it back. */
  static void set(AuditExport export, String field, Object value) throws Exception {
    Field column = AuditExport.class.getDeclaredField(field);
    column.setAccessible(true);
    column.set(export, value);
  }

  /** The archive's files by name, as downloaded. */
  Map<String, byte[]> files(
      AuditExport export, SigningIdentity identity, List<SealCertificate> certificates)
      throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    archive.write(export, zip, identity, certificates);
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** The reads of an export that holds no records and the given audit log. */
  private final class Reads extends ExportQueries {
    @Override
    Iterable<AuditLine> auditEntries(long exportId, ExportScope scope, ZoneId zone, long upTo) {
      return log.stream().filter(entry -> entry.id() <= upTo).toList();
    }

    @Override
    Iterable<ManifestLine> lines(long exportId) {
      return List.of();
    }

    @Override
    Iterable<ArchivedFile> files(long exportId) {
      return List.of();
    }

    @Override
    Iterable<FhirLine> fhirBundles(long exportId) {
      List<FhirLine> lines = new java.util.ArrayList<>();
      for (byte[] line : fhirLines) {
        lines.add(new FhirLine(lines.size() + 1, line.clone()));
      }
      return lines;
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
}
