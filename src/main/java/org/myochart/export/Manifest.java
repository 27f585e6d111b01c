package org.myochart.export;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.stream.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.myochart.platform.SpreadsheetCsv;

/**
 * The list of what an export archive holds, as CSV for spreadsheets and as JSON for programs. Both
 * are written from the stored export rows one line at a time and are byte-for-byte the same every
 * time they are written, so the signature made when the export completed still verifies the copy
 * written into an archive downloaded later.
 */
public final class Manifest {

  public static final String JSON_FILE = "manifest.json";
  public static final String CSV_FILE = "manifest.csv";
  public static final String SIGNATURE_FILE = "manifest.json.p7s";
  public static final String AUDIT_LOG_FILE = "audit-log.csv";
  public static final String AUDIT_TREE_HEAD_FILE = "audit-tree-head.txt";

  /**
   * The clients' HL7 FHIR R4 Bundles in the FHIR Bulk Data layout: one NDJSON file per resource
   * type, here the one type Bundle, one Bundle per line (ADR-068).
   */
  public static final String FHIR_BUNDLES_FILE = "fhir/Bundle.ndjson";

  static final String[] CSV_HEADER = {
    "seq", "file", "record_type", "record_id", "client_id", "sealed_at", "sha256", "size_bytes"
  };

  /** What the JSON manifest says about the export as a whole. */
  public record Header(
      long exportId,
      String clinic,
      ExportScope scope,
      String requestedBy,
      String requestedAt,
      int records,
      String csvSha256,
      int auditEntries,
      String auditLogSha256,
      AuditTreeFiles auditTree,
      FhirFiles fhir) {}

  /**
   * The signed tree head an export carries and the proofs of its audit log in that tree; null in
   * the header of an export collected before exports carried them, whose manifest stays as it was
   * signed.
   */
  public record AuditTreeFiles(long treeSize, String headSha256, String proofsSha256) {}

  /**
   * The FHIR Bundles file: how many Bundles (lines) it holds and its SHA-256; null in the header of
   * an export that was not asked for them, whose manifest names no such file.
   */
  public record FhirFiles(int bundles, String sha256) {}

  private Manifest() {}

  public static void writeCsv(Iterable<ManifestLine> lines, OutputStream out) throws IOException {
    try (SpreadsheetCsv csv = new SpreadsheetCsv(unclosable(out), CSV_HEADER)) {
      for (ManifestLine line : lines) {
        csv.printRecord(
            line.seqNo(),
            line.file(),
            line.recordType(),
            line.recordId(),
            line.clientId(),
            line.sealedAt().toString(),
            line.sha256(),
            line.sizeBytes());
      }
    }
  }

  public static void writeJson(Header header, Iterable<ManifestLine> lines, OutputStream out) {
    try (JsonGenerator json = JSON.createGenerator(unclosable(out))) {
      json.writeStartObject();
      json.writeStartObject("export")
          .write("id", header.exportId())
          .write("clinic", header.clinic())
          .write("from", header.scope().from().toString())
          .write("to", header.scope().to().toString());
      if (header.scope().therapist() == null) {
        json.writeNull("therapist");
      } else {
        json.write("therapist", header.scope().therapist());
      }
      if (header.scope().clientId() == null) {
        json.writeNull("client");
      } else {
        json.write("client", header.scope().clientId());
      }
      json.write("requestedBy", header.requestedBy())
          .write("requestedAt", header.requestedAt())
          .write("records", header.records())
          .writeEnd();
      json.writeStartObject("files")
          .write("csv", CSV_FILE)
          .write("csvSha256", header.csvSha256())
          .write("auditLog", AUDIT_LOG_FILE)
          .write("auditLogEntries", header.auditEntries())
          .write("auditLogSha256", header.auditLogSha256());
      if (header.auditTree() != null) {
        json.write("auditTreeHead", AUDIT_TREE_HEAD_FILE)
            .write("auditTreeHeadSha256", header.auditTree().headSha256())
            .write("auditTreeSize", header.auditTree().treeSize())
            .write("auditProofs", AuditProofs.FILE)
            .write("auditProofsSha256", header.auditTree().proofsSha256());
      }
      if (header.fhir() != null) {
        json.write("fhirBundles", FHIR_BUNDLES_FILE)
            .write("fhirBundleCount", header.fhir().bundles())
            .write("fhirBundlesSha256", header.fhir().sha256());
      }
      json.writeEnd();
      json.writeStartArray("records");
      for (ManifestLine line : lines) {
        json.writeStartObject()
            .write("seq", line.seqNo())
            .write("file", line.file())
            .write("recordType", line.recordType())
            .write("recordId", line.recordId())
            .write("clientId", line.clientId())
            .write("sealedAt", line.sealedAt().toString())
            .write("sha256", line.sha256())
            .write("sizeBytes", line.sizeBytes())
            .writeEnd();
      }
      json.writeEnd();
      json.writeEnd();
    }
  }

  /** Runs a writer into nothing but a SHA-256 digest and answers the hex digest. */
  static String sha256Of(IoWriter writer) throws IOException {
    DigestOutputStream out = digesting(OutputStream.nullOutputStream());
    writer.writeTo(out);
    return hex(out);
  }

  /**
   * Passes bytes on to {@code out} while digesting them with SHA-256; read the digest with {@link
   * #hex}.
   */
  static DigestOutputStream digesting(OutputStream out) {
    try {
      return new DigestOutputStream(out, MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The hex SHA-256 of what went through a {@link #digesting} stream. */
  static String hex(DigestOutputStream out) {
    return HexFormat.of().formatHex(out.getMessageDigest().digest());
  }

  /** Something that writes bytes to a stream. */
  @FunctionalInterface
  public interface IoWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Keeps writers that close their stream from closing the archive they write into. */
  static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
