package org.myochart.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.ExportArchives;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;

/** The owner's export API against the demo clinic: what an archive holds, filters, and refusals. */
@ResourceLock(SharedDemoData.EXPORTS)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class AuditExportApiIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  static HttpResponse<String> request(String user, String json) {
    return Http.postJson(clinic.uri("/api/v1/exports"), user, PASSWORD, json);
  }

  static JsonObject awaitFinished(RunningClinic clinic, String password, long id) {
    return awaitFinishedAs(clinic, Http.basic("owner", password), id);
  }

  /** Polls with the given Authorization header: a bearer token where the export is long. */
  static JsonObject awaitFinishedAs(RunningClinic clinic, String authorization, long id) {
    return await("export " + id + " to finish")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> Http.json(Http.get(clinic.uri("/api/v1/exports/" + id), authorization)),
            status -> !status.getString("status").equals("RUNNING"));
  }

  private static ExportArchives.Contents download(long id) throws Exception {
    HttpResponse<byte[]> archive =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/exports/" + id + "/archive"))
                .header("Authorization", Http.basic("owner", PASSWORD)));
    assertEquals(200, archive.statusCode());
    assertTrue(
        archive.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"));
    assertTrue(
        archive
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("myochart-audit-export-" + id));
    return ExportArchives.read(new ByteArrayInputStream(archive.body()), Integer.MAX_VALUE);
  }

  private static String range(String extra) {
    LocalDate today = LocalDate.now();
    return "{\"from\":\"" + today.minusYears(5) + "\",\"to\":\"" + today + "\"" + extra + "}";
  }

  private static Set<String> sealedRecordFiles(String where) throws Exception {
    Set<String> files = new HashSet<>();
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery("select record_type, record_id from sealed_record r " + where)) {
      while (rows.next()) {
        files.add("records/" + rows.getString(1) + "-" + rows.getLong(2) + ".pdf");
      }
    }
    return files;
  }

  @Test
  void anExportHoldsEverySealedRecordAManifestThatMatchesEachFileItsSignatureAndTheAuditLog()
      throws Exception {
    HttpResponse<String> started = request("owner", range(""));
    assertEquals(202, started.statusCode(), started.body());
    long id = Http.json(started).getJsonNumber("id").longValue();
    assertTrue(
        started.headers().firstValue("Location").orElse("").endsWith("/api/v1/exports/" + id));

    JsonObject status = awaitFinished(clinic, PASSWORD, id);
    assertEquals("COMPLETED", status.getString("status"), status.toString());
    assertEquals(status.getInt("total"), status.getInt("done"));
    ExportArchives.Contents archive = download(id);

    Set<String> expected =
        sealedRecordFiles(
            "where r.sealed_at <= (select requested_at from audit_export where id = " + id + ")");
    assertFalse(expected.isEmpty());
    assertEquals(expected, new HashSet<>(archive.recordFiles()));
    assertEquals(expected.size(), status.getInt("total"));
    assertTrue(
        archive
            .names()
            .containsAll(
                Set.of(
                    "README.txt",
                    "manifest.csv",
                    "manifest.json",
                    "manifest.json.p7s",
                    "audit-log.csv")));

    for (CSVRecord line : archive.csv("manifest.csv")) {
      assertEquals(line.get("sha256"), archive.sha256().get(line.get("file")), line.get("file"));
    }
    JsonObject manifest =
        Json.createReader(new StringReader(archive.text("manifest.json"))).readObject();
    JsonArray records = manifest.getJsonArray("records");
    assertEquals(expected.size(), records.size());
    for (JsonObject record : records.getValuesAs(JsonObject.class)) {
      assertEquals(record.getString("sha256"), archive.sha256().get(record.getString("file")));
    }
    assertEquals(
        archive.sha256().get("manifest.csv"),
        manifest.getJsonObject("files").getString("csvSha256"));
    assertEquals(
        archive.sha256().get("audit-log.csv"),
        manifest.getJsonObject("files").getString("auditLogSha256"));
    assertEquals(
        manifest.getJsonObject("files").getInt("auditLogEntries"),
        archive.csv("audit-log.csv").size());
    assertTrue(
        archive.csv("audit-log.csv").size() > expected.size(),
        "the range's audit entries are in the archive");
    assertEquals(status.getString("manifestSha256"), archive.sha256().get("manifest.json"));
    assertTrue(archive.manifestSignatureValid());
    for (byte[] pdf : archive.pdfs().values()) {
      assertTrue(SealedPdfs.signatureValid(pdf));
    }

    assertEquals(1, AuditRows.count(clinic, "CREATE", "owner", "AuditExport", Long.toString(id)));
    assertEquals(1, AuditRows.count(clinic, "EXPORT", "owner", "AuditExport", Long.toString(id)));
    download(id);
    assertEquals(
        2,
        AuditRows.count(clinic, "EXPORT", "owner", "AuditExport", Long.toString(id)),
        "every download is audited");
  }

  @Test
  void withFhirBundlesTheArchiveCarriesOneValidBundlePerClientInNdjsonNamedByTheManifest()
      throws Exception {
    HttpResponse<String> started = request("owner", range(",\"fhirBundles\":true"));
    assertEquals(202, started.statusCode(), started.body());
    assertTrue(Http.json(started).getBoolean("fhirBundles"));
    long id = Http.json(started).getJsonNumber("id").longValue();
    JsonObject status = awaitFinished(clinic, PASSWORD, id);
    assertEquals("COMPLETED", status.getString("status"), status.toString());
    ExportArchives.Contents archive = download(id);

    Set<String> clients = new HashSet<>();
    archive.csv("manifest.csv").forEach(line -> clients.add(line.get("client_id")));
    assertTrue(clients.size() > 1, "the demo clinic's records belong to several clients");
    String ndjson = archive.text(Manifest.FHIR_BUNDLES_FILE);
    assertTrue(ndjson.endsWith("\n"));
    String[] lines = ndjson.split("\n");
    assertEquals(clients.size(), lines.length, "one Bundle per client with a record in the range");
    assertEquals(clients.size(), status.getInt("fhirBundleCount"));
    Set<String> patients = new HashSet<>();
    for (String line : lines) {
      org.hl7.fhir.r4.model.Bundle bundle =
          ca.uhn.fhir.context.FhirContext.forR4Cached()
              .newJsonParser()
              .parseResource(org.hl7.fhir.r4.model.Bundle.class, line);
      org.hl7.fhir.r4.model.Patient patient =
          (org.hl7.fhir.r4.model.Patient) bundle.getEntryFirstRep().getResource();
      patients.add(bundle.getEntryFirstRep().getFullUrl());
      assertEquals(
          java.util.List.of(),
          org.myochart.testsupport.FhirValidation.errors(line),
          patient.getNameFirstRep().getNameAsSingleString());
    }
    assertEquals(lines.length, patients.size(), "no client twice");

    JsonObject files =
        Json.createReader(new StringReader(archive.text("manifest.json")))
            .readObject()
            .getJsonObject("files");
    String sha256 = archive.sha256().get(Manifest.FHIR_BUNDLES_FILE);
    assertEquals(Manifest.FHIR_BUNDLES_FILE, files.getString("fhirBundles"));
    assertEquals(sha256, files.getString("fhirBundlesSha256"));
    assertEquals(lines.length, files.getInt("fhirBundleCount"));
    assertTrue(archive.manifestSignatureValid());
    assertTrue(archive.text("SHA256SUMS").contains(sha256 + "  " + Manifest.FHIR_BUNDLES_FILE));
    assertTrue(
        archive.text("README.txt").contains(Manifest.FHIR_BUNDLES_FILE + "  " + lines.length));

    assertTrue(
        auditDetails(id).stream()
                .filter(detail -> detail.contains("\"fhirSha256\":\"" + sha256 + "\""))
                .count()
            >= 2,
        "the completion and the download say which Bundles the archive carries: "
            + auditDetails(id));
    assertTrue(auditDetails(id).stream().anyMatch(d -> d.contains("\"fhirBundles\":true")));
    assertEquals(
        400,
        request("owner", range(",\"fhirBundles\":\"yes\"")).statusCode(),
        "the option is true or false");
  }

  private static java.util.List<String> auditDetails(long exportId) throws Exception {
    java.util.List<String> details = new java.util.ArrayList<>();
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select detail from audit_entry where record_type = 'AuditExport'"
                    + " and record_id = '"
                    + exportId
                    + "' order by id")) {
      while (rows.next()) {
        details.add(rows.getString(1));
      }
    }
    return details;
  }

  @Test
  void aTherapistFilterHoldsOnlyTheNotesAndAddendaThatTherapistSigned() throws Exception {
    HttpResponse<String> started = request("owner", range(",\"therapist\":\"therapist1\""));
    assertEquals(202, started.statusCode(), started.body());
    long id = Http.json(started).getJsonNumber("id").longValue();
    assertEquals("COMPLETED", awaitFinished(clinic, PASSWORD, id).getString("status"));
    ExportArchives.Contents archive = download(id);

    Set<String> expected =
        sealedRecordFiles(
            "where (r.record_type = 'SoapNote' and exists (select 1 from soap_note n"
                + " where n.id = r.record_id and n.therapist = 'therapist1')) or (r.record_type = 'NoteAddendum' and exists"
                + " (select 1 from note_addendum a where a.id = r.record_id and a.signed_by = 'therapist1'))");
    assertFalse(expected.isEmpty());
    assertEquals(expected, new HashSet<>(archive.recordFiles()));
    for (CSVRecord entry : archive.csv("audit-log.csv")) {
      assertTrue(
          Set.of("SoapNote", "NoteAddendum").contains(entry.get("record_type")), entry.toString());
    }
  }

  @Test
  void aClientFilterHoldsOnlyThatClientsRecords() throws Exception {
    long anna =
        Http.json(Http.get(clinic.uri("/api/v1/clients?q=Bergstr%C3%B6m"), "owner", PASSWORD))
            .getJsonArray("clients")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> started = request("owner", range(",\"client\":" + anna));
    long id = Http.json(started).getJsonNumber("id").longValue();
    assertEquals("COMPLETED", awaitFinished(clinic, PASSWORD, id).getString("status"));
    ExportArchives.Contents archive = download(id);

    Set<String> expected = sealedRecordFiles("where r.client_id = " + anna);
    assertTrue(expected.size() >= 8, "Anna's consents and eight signed sessions");
    assertEquals(expected, new HashSet<>(archive.recordFiles()));
    JsonObject manifest =
        Json.createReader(new StringReader(archive.text("manifest.json"))).readObject();
    assertEquals(anna, manifest.getJsonObject("export").getJsonNumber("client").longValue());
  }

  @Test
  void badRangesAreRefusedWithTheFieldAndReason() {
    HttpResponse<String> backwards =
        request("owner", "{\"from\":\"2026-03-02\",\"to\":\"2026-03-01\"}");
    assertEquals(400, backwards.statusCode());
    assertEquals(
        "The range starts (2026-03-02) after it ends (2026-03-01).",
        Http.json(backwards).getJsonObject("fields").getString("from"));

    HttpResponse<String> fiftyYears =
        request("owner", "{\"from\":\"1975-01-01\",\"to\":\"2025-01-01\"}");
    assertEquals(400, fiftyYears.statusCode());
    assertTrue(fiftyYears.body().contains("at most 10 years"), fiftyYears.body());

    HttpResponse<String> malformed =
        request("owner", "{\"from\":\"yesterday\",\"to\":\"2025-01-01\"}");
    assertEquals(400, malformed.statusCode());
    assertTrue(
        malformed.body().contains("'yesterday' is not a date of the form YYYY-MM-DD."),
        malformed.body());

    assertEquals(400, request("owner", "{\"from\":20250101,\"to\":\"2025-01-01\"}").statusCode());
    assertEquals(400, request("owner", "[1,2]").statusCode());
    assertEquals(400, request("owner", "{\"from\":").statusCode());
  }

  @Test
  void unknownTherapistsAndClientsAreRefusedAndNothingIsQueued() throws Exception {
    int before = exports();
    HttpResponse<String> therapist = request("owner", range(",\"therapist\":\"nobody-here\""));
    assertEquals(400, therapist.statusCode());
    assertEquals(
        "There is no staff member with the username 'nobody-here'.",
        Http.json(therapist).getJsonObject("fields").getString("therapist"));
    HttpResponse<String> client = request("owner", range(",\"client\":987654321"));
    assertEquals(400, client.statusCode());
    assertTrue(client.body().contains("There is no client with id 987654321."));
    assertEquals(400, request("owner", range(",\"client\":\"abc\"")).statusCode());
    assertEquals(before, exports());
  }

  private static int exports() throws Exception {
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("select count(*) from audit_export")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void onlyTheOwnerExportsAndUnknownExportsAreNotFound() {
    HttpResponse<String> therapist = request("therapist1", range(""));
    assertEquals(403, therapist.statusCode());
    assertEquals(403, request("frontdesk", range("")).statusCode());
    assertEquals(
        401,
        Http.postJson(clinic.uri("/api/v1/exports"), "owner", "wrong password!", range(""))
            .statusCode());

    HttpResponse<String> status =
        Http.get(clinic.uri("/api/v1/exports/99999999"), "owner", PASSWORD);
    assertEquals(404, status.statusCode());
    assertEquals("There is no export 99999999.", Http.json(status).getString("message"));
    assertEquals(
        404,
        Http.get(clinic.uri("/api/v1/exports/99999999/archive"), "owner", PASSWORD).statusCode());
    assertEquals(
        403, Http.get(clinic.uri("/api/v1/exports/99999999"), "therapist1", PASSWORD).statusCode());
    HttpResponse<String> text =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/exports"))
                .header("Authorization", Http.basic("owner", PASSWORD))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("from 2026-01-01")));
    assertEquals(415, text.statusCode());
  }
}
