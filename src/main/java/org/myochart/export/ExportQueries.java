package org.myochart.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.myochart.audit.AuditLine;

/**
 * The reads an export makes, a page at a time and as plain rows rather than managed entities, so
 * that neither the job nor a download holds more than one page of a large export in memory.
 */
@ApplicationScoped
public class ExportQueries {

  static final int PAGE = 200;

  @PersistenceContext EntityManager em;

  /** A sealed record within an export's scope, with its stored bytes for checking. */
  record Candidate(ManifestLine line, byte[] pdf) {}

  /** An archived file: its manifest line and stored bytes. */
  record ArchivedFile(ManifestLine line, byte[] pdf) {}

  int count(ExportScope scope, ZoneId zone, Instant cutoff) {
    Query query = em.createNativeQuery("select count(*) from sealed_record r where " + scopeCondition(scope));
    bindScope(query, scope, zone, cutoff, 0);
    return ((Number) query.getSingleResult()).intValue();
  }

  /**
   * The next page of records in scope after the given sealed record id, in id order. The page
   * is read without the PDFs, which are then read one by one: a query that sorts rows with their
   * PDFs can make the database hold all of them at once.
   */
  List<Candidate> candidates(ExportScope scope, ZoneId zone, Instant cutoff, long afterSealedId) {
    Query query = em.createNativeQuery(
        "select r.id, r.record_type, r.record_id, r.client_id, r.sealed_at, r.sha256, r.size_bytes "
            + "from sealed_record r where " + scopeCondition(scope) + " order by r.id fetch first " + PAGE + " rows only");
    bindScope(query, scope, zone, cutoff, afterSealedId);
    List<ManifestLine> lines = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      lines.add(new ManifestLine(0, number(c[0]), (String) c[1], number(c[2]), number(c[3]), instant(c[4]),
          (String) c[5], number(c[6])));
    }
    java.util.Map<Long, byte[]> pdfs = pdfs(lines);
    return lines.stream().map(line -> new Candidate(line, pdfs.get(line.sealedRecordId()))).toList();
  }

  /**
   * The stored bytes of one page of records, looked up by primary key in one query; no sort, so
   * the database holds no more than the page.
   */
  java.util.Map<Long, byte[]> pdfs(List<ManifestLine> lines) {
    java.util.Map<Long, byte[]> pdfs = new java.util.HashMap<>();
    if (lines.isEmpty()) {
      return pdfs;
    }
    StringBuilder sql = new StringBuilder("select id, pdf from sealed_record where id in (");
    for (int i = 1; i <= lines.size(); i++) {
      sql.append(i == 1 ? "?" : ", ?").append(i);
    }
    Query query = em.createNativeQuery(sql.append(")").toString());
    for (int i = 0; i < lines.size(); i++) {
      query.setParameter(i + 1, lines.get(i).sealedRecordId());
    }
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      pdfs.put(number(c[0]), (byte[]) c[1]);
    }
    for (ManifestLine line : lines) {
      if (!pdfs.containsKey(line.sealedRecordId())) {
        throw new ExportStopped("The sealed record " + line.sealedRecordId() + " of " + line.recordType() + " "
            + line.recordId() + " is missing from the database.");
      }
    }
    return pdfs;
  }

  private static String scopeCondition(ExportScope scope) {
    StringBuilder where = new StringBuilder("r.sealed_at >= ?1 and r.sealed_at < ?2 and r.sealed_at <= ?3 and r.id > ?4");
    if (scope.clientId() != null) {
      where.append(" and r.client_id = ?5");
    }
    if (scope.therapist() != null) {
      where.append(" and ((r.record_type = 'SoapNote' and exists (select 1 from soap_note n where n.id = r.record_id"
          + " and n.therapist = ?6)) or (r.record_type = 'NoteAddendum' and exists (select 1 from note_addendum a"
          + " where a.id = r.record_id and a.signed_by = ?6)))");
    }
    return where.toString();
  }

  private static void bindScope(Query query, ExportScope scope, ZoneId zone, Instant cutoff, long afterSealedId) {
    query.setParameter(1, offset(scope.start(zone)));
    query.setParameter(2, offset(scope.end(zone)));
    query.setParameter(3, offset(cutoff));
    query.setParameter(4, afterSealedId);
    if (scope.clientId() != null) {
      query.setParameter(5, scope.clientId());
    }
    if (scope.therapist() != null) {
      query.setParameter(6, scope.therapist());
    }
  }

  /** Where a restarted job continues: the number of lines committed and the last record they hold. */
  long[] committed(long exportId) {
    Object[] row = (Object[]) em.createNativeQuery(
            "select count(*), coalesce(max(sealed_record_id), 0) from audit_export_record where export_id = ?1")
        .setParameter(1, exportId).getSingleResult();
    return new long[] {number(row[0]), number(row[1])};
  }

  /** The export's manifest lines in order, read a page at a time as they are iterated. */
  Iterable<ManifestLine> lines(long exportId) {
    return () -> new Paged<>(after -> linePage(exportId, after, PAGE * 5), ManifestLine::seqNo);
  }

  private List<ManifestLine> linePage(long exportId, long afterSeq, int size) {
    List<ManifestLine> page = new ArrayList<>();
    for (Object row : em.createNativeQuery(
            "select seq_no, sealed_record_id, record_type, record_id, client_id, sealed_at, sha256, size_bytes"
                + " from audit_export_record where export_id = ?1 and seq_no > ?2 order by seq_no fetch first "
                + size + " rows only")
        .setParameter(1, exportId).setParameter(2, (int) afterSeq).getResultList()) {
      Object[] c = (Object[]) row;
      page.add(new ManifestLine((int) number(c[0]), number(c[1]), (String) c[2], number(c[3]), number(c[4]), instant(c[5]),
          (String) c[6], number(c[7])));
    }
    return page;
  }

  /** The archived files in order, their stored bytes read a page at a time as they are reached. */
  Iterable<ArchivedFile> files(long exportId) {
    return () -> new Paged<>(after -> {
      List<ManifestLine> lines = linePage(exportId, after, PAGE / 2);
      java.util.Map<Long, byte[]> pdfs = pdfs(lines);
      return lines.stream().map(line -> new ArchivedFile(line, pdfs.get(line.sealedRecordId()))).toList();
    }, file -> file.line().seqNo());
  }

  /**
   * Writes a chunk's manifest lines as one JDBC batch on the transaction's own connection (one
   * round trip instead of one per line).
   */
  void insert(long exportId, List<ManifestLine> lines) {
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    try (java.sql.PreparedStatement insert = connection.prepareStatement(
        "insert into audit_export_record (export_id, seq_no, sealed_record_id, record_type, record_id, client_id,"
            + " sealed_at, sha256, size_bytes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ManifestLine line : lines) {
        insert.setLong(1, exportId);
        insert.setInt(2, line.seqNo());
        insert.setLong(3, line.sealedRecordId());
        insert.setString(4, line.recordType());
        insert.setLong(5, line.recordId());
        insert.setLong(6, line.clientId());
        insert.setObject(7, offset(line.sealedAt()));
        insert.setString(8, line.sha256());
        insert.setLong(9, line.sizeBytes());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not store a chunk of export " + exportId, e);
    }
  }

  long lastAuditEntry() {
    Object max = em.createNativeQuery("select coalesce(max(id), 0) from audit_entry").getSingleResult();
    return number(max);
  }

  /**
   * The audit entries an export carries: every entry of the range for an unfiltered export; for a
   * filtered one, the entries about the exported records and, with a client filter, the client.
   */
  Iterable<AuditLine> auditEntries(long exportId, ExportScope scope, ZoneId zone, long upTo) {
    return () -> new Paged<>(after -> auditPage(exportId, scope, zone, upTo, after), AuditLine::id);
  }

  private List<AuditLine> auditPage(long exportId, ExportScope scope, ZoneId zone, long upTo, long afterId) {
    StringBuilder sql = new StringBuilder(
        "select a.id, a.occurred_at, a.actor, a.actor_role, a.action, a.record_type, a.record_id, a.detail,"
            + " a.ip_address, a.user_agent, a.previous_hash, a.entry_hash from audit_entry a"
            + " where a.occurred_at >= ?1 and a.occurred_at < ?2 and a.id <= ?3 and a.id > ?4");
    if (scope.filtered()) {
      sql.append(" and (exists (select 1 from audit_export_record e where e.export_id = ?5"
          + " and e.record_type = a.record_type and cast(e.record_id as varchar(60)) = a.record_id)");
      if (scope.clientId() != null) {
        sql.append(" or (a.record_type = 'Client' and a.record_id = ?6)");
      }
      sql.append(")");
    }
    sql.append(" order by a.id fetch first " + PAGE * 5 + " rows only");
    Query query = em.createNativeQuery(sql.toString())
        .setParameter(1, offset(scope.start(zone))).setParameter(2, offset(scope.end(zone)))
        .setParameter(3, upTo).setParameter(4, afterId);
    if (scope.filtered()) {
      query.setParameter(5, exportId);
      if (scope.clientId() != null) {
        query.setParameter(6, scope.clientId().toString());
      }
    }
    List<AuditLine> page = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      page.add(new AuditLine(number(c[0]), instant(c[1]), (String) c[2], (String) c[3], (String) c[4], (String) c[5],
          (String) c[6], text(c[7]), (String) c[8], (String) c[9], trim(c[10]), trim(c[11])));
    }
    return page;
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static String trim(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static String text(Object value) {
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Could not read an audit entry's detail", e);
      }
    }
    return value == null ? null : value.toString();
  }

  /** Timestamps come back as OffsetDateTime from H2 and as Timestamp from PostgreSQL. */
  static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + (value == null ? "null" : value.getClass()));
  }

  /** Iterates page after page, each page asked for after the key of the last item seen. */
  private static final class Paged<T> implements Iterator<T> {
    private final Function<Long, List<T>> nextPage;
    private final java.util.function.ToLongFunction<T> key;
    private Iterator<T> current = List.<T>of().iterator();
    private long lastKey;
    private boolean exhausted;

    Paged(Function<Long, List<T>> nextPage, java.util.function.ToLongFunction<T> key) {
      this.nextPage = nextPage;
      this.key = key;
    }

    @Override
    public boolean hasNext() {
      if (!current.hasNext() && !exhausted) {
        List<T> page = nextPage.apply(lastKey);
        exhausted = page.isEmpty();
        current = page.iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T item = current.next();
      lastKey = key.applyAsLong(item);
      return item;
    }
  }
}
