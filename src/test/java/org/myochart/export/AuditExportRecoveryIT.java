package org.myochart.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.ExportArchives;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedRecordSeed;

/**
 * A clinic with 10,000 sealed records, running with a 256 MB heap: an export killed half-way
 * resumes when the server starts again and its archive holds every record once, each matching the
 * manifest.
 */
@Order(3) // among the first to start: it is one of the longest
class AuditExportRecoveryIT {

  private static final int RECORDS = 10_000;
  private static final String PASSWORD = "sealed archives keeper 2026";
  private static RunningClinic clinic;

  /** The owner's bearer token: the test polls every 20 ms, and a password check costs a core. */
  private static String owner;

  @BeforeAll
  static void seed() throws Exception {
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of(
                "MYOCHART_OWNER_USERNAME", "owner",
                "MYOCHART_OWNER_PASSWORD", PASSWORD,
                "MYOCHART_CLINIC_NAME", "Seeded Test Clinic"));
    settings.putAll(SealedRecordSeed.clinicKey("export"));
    clinic = RunningClinic.own("export", "256m", settings);
    owner = Http.bearerFor(clinic, PASSWORD, "owner", "Export progress");
    HttpResponse<String> client =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "owner",
            PASSWORD,
            "{\"firstName\":\"Sigrid\",\"lastName\":\""
                + Names.uniqueSurname("Export")
                + "\",\"dateOfBirth\":\"1979-05-17\"}");
    assertEquals(201, client.statusCode(), client.body());
    long clientId = Http.json(client).getJsonNumber("id").longValue();
    try (Connection db = clinic.database()) {
      SealedRecordSeed.insert(
          db,
          clientId,
          RECORDS,
          Instant.parse("2025-01-06T08:00:00Z"),
          SealedRecordSeed.documents(12));
    }
  }

  @AfterAll
  static void stop() {
    clinic.kill();
  }

  private static JsonObject status(long id) {
    HttpResponse<String> status = Http.get(clinic.uri("/api/v1/exports/" + id), owner);
    assertEquals(200, status.statusCode(), status.body());
    return Http.json(status);
  }

  @Test
  void anExportKilledHalfWayResumesAfterARestartAndItsArchiveMatchesTheManifest() throws Exception {
    String range = "{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}";
    HttpResponse<String> started =
        Http.postJson(clinic.uri("/api/v1/exports"), "owner", PASSWORD, range);
    assertEquals(202, started.statusCode(), started.body());
    long id = Http.json(started).getJsonNumber("id").longValue();
    HttpResponse<String> again =
        Http.postJson(clinic.uri("/api/v1/exports"), "owner", PASSWORD, range);
    assertEquals(
        id,
        Http.json(again).getJsonNumber("id").longValue(),
        "a double submit gives the running export");
    HttpResponse<String> early =
        Http.get(clinic.uri("/api/v1/exports/" + id + "/archive"), "owner", PASSWORD);
    assertEquals(409, early.statusCode());
    assertTrue(Http.json(early).getString("message").contains("is still running"), early.body());

    int doneWhenKilled = awaitProgress(id);
    clinic.kill();
    assertTrue(doneWhenKilled > 0 && doneWhenKilled < RECORDS, "killed at " + doneWhenKilled);

    clinic = clinic.startAgain();
    JsonObject finished = AuditExportApiIT.awaitFinishedAs(clinic, owner, id);
    assertEquals(
        "COMPLETED", finished.getString("status"), () -> finished + "\n" + clinic.logTail());
    assertEquals(RECORDS, finished.getInt("done"));
    assertEquals(RECORDS, finished.getInt("total"));
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("select runs from audit_export where id = " + id)) {
      rows.next();
      assertTrue(
          rows.getInt(1) >= 2,
          "the export was resumed by a second run, not restarted from nothing");
    }

    ExportArchives.Contents archive;
    HttpResponse<InputStream> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(clinic.uri("/api/v1/exports/" + id + "/archive"))
                    .header("Authorization", Http.basic("owner", PASSWORD))
                    .timeout(Duration.ofMinutes(5))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, download.statusCode());
    try (InputStream body = download.body()) {
      archive = ExportArchives.read(body, 3);
    }
    List<CSVRecord> manifest = archive.csv("manifest.csv");
    assertEquals(RECORDS, manifest.size());
    assertEquals(RECORDS, archive.recordFiles().size());
    Set<String> listed = new HashSet<>();
    for (CSVRecord line : manifest) {
      assertTrue(listed.add(line.get("file")), "listed once: " + line.get("file"));
      assertEquals(line.get("sha256"), archive.sha256().get(line.get("file")), line.get("file"));
      assertEquals(Integer.toString(listed.size()), line.get("seq"));
    }
    assertEquals(listed, new HashSet<>(archive.recordFiles()));
    assertTrue(archive.manifestSignatureValid());
  }

  @Test
  void aStoredPdfThatNoLongerMatchesItsHashStopsTheExportAtOnceNamingTheRecord() throws Exception {
    long clientId;
    long brokenId;
    try (Connection db = clinic.database()) {
      try (Statement query = db.createStatement();
          ResultSet rows =
              query.executeQuery("select min(client_id) from sealed_record where id >= 5000000")) {
        rows.next();
        clientId = rows.getLong(1);
      }
      List<byte[]> documents = SealedRecordSeed.documents(2);
      List<Long> good =
          SealedRecordSeed.insert(
              db, clientId, 450, Instant.parse("2024-03-04T08:00:00Z"), documents);
      brokenId = good.get(good.size() - 1) + 1;
      try (java.sql.PreparedStatement insert =
          db.prepareStatement(
              "insert into sealed_record (id, record_type, record_id, client_id, sealed_at, sha256, size_bytes, pdf)"
                  + " values (?, 'Consent', ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, brokenId);
        insert.setLong(2, brokenId);
        insert.setLong(3, clientId);
        insert.setObject(4, java.time.OffsetDateTime.parse("2024-06-03T09:00:00Z"));
        // The SHA-256 of the other document: the stored bytes no longer match what was sealed.
        insert.setString(5, org.myochart.platform.Sha256.of(documents.get(1)));
        insert.setLong(6, documents.get(0).length);
        insert.setBytes(7, documents.get(0));
        insert.executeUpdate();
      }
    }

    HttpResponse<String> started =
        Http.postJson(
            clinic.uri("/api/v1/exports"),
            "owner",
            PASSWORD,
            "{\"from\":\"2024-01-01\",\"to\":\"2024-12-31\"}");
    assertEquals(202, started.statusCode(), started.body());
    long id = Http.json(started).getJsonNumber("id").longValue();
    JsonObject finished = AuditExportApiIT.awaitFinishedAs(clinic, owner, id);

    assertEquals("FAILED", finished.getString("status"), finished.toString());
    assertTrue(
        finished.getString("failure").contains("Consent " + brokenId + " no longer matches"),
        finished.toString());
    assertTrue(finished.getInt("done") < finished.getInt("total"), finished.toString());
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("select runs from audit_export where id = " + id)) {
      rows.next();
      assertEquals(1, rows.getInt(1), "a record that changed is final: the job does not try again");
    }
    HttpResponse<String> archive =
        Http.get(clinic.uri("/api/v1/exports/" + id + "/archive"), "owner", PASSWORD);
    assertEquals(409, archive.statusCode());
    assertTrue(
        Http.json(archive).getString("message").contains("no longer matches"), archive.body());
  }

  /** Waits until the job has committed some but not all chunks, and answers how far it got. */
  private static int awaitProgress(long id) {
    return await("export " + id + " to commit a tenth of its records")
        .atMost(Duration.ofMinutes(2))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> status(id).getInt("done"), done -> done >= RECORDS / 10);
  }
}
