package org.myochart.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.myochart.platform.Sha256;
import org.myochart.record.PadesSeal;
import org.myochart.record.RecordPdf;
import org.myochart.record.SigningIdentity;

/**
 * Fills a test clinic's database with many sealed records quickly: a handful of real sealed PDF/A
 * documents, made here with a test key, stored under many record ids. Exports read stored bytes, so
 * this is what an export of a busy clinic's years looks like to the export job.
 */
public final class SealedRecordSeed {

  /** Ids far above anything the clinic's own sequences reach in a test. */
  public static final long FIRST_ID = 5_000_000;

  private SealedRecordSeed() {}

  /**
   * Settings that give a seeded clinic a record seal of its own from the start. A clinic whose
   * database already holds sealed records will not make itself a key (another instance or a lost
   * data directory would have it), so a clinic filled by {@link #insert} needs one configured.
   */
  public static java.util.Map<String, String> clinicKey(String clinic) {
    java.nio.file.Path store =
        RunningClinic.targetDirectory().toPath().resolve("it-data").resolve(clinic + "-seal.p12");
    try {
      java.nio.file.Files.createDirectories(store.getParent());
      try (var out = java.nio.file.Files.newOutputStream(store)) {
        SigningIdentity.selfSigned("Seeded Test Clinic", Instant.parse("2026-01-01T00:00:00Z"))
            .writePkcs12(out, KEY_PASSWORD.toCharArray());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Map.of(
        "MYOCHART_SIGNING_KEYSTORE",
        store.toAbsolutePath().toString(),
        "MYOCHART_SIGNING_KEYSTORE_PASSWORD",
        KEY_PASSWORD);
  }

  private static final String KEY_PASSWORD = "seeded clinic seal";

  /** Distinct sealed PDFs, each a short consent-like record. */
  public static List<byte[]> documents(int count) {
    SigningIdentity key =
        SigningIdentity.selfSigned("Seeded Test Clinic", Instant.parse("2026-01-01T00:00:00Z"));
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant signed = Instant.parse("2026-01-01T09:00:00Z").plusSeconds(3600L * i);
      byte[] pdf =
          new RecordPdf()
              .add(RecordPdf.Style.TITLE, "Seeded consent " + i)
              .field("Client", "Seeded Client " + i)
              .add(
                  RecordPdf.Style.TEXT,
                  "I agree to therapeutic massage for migraine. Record " + i + ".")
              .render(
                  "Seeded consent " + i,
                  "Seeded Test Clinic",
                  "consent-" + i + ".json",
                  "{\"seed\":" + i + "}",
                  RecordPdf.utc(signed));
      documents.add(PadesSeal.seal(pdf, key, "Seeded Test Clinic", "Consent signed", signed));
    }
    return documents;
  }

  /**
   * Inserts {@code count} consent records of one client, sealed one minute apart from {@code
   * first}, cycling through the documents. Answers the ids of the sealed records.
   */
  public static List<Long> insert(
      Connection db, long clientId, int count, Instant first, List<byte[]> documents)
      throws SQLException {
    List<Long> ids = new ArrayList<>(count);
    String[] sha = documents.stream().map(Sha256::of).toArray(String[]::new);
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into sealed_record (id, record_type, record_id, client_id, sealed_at, sha256, size_bytes, pdf)"
                + " values (?, 'Consent', ?, ?, ?, ?, ?, ?)")) {
      long start = FIRST_ID + nextOffset(db);
      for (int i = 0; i < count; i++) {
        byte[] pdf = documents.get(i % documents.size());
        long id = start + i;
        insert.setLong(1, id);
        insert.setLong(2, id);
        insert.setLong(3, clientId);
        insert.setObject(4, OffsetDateTime.ofInstant(first.plusSeconds(60L * i), ZoneOffset.UTC));
        insert.setString(5, sha[i % documents.size()]);
        insert.setLong(6, pdf.length);
        insert.setBytes(7, pdf);
        insert.addBatch();
        ids.add(id);
        if (i % 200 == 199) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    } finally {
      db.setAutoCommit(autoCommit);
    }
    return ids;
  }

  private static long nextOffset(Connection db) throws SQLException {
    try (var query =
        db.prepareStatement("select coalesce(max(id), 0) from sealed_record where id >= ?")) {
      query.setLong(1, FIRST_ID);
      try (var rows = query.executeQuery()) {
        rows.next();
        long max = rows.getLong(1);
        return max == 0 ? 0 : max - FIRST_ID + 1;
      }
    }
  }
}
