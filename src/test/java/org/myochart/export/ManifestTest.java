package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.platform.Sha256;

class ManifestTest {

  private static final List<ManifestLine> LINES =
      List.of(
          new ManifestLine(
              1,
              51,
              "Consent",
              7,
              3,
              Instant.parse("2026-03-02T09:00:00.123456Z"),
              "a".repeat(64),
              41_000),
          new ManifestLine(
              2,
              52,
              "SoapNote",
              12,
              3,
              Instant.parse("2026-03-02T10:30:00Z"),
              "b".repeat(64),
              52_000));

  private static final Manifest.Header HEADER =
      new Manifest.Header(
          9,
          "Harbourside \"Migraine\" Massage",
          ExportScope.of(
              "2026-03-01", "2026-03-31", "therapist1", null, LocalDate.of(2026, 11, 21)),
          "owner",
          "2026-11-21T08:00:00Z",
          2,
          "c".repeat(64),
          17,
          "d".repeat(64),
          new Manifest.AuditTreeFiles(812, "e".repeat(64), "f".repeat(64)),
          null);

  private static byte[] json() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Manifest.writeJson(HEADER, LINES, out);
    return out.toByteArray();
  }

  @Test
  void theCsvManifestHasAHeaderAndOneLinePerRecordWithItsArchivePath() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Manifest.writeCsv(LINES, out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertEquals("seq,file,record_type,record_id,client_id,sealed_at,sha256,size_bytes", lines[0]);
    assertEquals(
        "1,records/Consent-7.pdf,Consent,7,3,2026-03-02T09:00:00.123456Z,"
            + "a".repeat(64)
            + ",41000",
        lines[1]);
    assertEquals(3, lines.length);
  }

  @Test
  void theJsonManifestNamesTheExportTheOtherFilesAndEveryRecord() {
    JsonObject manifest =
        Json.createReader(new StringReader(new String(json(), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals(
        "Harbourside \"Migraine\" Massage", manifest.getJsonObject("export").getString("clinic"));
    assertEquals("therapist1", manifest.getJsonObject("export").getString("therapist"));
    assertEquals(true, manifest.getJsonObject("export").isNull("client"));
    assertEquals("c".repeat(64), manifest.getJsonObject("files").getString("csvSha256"));
    assertEquals(17, manifest.getJsonObject("files").getInt("auditLogEntries"));
    assertEquals("audit-tree-head.txt", manifest.getJsonObject("files").getString("auditTreeHead"));
    assertEquals("e".repeat(64), manifest.getJsonObject("files").getString("auditTreeHeadSha256"));
    assertEquals(812, manifest.getJsonObject("files").getInt("auditTreeSize"));
    assertEquals("audit-proofs.jsonl", manifest.getJsonObject("files").getString("auditProofs"));
    assertEquals("f".repeat(64), manifest.getJsonObject("files").getString("auditProofsSha256"));
    assertEquals(2, manifest.getJsonArray("records").size());
    JsonObject note = manifest.getJsonArray("records").getJsonObject(1);
    assertEquals("records/SoapNote-12.pdf", note.getString("file"));
    assertEquals("b".repeat(64), note.getString("sha256"));
  }

  @Test
  void theManifestOfAnExportWithoutATreeHeadIsWrittenAsBeforeSoItsSignatureStillFits() {
    Manifest.Header before =
        new Manifest.Header(
            HEADER.exportId(),
            HEADER.clinic(),
            HEADER.scope(),
            HEADER.requestedBy(),
            HEADER.requestedAt(),
            HEADER.records(),
            HEADER.csvSha256(),
            HEADER.auditEntries(),
            HEADER.auditLogSha256(),
            null,
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Manifest.writeJson(before, LINES, out);
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains(
                "\"auditLog\":\"audit-log.csv\",\"auditLogEntries\":17,\"auditLogSha256\":\""
                    + "d".repeat(64)
                    + "\"},\"records\":["),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writingTheManifestAgainGivesTheSameBytesSoAnOldSignatureStillFits() {
    assertArrayEquals(json(), json());
  }

  @Test
  void theStreamedDigestIsTheDigestOfTheBytes() throws Exception {
    assertEquals(
        Sha256.of(json()), Manifest.sha256Of(out -> Manifest.writeJson(HEADER, LINES, out)));
  }
}
