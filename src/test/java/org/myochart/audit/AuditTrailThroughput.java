package org.myochart.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.myochart.staff.Role;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;

/**
 * Measures the audit trail of ADR-058 on a running clinic with the production settings: appends per
 * second with 50 concurrent writers (audited client reads over the API with a bearer token, each
 * writing one VIEW entry), then a trail of one million more entries: how long the sequencer takes
 * to give them their leaves and sign a head, how long the whole check takes, and an inclusion proof
 * at that size. A harness, not a test; run it as docs/performance.md says ("Audit trail").
 */
public final class AuditTrailThroughput {

  private static final String PASSWORD = "ledger of quiet hands 2026";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private AuditTrailThroughput() {}

  public static void main(String[] args) throws Exception {
    int writers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int bulk = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    System.out.printf(
        "database: %s; load average at start: %s%n",
        TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    RunningClinic clinic =
        RunningClinic.own(
            "auditbench",
            "512m",
            Map.of(
                "MYOCHART_OWNER_USERNAME", "owner",
                "MYOCHART_OWNER_PASSWORD", PASSWORD,
                "MYOCHART_SECOND_FACTOR_ROLES", "NONE"));
    try {
      long client =
          Http.json(
                  Http.postJson(
                      clinic.uri("/api/v1/clients"),
                      "owner",
                      PASSWORD,
                      "{\"firstName\":\"Audit\",\"lastName\":\"Bench\",\"dateOfBirth\":\"1980-01-01\"}"))
              .getJsonNumber("id")
              .longValue();
      String token = Http.bearerFor(clinic, PASSWORD, "owner", "audit throughput");
      appends(clinic, client, token, writers, Duration.ofSeconds(5), "warm-up");
      appends(clinic, client, token, writers, Duration.ofSeconds(seconds), "measured");
      if (bulk > 0) {
        million(clinic, token, bulk);
      }
    } finally {
      clinic.kill();
    }
  }

  /** {@code writers} threads reading one client over and over; each read appends one entry. */
  private static void appends(
      RunningClinic clinic, long client, String token, int writers, Duration span, String label)
      throws Exception {
    long entriesBefore = count(clinic, "select count(*) from audit_entry");
    URI uri = clinic.uri("/api/v1/clients/" + client);
    long end = System.nanoTime() + span.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < writers; i++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<Void> answer =
                        CLIENT.send(
                            HttpRequest.newBuilder(uri)
                                .header("Authorization", token)
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.add(System.nanoTime() - t0);
                }
                return null;
              }));
    }
    for (Future<?> writer : running) {
      writer.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long entries = count(clinic, "select count(*) from audit_entry") - entriesBefore;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "%s: %d writers, %.1f s: %d requests (%d errors), %d audit entries = %.0f appends/s;"
            + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        label,
        writers,
        elapsed,
        sorted.size(),
        errors.get(),
        entries,
        entries / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99));
  }

  /**
   * Adds {@code count} entries as writers would leave them (numbered from the sequence, hashed,
   * queued), then times the sequencer, the check and a proof through the API.
   */
  private static void million(RunningClinic clinic, String token, int count) throws Exception {
    long inserted = System.nanoTime();
    try (Connection db = clinic.database()) {
      db.setAutoCommit(false);
      long first = reserveIds(db, count);
      Actor actor = new Actor("therapist1", Role.THERAPIST, "10.0.0.7", "Mozilla/5.0 (Tablet)");
      Instant when = Instant.parse("2026-01-05T08:00:00Z");
      try (PreparedStatement entry = db.prepareStatement(AuditEntryRows.INSERT);
          PreparedStatement queued =
              db.prepareStatement("insert into audit_unsequenced (entry_id) values (?)")) {
        for (int i = 0; i < count; i++) {
          long id = first + i;
          AuditEntry written =
              new AuditEntry(
                  when.plusMillis(30L * i),
                  actor,
                  AuditAction.CHANGE,
                  "SoapNote",
                  Long.toString(1 + i % 5000),
                  "{\"saved\":\"draft\",\"fields\":[\"subjective\",\"objective\"]}");
          written.number(id);
          AuditEntryRows.bind(entry, written);
          entry.addBatch();
          queued.setLong(1, id);
          queued.addBatch();
          if ((i + 1) % 5000 == 0 || i == count - 1) {
            entry.executeBatch();
            queued.executeBatch();
            db.commit();
          }
        }
      }
    }
    System.out.printf(
        "inserted %d queued entries in %.1f s%n", count, (System.nanoTime() - inserted) / 1e9);

    Timed<String> publish =
        timed(
            () -> call(clinic, token, "POST", "/api/v1/audit/tree/heads", Duration.ofMinutes(30)));
    System.out.printf(
        "sequencer: leaves for the queue and a signed head in %.1f s (%s)%n",
        publish.seconds(), abbreviated(publish.value()));
    long size =
        jakarta.json.Json.createReader(new java.io.StringReader(publish.value()))
            .readObject()
            .getJsonNumber("treeSize")
            .longValue();
    Timed<String> verify =
        timed(() -> call(clinic, token, "GET", "/api/v1/audit/verify", Duration.ofMinutes(30)));
    System.out.printf(
        "check of the whole trail (%d leaves): %.1f s (%s)%n",
        size, verify.seconds(), abbreviated(verify.value()));
    long middle = count(clinic, "select entry_id from audit_leaf where leaf_index = " + size / 2);
    Timed<String> proof =
        timed(
            () ->
                call(
                    clinic,
                    token,
                    "GET",
                    "/api/v1/audit/tree/inclusion?entry=" + middle + "&treeSize=" + size,
                    Duration.ofMinutes(5)));
    System.out.printf(
        "inclusion proof at %d leaves: %.2f s, %d characters%n",
        size, proof.seconds(), proof.value().length());
  }

  /** The first of {@code count} ids taken from the sequence in one go. */
  private static long reserveIds(Connection db, int count) throws SQLException {
    try (Statement statement = db.createStatement()) {
      long first;
      try (ResultSet next = statement.executeQuery("select nextval('audit_entry_seq')")) {
        next.next();
        first = next.getLong(1);
      }
      if (TestDatabase.isPostgres()) {
        statement.execute("select setval('audit_entry_seq', " + (first + count) + ")");
      } else {
        statement.execute("alter sequence audit_entry_seq restart with " + (first + count + 1));
      }
      db.commit();
      return first;
    }
  }

  private record Timed<T>(T value, double seconds) {}

  private interface Call<T> {
    T run() throws Exception;
  }

  private static <T> Timed<T> timed(Call<T> call) throws Exception {
    long t0 = System.nanoTime();
    T value = call.run();
    return new Timed<>(value, (System.nanoTime() - t0) / 1e9);
  }

  private static String call(
      RunningClinic clinic, String token, String method, String path, Duration timeout)
      throws Exception {
    HttpResponse<String> answer =
        CLIENT.send(
            HttpRequest.newBuilder(clinic.uri(path))
                .header("Authorization", token)
                .timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + ": " + answer.statusCode());
    }
    return answer.body();
  }

  private static String abbreviated(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static long count(RunningClinic clinic, String sql) throws SQLException {
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}
