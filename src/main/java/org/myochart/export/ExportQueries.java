package org.myochart.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.myochart.audit.AuditLine;
import org.myochart.audit.RecordKind;

/**
 * The reads an export makes, a page at a time and as JPQL constructor results rather than managed
 * entities, so that neither the job nor a download holds more than one page of a large export in
 * memory; and the chunk writes, as one JDBC batch each.
 */
@ApplicationScoped
public class ExportQueries {

  static final int PAGE = 200;

  /** A sealed record in scope, read as a manifest line without its place in the export yet. */
  private static final String SEALED_LINE =
      "select new org.myochart.export.ManifestLine(0, r.id, r.recordType,"
          + " r.recordId, r.clientId, r.sealedAt, r.sha256, r.sizeBytes) from SealedRecord r";

  @PersistenceContext EntityManager em;

  /** A sealed record within an export's scope, with its stored bytes for checking. */
  record Candidate(ManifestLine line, byte[] pdf) {}

  /** An archived file: its manifest line and stored bytes. */
  record ArchivedFile(ManifestLine line, byte[] pdf) {}

  /** A stored copy of a sealed record: its id, bytes and their SHA-256. */
  public record StoredPdf(Long id, byte[] pdf, String sha256) {}

  /** A renewed copy's fingerprint and size, without its bytes. */
  public record RenewedCopy(Long sealedRecordId, Long renewalId, String sha256, Long sizeBytes) {}

  int count(ExportScope scope, ZoneId zone, Instant cutoff) {
    TypedQuery<Long> query =
        em.createQuery(
            "select count(r) from SealedRecord r where " + scopeCondition(scope), Long.class);
    bindScope(query, scope, zone, cutoff, 0);
    return query.getSingleResult().intValue();
  }

  /**
   * The next page of records in scope after the given sealed record id, in id order. The page is
   * read without the PDFs, which are then read one by one: a query that sorts rows with their PDFs
   * can make the database hold all of them at once.
   */
  List<Candidate> candidates(ExportScope scope, ZoneId zone, Instant cutoff, long afterSealedId) {
    TypedQuery<ManifestLine> query =
        em.createQuery(
                SEALED_LINE + " where " + scopeCondition(scope) + " order by r.id",
                ManifestLine.class)
            .setMaxResults(PAGE);
    bindScope(query, scope, zone, cutoff, afterSealedId);
    List<ManifestLine> lines = newestCopies(query.getResultList());
    Map<Long, byte[]> pdfs = pdfs(lines);
    return lines.stream()
        .map(line -> new Candidate(line, pdfs.get(line.sealedRecordId())))
        .toList();
  }

  /**
   * The lines of records that have a renewed copy (ADR-056) turned into lines of their newest copy:
   * an export carries what the clinic would hand out today.
   */
  private List<ManifestLine> newestCopies(List<ManifestLine> lines) {
    if (lines.isEmpty()) {
      return lines;
    }
    Map<Long, RenewedCopy> newest = new HashMap<>();
    em.createQuery(
            "select new org.myochart.export.ExportQueries$RenewedCopy(n.sealedRecord.id, n.id,"
                + " n.sha256, n.sizeBytes) from RecordRenewal n where n.sealedRecord.id in :ids",
            RenewedCopy.class)
        .setParameter("ids", lines.stream().map(ManifestLine::sealedRecordId).toList())
        .getResultList()
        .forEach(
            copy ->
                newest.merge(
                    copy.sealedRecordId(), copy, (a, b) -> a.renewalId() > b.renewalId() ? a : b));
    return lines.stream()
        .map(
            line -> {
              RenewedCopy copy = newest.get(line.sealedRecordId());
              return copy == null ? line : line.asCopy(copy.sha256(), copy.sizeBytes());
            })
        .toList();
  }

  /**
   * The stored bytes of one page of records, looked up by primary key in one query (and the renewed
   * copies a line names, in one more): for each line the copy whose SHA-256 the line holds. No
   * sort, so the database holds no more than the page.
   */
  Map<Long, byte[]> pdfs(List<ManifestLine> lines) {
    Map<Long, byte[]> pdfs = new HashMap<>();
    if (lines.isEmpty()) {
      return pdfs;
    }
    Map<Long, String> wanted = new HashMap<>();
    lines.forEach(line -> wanted.put(line.sealedRecordId(), line.sha256()));
    em
        .createQuery(
            "select new org.myochart.export.ExportQueries$StoredPdf(r.id, r.pdf, r.sha256)"
                + " from SealedRecord r where r.id in :ids",
            StoredPdf.class)
        .setParameter("ids", List.copyOf(wanted.keySet()))
        .getResultList()
        .stream()
        .filter(stored -> stored.sha256().equals(wanted.get(stored.id())))
        .forEach(stored -> pdfs.put(stored.id(), stored.pdf()));
    List<Long> renewed = wanted.keySet().stream().filter(id -> !pdfs.containsKey(id)).toList();
    if (!renewed.isEmpty()) {
      em
          .createQuery(
              "select new org.myochart.export.ExportQueries$StoredPdf(n.sealedRecord.id, n.pdf,"
                  + " n.sha256) from RecordRenewal n where n.sealedRecord.id in :ids",
              StoredPdf.class)
          .setParameter("ids", renewed)
          .getResultList()
          .stream()
          .filter(stored -> stored.sha256().equals(wanted.get(stored.id())))
          .forEach(stored -> pdfs.put(stored.id(), stored.pdf()));
    }
    for (ManifestLine line : lines) {
      if (!pdfs.containsKey(line.sealedRecordId())) {
        throw new ExportStopped(
            "The sealed record "
                + line.sealedRecordId()
                + " of "
                + line.recordType()
                + " "
                + line.recordId()
                + " is missing from the database.");
      }
    }
    return pdfs;
  }

  private static String scopeCondition(ExportScope scope) {
    StringBuilder where =
        new StringBuilder(
            "r.sealedAt >= :start and r.sealedAt < :end and r.sealedAt <= :cutoff and r.id > :after");
    if (scope.clientId() != null) {
      where.append(" and r.clientId = :client");
    }
    if (scope.therapist() != null) {
      where
          .append(" and ((r.recordType = '")
          .append(RecordKind.SOAP_NOTE.typeName())
          .append(
              "' and exists (select n from SoapNote n where n.id = r.recordId and n.therapist = :therapist))")
          .append(" or (r.recordType = '")
          .append(RecordKind.NOTE_ADDENDUM.typeName())
          .append(
              "' and exists (select d from NoteAddendum d where d.id = r.recordId and d.signedBy = :therapist)))");
    }
    return where.toString();
  }

  private static void bindScope(
      TypedQuery<?> query, ExportScope scope, ZoneId zone, Instant cutoff, long afterSealedId) {
    query.setParameter("start", scope.start(zone));
    query.setParameter("end", scope.end(zone));
    query.setParameter("cutoff", cutoff);
    query.setParameter("after", afterSealedId);
    if (scope.clientId() != null) {
      query.setParameter("client", scope.clientId());
    }
    if (scope.therapist() != null) {
      query.setParameter("therapist", scope.therapist());
    }
  }

  /**
   * Where a restarted job continues: the number of lines committed and the last record they hold.
   */
  long[] committed(long exportId) {
    long lines =
        em.createQuery("select count(e) from ExportedRecord e where e.exportId = :x", Long.class)
            .setParameter("x", exportId)
            .getSingleResult();
    Long last =
        em.createQuery(
                "select max(e.sealedRecordId) from ExportedRecord e where e.exportId = :x",
                Long.class)
            .setParameter("x", exportId)
            .getSingleResult();
    return new long[] {lines, last == null ? 0 : last};
  }

  /** The export's manifest lines in order, read a page at a time as they are iterated. */
  Iterable<ManifestLine> lines(long exportId) {
    return () -> new Paged<>(after -> linePage(exportId, after, PAGE * 5), ManifestLine::seqNo);
  }

  private List<ManifestLine> linePage(long exportId, long afterSeq, int size) {
    return em.createQuery(
            ExportedRecord.SELECT_LINE
                + " where e.exportId = :x and e.seqNo > :after order by e.seqNo",
            ManifestLine.class)
        .setParameter("x", exportId)
        .setParameter("after", (int) afterSeq)
        .setMaxResults(size)
        .getResultList();
  }

  /** The archived files in order, their stored bytes read a page at a time as they are reached. */
  Iterable<ArchivedFile> files(long exportId) {
    return () ->
        new Paged<>(
            after -> {
              List<ManifestLine> lines = linePage(exportId, after, PAGE / 2);
              Map<Long, byte[]> pdfs = pdfs(lines);
              return lines.stream()
                  .map(line -> new ArchivedFile(line, pdfs.get(line.sealedRecordId())))
                  .toList();
            },
            file -> file.line().seqNo());
  }

  /**
   * Writes a chunk's manifest lines as one JDBC batch on the transaction's own connection (one
   * round trip instead of one per line). Persisting {@link ExportedRecord}s with EclipseLink's
   * batch writing measured slower (docs/performance.md), so the rows are written here directly.
   */
  void insert(long exportId, List<ManifestLine> lines) {
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    try (java.sql.PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_export_record (export_id, seq_no, sealed_record_id, record_type, record_id, client_id,"
                + " sealed_at, sha256, size_bytes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ManifestLine line : lines) {
        insert.setLong(1, exportId);
        insert.setInt(2, line.seqNo());
        insert.setLong(3, line.sealedRecordId());
        insert.setString(4, line.recordType());
        insert.setLong(5, line.recordId());
        insert.setLong(6, line.clientId());
        insert.setObject(7, line.sealedAt().atOffset(java.time.ZoneOffset.UTC));
        insert.setString(8, line.sha256());
        insert.setLong(9, line.sizeBytes());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not store a chunk of export " + exportId, e);
    }
  }

  /** The clients of an export's records, in id order: whose FHIR Bundles the archive carries. */
  List<Long> exportedClients(long exportId) {
    return em.createQuery(
            "select distinct e.clientId from ExportedRecord e where e.exportId = :x"
                + " order by e.clientId",
            Long.class)
        .setParameter("x", exportId)
        .getResultList();
  }

  /** Whether an earlier run of the seal step already stored the export's FHIR Bundles. */
  boolean hasFhirBundles(long exportId) {
    return !em.createNativeQuery(
            "select seq_no from audit_export_fhir where export_id = ?1 fetch first 1 rows only")
        .setParameter(1, exportId)
        .getResultList()
        .isEmpty();
  }

  /** Stores one client's Bundle, one NDJSON line, as the export's {@code seqNo}-th line. */
  void insertFhirBundle(long exportId, int seqNo, long clientId, byte[] line) {
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    try (java.sql.PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_export_fhir (export_id, seq_no, client_id, bundle)"
                + " values (?, ?, ?, ?)")) {
      insert.setLong(1, exportId);
      insert.setInt(2, seqNo);
      insert.setLong(3, clientId);
      insert.setBytes(4, line);
      insert.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(
          "Could not store the FHIR Bundle of client " + clientId + " in export " + exportId, e);
    }
  }

  /** One stored line of the export's FHIR Bundles file. */
  record FhirLine(int seqNo, byte[] bytes) {}

  /** The export's FHIR Bundle lines in order, read a few at a time as they are iterated. */
  Iterable<FhirLine> fhirBundles(long exportId) {
    return () -> new Paged<>(after -> fhirPage(exportId, after), FhirLine::seqNo);
  }

  private List<FhirLine> fhirPage(long exportId, long afterSeq) {
    List<?> rows =
        em.createNativeQuery(
                "select seq_no, bundle from audit_export_fhir where export_id = ?1 and seq_no > ?2"
                    + " order by seq_no fetch first 20 rows only")
            .setParameter(1, exportId)
            .setParameter(2, (int) afterSeq)
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              Object[] columns = (Object[]) row;
              return new FhirLine(((Number) columns[0]).intValue(), (byte[]) columns[1]);
            })
        .toList();
  }

  long lastAuditEntry() {
    Long max = em.createQuery("select max(a.id) from AuditEntry a", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /**
   * The audit entries an export carries: every entry of the range for an unfiltered export; for a
   * filtered one, the entries about the exported records and, with a client filter, the client.
   */
  Iterable<AuditLine> auditEntries(long exportId, ExportScope scope, ZoneId zone, long upTo) {
    return () -> new Paged<>(after -> auditPage(exportId, scope, zone, upTo, after), AuditLine::id);
  }

  /**
   * One page of the carried entries. The ids are chosen in SQL, where an exported record's numeric
   * id meets the audit trail's text id; the entries are then read by JPQL.
   */
  private List<AuditLine> auditPage(
      long exportId, ExportScope scope, ZoneId zone, long upTo, long afterId) {
    StringBuilder sql =
        new StringBuilder(
            "select a.id from audit_entry a"
                + " where a.occurred_at >= ?1 and a.occurred_at < ?2 and a.id <= ?3 and a.id > ?4");
    if (scope.filtered()) {
      sql.append(
          " and (exists (select 1 from audit_export_record e where e.export_id = ?5"
              + " and e.record_type = a.record_type and cast(e.record_id as varchar(60)) = a.record_id)");
      if (scope.clientId() != null) {
        sql.append(" or (a.record_type = 'Client' and a.record_id = ?6)");
      }
      sql.append(")");
    }
    sql.append(" order by a.id fetch first " + PAGE * 5 + " rows only");
    var query =
        em.createNativeQuery(sql.toString())
            .setParameter(1, scope.start(zone).atOffset(java.time.ZoneOffset.UTC))
            .setParameter(2, scope.end(zone).atOffset(java.time.ZoneOffset.UTC))
            .setParameter(3, upTo)
            .setParameter(4, afterId);
    if (scope.filtered()) {
      query.setParameter(5, exportId);
      if (scope.clientId() != null) {
        query.setParameter(6, scope.clientId().toString());
      }
    }
    List<Long> ids =
        ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(AuditLine.SELECT + " where a.id in :ids order by a.id", AuditLine.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Iterates page after page, each page asked for after the key of the last item seen. */
  private static final class Paged<T> implements Iterator<T> {
    private final Function<Long, List<T>> nextPage;
    private final ToLongFunction<T> key;
    private Iterator<T> current = List.<T>of().iterator();
    private long lastKey;
    private boolean exhausted;

    Paged(Function<Long, List<T>> nextPage, ToLongFunction<T> key) {
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
