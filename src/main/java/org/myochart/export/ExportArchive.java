package org.myochart.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditLogCsv;
import org.myochart.consent.Sha256;
import org.myochart.platform.ClinicSettings;

/**
 * Writes a completed export as a ZIP: a read-me, the signed JSON manifest and its detached
 * signature, the CSV manifest, the audit log of the range, and every sealed PDF exactly as stored.
 * Records are streamed one page at a time; each is checked against its manifest line on the way
 * out.
 */
final class ExportArchive {

  static final String README_FILE = "README.txt";

  private final ExportQueries queries;
  private final ClinicSettings settings;

  ExportArchive(ExportQueries queries, ClinicSettings settings) {
    this.queries = queries;
    this.settings = settings;
  }

  Manifest.Header header(
      AuditExport export, String csvSha256, int auditEntries, String auditLogSha256) {
    return new Manifest.Header(
        export.getId(),
        settings.clinicName(),
        export.scope(),
        export.getRequestedBy(),
        export.getRequestedAt().toString(),
        export.getDone(),
        csvSha256,
        auditEntries,
        auditLogSha256);
  }

  void write(AuditExport export, OutputStream target) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
    zip.setComment("MyoChart audit export " + export.getId());
    zip.putNextEntry(new ZipEntry(README_FILE));
    zip.write(readme(export).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(Manifest.CSV_FILE));
    java.security.DigestOutputStream csv = Manifest.digesting(zip);
    Manifest.writeCsv(queries.lines(export.getId()), csv);
    zip.closeEntry();
    Manifest.Header header =
        header(export, Manifest.hex(csv), export.getAuditEntries(), export.getAuditLogSha256());
    zip.putNextEntry(new ZipEntry(Manifest.JSON_FILE));
    Manifest.writeJson(header, queries.lines(export.getId()), zip);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(Manifest.SIGNATURE_FILE));
    zip.write(export.manifestSignature());
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(Manifest.AUDIT_LOG_FILE));
    writeAuditLog(export, export.getAuditUpTo(), zip);
    zip.closeEntry();
    for (ExportQueries.ArchivedFile file : queries.files(export.getId())) {
      byte[] pdf = file.pdf();
      if (!Sha256.of(pdf).equals(file.line().sha256())) {
        throw new IOException(
            "The stored PDF of "
                + file.line().recordType()
                + " "
                + file.line().recordId()
                + " changed after the export was made; the archive is incomplete.");
      }
      ZipEntry entry = new ZipEntry(file.line().file());
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(pdf.length);
      entry.setCompressedSize(pdf.length);
      CRC32 crc = new CRC32();
      crc.update(pdf);
      entry.setCrc(crc.getValue());
      entry.setTime(file.line().sealedAt().toEpochMilli());
      zip.putNextEntry(entry);
      zip.write(pdf);
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  /** Writes the audit log of the export and answers how many entries it holds. */
  int writeAuditLog(AuditExport export, long upTo, OutputStream out) throws IOException {
    int count = 0;
    try (AuditLogCsv csv = new AuditLogCsv(Manifest.unclosable(out))) {
      for (AuditLine line :
          queries.auditEntries(export.getId(), export.scope(), settings.zone(), upTo)) {
        csv.write(line);
        count++;
      }
    }
    return count;
  }

  private String readme(AuditExport export) {
    return String.join(
        "\r\n",
        "MyoChart audit export " + export.getId() + " of " + settings.clinicName(),
        "Scope: records sealed "
            + export.scope().describe()
            + " (dates in "
            + settings.zone()
            + ").",
        "Requested by "
            + export.getRequestedBy()
            + " at "
            + export.getRequestedAt()
            + "; collected "
            + export.getCompletedAt()
            + ".",
        "",
        "records/            "
            + export.getDone()
            + " sealed PDF/A-3b records exactly as stored at signing.",
        Manifest.CSV_FILE
            + "        one line per record: file, type, id, client, sealed time, SHA-256, size.",
        Manifest.JSON_FILE
            + "       the same list, plus the SHA-256 of "
            + Manifest.CSV_FILE
            + " and of "
            + Manifest.AUDIT_LOG_FILE
            + ".",
        Manifest.SIGNATURE_FILE
            + "   detached CMS signature (DER) of "
            + Manifest.JSON_FILE
            + " by the clinic's sealing key.",
        Manifest.AUDIT_LOG_FILE
            + "       "
            + export.getAuditEntries()
            + " audit entries"
            + (export.scope().filtered() ? " about the exported records." : " of the range.")
            + " Each entry's hash chains to the one before it.",
        "",
        "To check this archive:",
        "  openssl cms -verify -binary -inform DER -in "
            + Manifest.SIGNATURE_FILE
            + " -content "
            + Manifest.JSON_FILE
            + " -noverify -out /dev/null",
        "  (with a CA-issued clinic certificate, drop -noverify and give -CAfile), then compare each file's",
        "  sha256sum with its line in the manifest. Each PDF carries its own digital signature.",
        "",
        "Spreadsheet safety: in "
            + Manifest.CSV_FILE
            + " and "
            + Manifest.AUDIT_LOG_FILE
            + " a cell that begins with",
        "  = + - @, a tab or a carriage return was written with one extra ' in front (and in quotes), so that a",
        "  spreadsheet shows it as text instead of running it as a formula: user names and browser user agents",
        "  are typed by anyone who tries to sign in. The files were hashed and signed as written, with the '.",
        "  To get a raw value, strip one leading ' from a cell whose next character is one of those six.",
        "");
  }
}
