package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;

/**
 * The demo clinic's sealed PDFs read by poppler, a PDF implementation that shares no code with
 * ours: its verdict on the seal, the text a reader sees and the attached JSON source.
 */
@ResourceLock(SharedDemoData.VERIFICATION)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class PopplerChecksIT {

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    boolean available =
        List.of("pdfsig", "pdftotext", "pdfdetach").stream()
            .allMatch(tool -> new File("/usr/bin/" + tool).canExecute());
    if (!available) {
      System.err.println(
          "\n########## POPPLER CHECKS SKIPPED: pdfsig, pdftotext or pdfdetach is missing."
              + " Install Debian's poppler-utils. ##########\n");
    }
    // Skipped on a developer's machine without it; under CI=true a missing tool fails the run.
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.assertTrue(
          available, "Debian poppler-utils (pdfsig, pdftotext, pdfdetach) is not installed");
    }
    Assumptions.assumeTrue(
        available, "Debian poppler-utils (pdfsig, pdftotext, pdfdetach) is not installed");
    clinic = RunningClinic.demo();
  }

  private static String run(Path folder, String... command)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(folder, "out", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertTrue(
        process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /**
   * pdfsig exits 0 even for a digest mismatch, so its verdict on each seal is read from the text.
   * Document timestamps (long-term validation, field "Archive timestamp N") are left out: pdfsig
   * cannot check that type and says so; {@link #archiveTimestampBlocks} reads them.
   */
  private static List<String> signatureVerdicts(String pdfsigOutput) {
    List<String> verdicts = new ArrayList<>();
    for (String block : pdfsigOutput.split("Signature #")) {
      if (block.contains("Field Name: Archive timestamp")) {
        continue;
      }
      for (String line : block.split("\n")) {
        if (line.strip().startsWith("- Signature Validation:")) {
          verdicts.add(line.strip().substring("- Signature Validation:".length()).strip());
        }
      }
    }
    return verdicts;
  }

  /** pdfsig's blocks about document timestamps. */
  private static List<String> archiveTimestampBlocks(String pdfsigOutput) {
    return java.util.Arrays.stream(pdfsigOutput.split("Signature #"))
        .filter(block -> block.contains("Field Name: Archive timestamp"))
        .toList();
  }

  private static Path save(Path folder, String name, byte[] pdf) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, pdf);
    return file;
  }

  @Test
  void pdfsigFindsEverySealedRecordValid(@TempDir Path folder) throws Exception {
    for (String type : List.of(RecordKind.SOAP_NOTE.typeName(), RecordKind.CONSENT.typeName())) {
      DemoSealedRecords.Stored record = DemoSealedRecords.all(clinic, type).get(0);
      Path file = save(folder, type + ".pdf", DemoSealedRecords.download(clinic, record));

      String output = run(folder, "pdfsig", file.toString());

      assertEquals(List.of("Signature is Valid."), signatureVerdicts(output), output);
      // The demo clinic has a timestamp authority: the record is PAdES B-LTA, its document
      // timestamp signs every byte of the file.
      List<String> archive = archiveTimestampBlocks(output);
      assertEquals(1, archive.size(), output);
      assertTrue(archive.get(0).contains("- Total document signed"), output);
    }
  }

  /**
   * A note and a consent as the demo clinic hands them out, checked by EU DSS as an auditor would:
   * the trust anchors are the clinic's current sealing certificate, read from the clinic's own
   * certificate history (not from the file), and the test authority's root; nothing is fetched.
   */
  @Test
  void euDssFindsTheClinicsDownloadedRecordsTotallyPassedAtLevelLta() throws Exception {
    java.security.cert.X509Certificate clinicCertificate;
    try (java.sql.Connection db = clinic.database();
        java.sql.Statement query = db.createStatement();
        java.sql.ResultSet row =
            query.executeQuery(
                "select certificate_der from seal_certificate where retired_at is null")) {
      assertTrue(row.next(), "the clinic has a current sealing certificate");
      clinicCertificate =
          (java.security.cert.X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509")
                  .generateCertificate(new java.io.ByteArrayInputStream(row.getBytes(1)));
    }
    List<org.myochart.testsupport.EuDss.Request> requests = new ArrayList<>();
    for (String type : List.of(RecordKind.SOAP_NOTE.typeName(), RecordKind.CONSENT.typeName())) {
      DemoSealedRecords.Stored record = DemoSealedRecords.all(clinic, type).get(0);
      requests.add(
          new org.myochart.testsupport.EuDss.Request(
              DemoSealedRecords.download(clinic, record),
              clinicCertificate,
              RunningClinic.timestampAuthority().root()));
    }

    for (var verdict : org.myochart.testsupport.EuDss.validate(requests)) {
      assertEquals(
          eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED,
          verdict.indication(),
          verdict.toString());
      assertEquals(
          eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA,
          verdict.level(),
          verdict.toString());
    }
  }

  /**
   * Every record the demo clinic has sealed, read from its database: Bouncy Castle and pdfsig find
   * the seal valid, it carries a signature timestamp from the clinic's timestamp authority (PAdES
   * B-T) and a document timestamp over the whole file after the validation data (B-LTA), veraPDF
   * finds PDF/A-3b, pdftotext shows the manifestation and the audit trail, and pdfdetach lists the
   * JSON source.
   */
  @Test
  void everySealedRecordOfTheDemoClinicPassesEveryCheck(@TempDir Path folder) throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    try (java.sql.Connection db = clinic.database();
        java.sql.Statement query = db.createStatement();
        java.sql.ResultSet rows =
            query.executeQuery(
                "select record_type, record_id, pdf from sealed_record order by id")) {
      while (rows.next()) {
        String name = rows.getString(1) + "-" + rows.getLong(2);
        byte[] pdf = rows.getBytes(3);
        Path file = save(folder, name + ".pdf", pdf);
        if (!org.myochart.testsupport.SealedPdfs.signatureValid(pdf)) {
          problems.add(name + ": Bouncy Castle finds the signature invalid");
        }
        var token = org.myochart.testsupport.SealedPdfs.timestampToken(pdf);
        if (token.isEmpty()) {
          problems.add(name + ": no RFC 3161 signature timestamp (B-T)");
        } else if (!token
            .get()
            .getSID()
            .getSerialNumber()
            .equals(RunningClinic.timestampAuthority().certificate().getSerialNumber())) {
          problems.add(name + ": the timestamp is not from the clinic's timestamp authority");
        }
        var archive = org.myochart.testsupport.SealedPdfs.documentTimestamps(pdf);
        if (archive.size() != 1) {
          problems.add(
              name + ": " + archive.size() + " document timestamps instead of one (B-LTA)");
        }
        List<String> verdicts = signatureVerdicts(run(folder, "pdfsig", file.toString()));
        if (!verdicts.equals(List.of("Signature is Valid."))) {
          problems.add(name + ": pdfsig says " + verdicts);
        }
        List<String> pdfA = org.myochart.testsupport.SealedPdfs.pdfA3bFailures(pdf);
        if (!pdfA.isEmpty()) {
          problems.add(name + ": not PDF/A-3b: " + pdfA);
        }
        String text = run(folder, "pdftotext", "-enc", "UTF-8", file.toString(), "-");
        if (!text.contains("Signed by:") && !text.contains("Accepted by:")) {
          problems.add(name + ": pdftotext shows neither 'Signed by:' nor 'Accepted by:'");
        }
        for (String expected : List.of("Signed at:", "Meaning:", "Audit trail up to signing")) {
          if (!text.contains(expected)) {
            problems.add(name + ": pdftotext does not show '" + expected + "'");
          }
        }
        if (!run(folder, "pdfdetach", "-list", file.toString()).contains(".json")) {
          problems.add(name + ": pdfdetach lists no JSON source");
        }
        checked++;
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(
        checked >= 15,
        "the demo clinic seals its consents and eleven signed sessions at start: " + checked);
  }

  @Test
  void pdftotextShowsTheSignatureManifestationAndTheAuditTrail(@TempDir Path folder)
      throws Exception {
    DemoSealedRecords.Stored note =
        DemoSealedRecords.all(clinic, RecordKind.SOAP_NOTE.typeName()).get(0);
    Path file = save(folder, "note.pdf", DemoSealedRecords.download(clinic, note));

    String text = run(folder, "pdftotext", "-enc", "UTF-8", file.toString(), "-");

    assertTrue(text.contains("Signed SOAP note"), text);
    assertTrue(text.contains("Signed by:"), text);
    assertTrue(text.contains("Signed at:"), text);
    assertTrue(text.contains("Audit trail"), text);
  }

  @Test
  void pdfdetachGivesTheJsonSourceWhichParses(@TempDir Path folder) throws Exception {
    DemoSealedRecords.Stored consent =
        DemoSealedRecords.all(clinic, RecordKind.CONSENT.typeName()).get(0);
    Path file = save(folder, "consent.pdf", DemoSealedRecords.download(clinic, consent));
    String json = "consent-" + consent.id() + ".json";

    String list = run(folder, "pdfdetach", "-list", file.toString());
    Path out = Files.createDirectory(folder.resolve("attachments"));
    run(folder, "pdfdetach", "-saveall", "-o", out.toString(), file.toString());

    assertTrue(list.contains(json), list);
    JsonObject source =
        Json.createReader(
                new StringReader(Files.readString(out.resolve(json), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("consent", source.getString("type"));
    assertEquals(consent.id(), source.getJsonNumber("id").longValue());
  }

  /** The output of sha256sum for one file: its lower-case hex digest. */
  private static String sha256sum(Path folder, Path file) throws Exception {
    return run(folder, "sha256sum", file.toString()).split(" ")[0].strip();
  }

  private static String hashIn(String table, String column, long id) throws Exception {
    try (var db = clinic.database();
        var query = db.prepareStatement("select " + column + " from " + table + " where id = ?")) {
      query.setLong(1, id);
      try (var rows = query.executeQuery()) {
        assertTrue(rows.next(), table + " " + id);
        return rows.getString(1);
      }
    }
  }

  @Test
  void aConsentsEvidenceAndTextHashesAreRecomputedFromItsAttachmentsWithPdfdetachAndSha256sum(
      @TempDir Path folder) throws Exception {
    for (DemoSealedRecords.Stored consent :
        DemoSealedRecords.all(clinic, RecordKind.CONSENT.typeName())) {
      Path file =
          save(
              folder,
              "consent-" + consent.id() + ".pdf",
              DemoSealedRecords.download(clinic, consent));
      Path out = Files.createDirectory(folder.resolve("consent-" + consent.id()));
      run(folder, "pdfdetach", "-saveall", "-o", out.toString(), file.toString());
      String text = run(folder, "pdftotext", file.toString(), "-");

      String evidence = sha256sum(folder, out.resolve("consent-" + consent.id() + ".evidence.txt"));
      String formText =
          sha256sum(folder, out.resolve("consent-" + consent.id() + ".form-text.txt"));

      assertEquals(hashIn("consent", "evidence_sha256", consent.id()), evidence);
      assertEquals(hashIn("consent", "text_sha256", consent.id()), formText);
      assertTrue(text.contains("Evidence SHA-256 " + evidence), text);
      assertTrue(text.contains("text SHA-256 " + formText), text);
      JsonObject source =
          Json.createReader(
                  new StringReader(
                      Files.readString(
                          out.resolve("consent-" + consent.id() + ".json"),
                          StandardCharsets.UTF_8)))
              .readObject();
      assertEquals(evidence, source.getString("evidenceSha256"));
      assertEquals("consent-" + consent.id() + ".evidence.txt", source.getString("evidenceFile"));
    }
  }

  @Test
  void aNotesContentHashIsTheSha256sumOfItsAttachedSource(@TempDir Path folder) throws Exception {
    for (DemoSealedRecords.Stored note :
        DemoSealedRecords.all(clinic, RecordKind.SOAP_NOTE.typeName()).subList(0, 3)) {
      Path file =
          save(folder, "note-" + note.id() + ".pdf", DemoSealedRecords.download(clinic, note));
      Path out = Files.createDirectory(folder.resolve("note-" + note.id()));
      run(folder, "pdfdetach", "-saveall", "-o", out.toString(), file.toString());

      String content = sha256sum(folder, out.resolve("note-" + note.id() + ".json"));

      assertEquals(hashIn("soap_note", "content_sha256", note.id()), content);
      assertTrue(
          run(folder, "pdftotext", file.toString(), "-").contains("Content SHA-256 " + content));
    }
  }

  @Test
  void aTamperedCopyFailsPdfsigAndOurVerification(@TempDir Path folder) throws Exception {
    DemoSealedRecords.Stored note =
        DemoSealedRecords.all(clinic, RecordKind.SOAP_NOTE.typeName()).get(0);
    byte[] tampered =
        org.myochart.testsupport.SealedPdfs.withFlippedSealedByte(
            DemoSealedRecords.download(clinic, note));
    Path file = save(folder, "tampered.pdf", tampered);

    String output = run(folder, "pdfsig", file.toString());
    JsonObject ours =
        Http.json(DemoSealedRecords.verify(clinic, "owner", "application/pdf", tampered));

    assertFalse(signatureVerdicts(output).contains("Signature is Valid."), output);
    assertFalse(ours.getBoolean("signatureValid"), ours.toString());
    assertFalse(ours.getBoolean("matchesStoredCopy"));
  }

  @Test
  void theChartPdfAndEachAttachedOriginalPassPdfsig(@TempDir Path folder) throws Exception {
    long anna = DemoSealedRecords.clientId(clinic, "Bergström");
    int records = DemoSealedRecords.ofClient(clinic, anna).size();
    Path chart = save(folder, "chart.pdf", ChartPdfApiIT.chartFor(clinic, anna));

    assertEquals(
        List.of("Signature is Valid."), signatureVerdicts(run(folder, "pdfsig", chart.toString())));
    Path out = Files.createDirectory(folder.resolve("originals"));
    run(folder, "pdfdetach", "-saveall", "-o", out.toString(), chart.toString());
    List<Path> originals;
    try (var files = Files.list(out)) {
      originals = files.filter(p -> p.toString().endsWith(".pdf")).toList();
    }
    assertEquals(records, originals.size());
    for (Path original : originals) {
      assertEquals(
          List.of("Signature is Valid."),
          signatureVerdicts(run(folder, "pdfsig", original.toString())),
          original.toString());
    }
    String text = run(folder, "pdftotext", "-enc", "UTF-8", "-l", "1", chart.toString(), "-");
    assertTrue(text.contains("Client chart"), text);
  }
}
