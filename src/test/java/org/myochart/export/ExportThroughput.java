package org.myochart.export;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.myochart.testsupport.ExportArchives;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedRecordSeed;

/**
 * Measures a bulk export of 10,000 sealed records on a server limited to a 256 MB heap: the job's
 * records per second (from its own start and completion times), the archive download's records per
 * second, and the largest used heap jstat saw in the server meanwhile. A harness, not a test; run
 * it as docs/performance.md says.
 */
public final class ExportThroughput {

  private static final String PASSWORD = "sealed archives keeper 2026";

  private ExportThroughput() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    java.nio.file.Path data =
        java.nio.file.Path.of(
            System.getProperty("myochart.it.targetDir", "target"), "it-data", "export-benchmark");
    if (java.nio.file.Files.exists(data)) {
      try (var files = java.nio.file.Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of("MYOCHART_OWNER_USERNAME", "owner", "MYOCHART_OWNER_PASSWORD", PASSWORD));
    settings.putAll(SealedRecordSeed.clinicKey("export-benchmark"));
    RunningClinic clinic = RunningClinic.own("export-benchmark", "256m", settings);
    try {
      HttpResponse<String> client =
          Http.postJson(
              clinic.uri("/api/v1/clients"),
              "owner",
              PASSWORD,
              "{\"firstName\":\"Bench\",\"lastName\":\"Mark"
                  + System.nanoTime() % 100000
                  + "\",\"dateOfBirth\":\"1980-01-01\"}");
      long clientId = Http.json(client).getJsonNumber("id").longValue();
      try (Connection db = clinic.database()) {
        SealedRecordSeed.insert(
            db,
            clientId,
            records,
            Instant.parse("2024-01-01T08:00:00Z"),
            SealedRecordSeed.documents(12));
      }
      AtomicLong maxHeap = new AtomicLong();
      Thread sampler = new Thread(() -> sampleHeap(clinic, maxHeap));
      sampler.setDaemon(true);
      sampler.start();

      // The first export also creates the clinic's sealing key and warms the JIT; both are
      // measured.
      measure(clinic, "2024-01-01", "first (cold, creates the sealing key)", maxHeap);
      measure(clinic, "2024-01-01", "second (warm)", maxHeap);
    } finally {
      clinic.kill();
    }
  }

  private static void measure(RunningClinic clinic, String from, String label, AtomicLong maxHeap)
      throws Exception {
    HttpResponse<String> started =
        Http.postJson(
            clinic.uri("/api/v1/exports"),
            "owner",
            PASSWORD,
            "{\"from\":\"" + from + "\",\"to\":\"2025-12-31\"}");
    long id = Http.json(started).getJsonNumber("id").longValue();
    JsonObject finished = AuditExportApiIT.awaitFinished(clinic, PASSWORD, id);
    if (!"COMPLETED".equals(finished.getString("status"))) {
      throw new IllegalStateException("Export failed: " + finished);
    }
    double jobSeconds;
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select started_at, completed_at from audit_export where id = " + id)) {
      rows.next();
      jobSeconds =
          Duration.between(
                      rows.getObject(1, java.time.OffsetDateTime.class),
                      rows.getObject(2, java.time.OffsetDateTime.class))
                  .toMillis()
              / 1000.0;
    }
    long downloadStart = System.nanoTime();
    HttpResponse<InputStream> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(clinic.uri("/api/v1/exports/" + id + "/archive"))
                    .header("Authorization", Http.basic("owner", PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    ExportArchives.Contents archive;
    try (InputStream body = download.body()) {
      archive = ExportArchives.read(body, 0);
    }
    double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
    int files = archive.recordFiles().size();
    System.out.printf(
        label
            + ": records=%d job=%.1fs (%.0f records/s) download=%.1fs (%.0f records/s, %d files)"
            + " max used heap=%d MB (limit 256 MB), live heap after a full GC=%d MB%n",
        finished.getInt("total"),
        jobSeconds,
        finished.getInt("total") / jobSeconds,
        downloadSeconds,
        files / downloadSeconds,
        files,
        maxHeap.get() / (1024 * 1024),
        liveHeapMb(clinic));
  }

  /** What the server's heap holds after a full collection, from jcmd. */
  private static long liveHeapMb(RunningClinic clinic) throws Exception {
    new ProcessBuilder("jcmd", Long.toString(clinic.pid()), "GC.run").start().waitFor();
    return (long) (usedHeapKb(clinic) / 1024);
  }

  /** Samples the server's used heap with jstat every 200 ms. */
  private static void sampleHeap(RunningClinic clinic, AtomicLong maxHeap) {
    while (true) {
      try {
        maxHeap.accumulateAndGet((long) (usedHeapKb(clinic) * 1024), Math::max);
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (java.io.IOException | RuntimeException e) {
        // the server is starting or stopping; try again
      }
    }
  }

  /** Survivor, eden and old space in use, in KB, as jstat reports them. */
  private static double usedHeapKb(RunningClinic clinic) throws java.io.IOException {
    Process jstat =
        new ProcessBuilder("jstat", "-gc", Long.toString(clinic.pid()))
            .redirectErrorStream(true)
            .start();
    String[] lines =
        new String(jstat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .strip()
            .split("\\R");
    if (lines.length != 2) {
      throw new IllegalStateException("jstat answered: " + String.join(" / ", lines));
    }
    java.util.List<String> names = java.util.List.of(lines[0].strip().split("\\s+"));
    String[] values = lines[1].strip().split("\\s+");
    double usedKb = 0;
    for (String column : java.util.List.of("S0U", "S1U", "EU", "OU")) {
      usedKb += Double.parseDouble(values[names.indexOf(column)]);
    }
    return usedKb;
  }
}
