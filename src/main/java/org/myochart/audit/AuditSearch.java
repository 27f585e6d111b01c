package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.myochart.platform.ClinicSettings;

/**
 * The owner's searches of the audit trail. Results come newest first, a page at a time after or
 * before a known entry id, so no search reads more than a page however long the trail is. The
 * WHERE clause holds only the filters that are set, with every value bound as a parameter
 * (PostgreSQL cannot type a bare {@code ? is null}).
 *
 * <p>A client's entries are those about the client ({@code Client}, {@code ClientChart},
 * {@code ReferralLetter} with the client's id, and record ids {@code client:<id>}), about its
 * records (intakes, clearances, visit checks, consents, treatment plans, sessions, notes,
 * addenda and sealed records, whose ids are looked up first), its kiosk hand-overs, and whatever
 * the tablet did while it was handed to that client.
 */
@ApplicationScoped
public class AuditSearch {

  /** The record type of the entries that record a search or an export of the audit trail. */
  public static final String RECORD_TYPE = "AuditLog";

  private static final int EXPORT_PAGE = 500;
  private static final String COLUMNS = "a.id, a.occurred_at, a.actor, a.actor_role, a.action, a.record_type,"
      + " a.record_id, a.detail, a.ip_address, a.user_agent, a.previous_hash, a.entry_hash";

  /** Record types written with the client's own id. */
  private static final List<String> ABOUT_THE_CLIENT = List.of("Client", "ClientChart", "ReferralLetter");

  /** Record types written with the record id {@code client:<id>} when a client's list is read or asked for. */
  private static final List<String> LISTS_OF_THE_CLIENT = List.of("HealthIntake", "Consent", "SoapNote");

  /** Each kind of record that belongs to one client, with the query for its ids. */
  private static final String CLIENT_RECORDS =
      "select 'HealthIntake', id from health_intake where client_id = ?1"
          + " union all select 'MedicalClearance', id from medical_clearance where client_id = ?2"
          + " union all select 'VisitCheck', id from visit_check where client_id = ?3"
          + " union all select 'Consent', id from consent where client_id = ?4"
          + " union all select 'TreatmentPlan', id from treatment_plan where client_id = ?5"
          + " union all select 'TreatmentSession', id from treatment_session where client_id = ?6"
          + " union all select 'SoapNote', id from soap_note where client_id = ?7"
          + " union all select 'NoteAddendum', d.id from note_addendum d join soap_note n on n.id = d.note_id"
          + " where n.client_id = ?8"
          + " union all select 'SealedRecord', id from sealed_record where client_id = ?9";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject ClinicSettings settings;

  /** A page of results, newest first, and whether there are newer or older matches beyond it. */
  public record Results(List<AuditLine> lines, boolean newer, boolean older) {

    public Long newestId() {
      return lines.isEmpty() ? null : lines.get(0).id();
    }

    public Long oldestId() {
      return lines.isEmpty() ? null : lines.get(lines.size() - 1).id();
    }
  }

  /**
   * The newest {@code size} matches; with {@code before}, those older than that entry; with
   * {@code after}, those just newer than it.
   */
  public Results page(AuditFilter filter, Long before, Long after, int size) {
    Where where = where(filter);
    if (after != null) {
      where.add("a.id > ?", after);
      List<AuditLine> found = lines(where, "order by a.id", size + 1);
      boolean newer = found.size() > size;
      List<AuditLine> shown = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
      Collections.reverse(shown);
      return new Results(shown, newer, true);
    }
    if (before != null) {
      where.add("a.id < ?", before);
    }
    List<AuditLine> found = lines(where, "order by a.id desc", size + 1);
    return new Results(found.subList(0, Math.min(size, found.size())), before != null, found.size() > size);
  }

  /** Records that the owner looked at the audit trail with this filter: once per search, not per page. */
  public void recordView(AuditFilter filter) {
    audit.record(AuditAction.VIEW, RECORD_TYPE, null, filter.describe());
  }

  /**
   * Writes every match as CSV, newest first, and records the export first: the file holds the
   * entries up to the one that records it. Entries are read a page at a time.
   */
  public int export(AuditFilter filter, OutputStream out) throws IOException {
    long upTo = audit.record(AuditAction.EXPORT, RECORD_TYPE, null, filter.describe()).getId();
    int written = 0;
    try (AuditLogCsv csv = new AuditLogCsv(out)) {
      long before = upTo;
      while (true) {
        Where where = where(filter);
        where.add("a.id < ?", before);
        List<AuditLine> page = lines(where, "order by a.id desc", EXPORT_PAGE);
        for (AuditLine line : page) {
          csv.write(line);
        }
        written += page.size();
        if (page.size() < EXPORT_PAGE) {
          break;
        }
        before = page.get(page.size() - 1).id();
        csv.flush();
      }
    }
    return written;
  }

  private List<AuditLine> lines(Where where, String order, int limit) {
    Query query = em.createNativeQuery("select " + COLUMNS + " from audit_entry a" + where.sql() + " " + order
        + " fetch first " + limit + " rows only");
    where.bind(query);
    List<AuditLine> lines = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      lines.add(new AuditLine(((Number) c[0]).longValue(), instant(c[1]), (String) c[2], (String) c[3], (String) c[4],
          (String) c[5], (String) c[6], text(c[7]), (String) c[8], (String) c[9], trim(c[10]), trim(c[11])));
    }
    return lines;
  }

  private Where where(AuditFilter filter) {
    Where where = new Where();
    if (filter.staff() != null) {
      where.add("(a.actor = ? or a.actor like ? escape '!')", filter.staff(),
          "kiosk:client-% (started by " + likeLiteral(filter.staff()) + ")");
    }
    if (filter.clientId() != null) {
      clientCondition(where, filter.clientId());
    }
    if (filter.action() != null) {
      where.add("a.action = ?", filter.action().name());
    }
    if (filter.from() != null) {
      where.add("a.occurred_at >= ?", filter.start(settings.zone()).atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      where.add("a.occurred_at < ?", filter.end(settings.zone()).atOffset(ZoneOffset.UTC));
    }
    if (filter.recordType() != null) {
      where.add("a.record_type = ?", filter.recordType());
    }
    if (filter.recordId() != null) {
      where.add("a.record_id = ?", filter.recordId());
    }
    return where;
  }

  private void clientCondition(Where where, long clientId) {
    String id = Long.toString(clientId);
    List<Object> values = new ArrayList<>();
    // Every branch is an index lookup, on (record_type, record_id) or on actor.
    StringBuilder any = new StringBuilder("((a.record_type in (").append(quoted(ABOUT_THE_CLIENT))
        .append(") and a.record_id = ?)");
    values.add(id);
    any.append(" or (a.record_type in (").append(quoted(LISTS_OF_THE_CLIENT)).append(") and a.record_id = ?)");
    values.add("client:" + id);
    // Ids come from the database as numbers, so they are written into the statement as literals.
    for (Map.Entry<String, TreeSet<Long>> records : recordsOf(clientId).entrySet()) {
      any.append(" or (a.record_type = '").append(records.getKey()).append("' and a.record_id in (");
      StringBuilder list = new StringBuilder();
      for (Long recordId : records.getValue()) {
        list.append(list.isEmpty() ? "" : ", ").append('\'').append(recordId).append('\'');
      }
      any.append(list).append("))");
    }
    any.append(" or (a.record_type = 'KioskSession' and a.detail like ?)");
    values.add("{\"client\":" + id + ",%");
    // The tablet acts as "kiosk:client-<id> (started by <username>)"; naming each account keeps it an equality.
    List<?> usernames = em.createNativeQuery("select username from staff_account").getResultList();
    if (!usernames.isEmpty()) {
      any.append(" or a.actor in (").append("?, ".repeat(usernames.size() - 1)).append("?)");
      usernames.forEach(username -> values.add("kiosk:client-" + clientId + " (started by " + username + ")"));
    }
    where.add(any.append(")").toString(), values.toArray());
  }

  private static String quoted(List<String> types) {
    return "'" + String.join("', '", types) + "'";
  }

  /** The ids of the client's records, by record type. */
  private Map<String, TreeSet<Long>> recordsOf(long clientId) {
    Query query = em.createNativeQuery(CLIENT_RECORDS);
    for (int i = 1; i <= 9; i++) {
      query.setParameter(i, clientId);
    }
    Map<String, TreeSet<Long>> records = new TreeMap<>();
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      records.computeIfAbsent(c[0].toString().strip(), k -> new TreeSet<>()).add(((Number) c[1]).longValue());
    }
    return records;
  }

  /** A username inside a LIKE pattern, with {@code !} as the escape character. */
  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** Timestamps come back as OffsetDateTime from H2 and as Timestamp from PostgreSQL. */
  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + (value == null ? "null" : value.getClass()));
  }

  private static String trim(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static String text(Object value) {
    if (value instanceof Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not read an audit entry's detail", e);
      }
    }
    return value == null ? null : value.toString();
  }

  /** The conditions that are set, joined by {@code and}, with their values numbered in order. */
  private static final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    void add(String condition, Object... conditionValues) {
      StringBuilder numbered = new StringBuilder();
      int next = 0;
      for (char ch : condition.toCharArray()) {
        if (ch == '?') {
          values.add(conditionValues[next++]);
          numbered.append('?').append(values.size());
        } else {
          numbered.append(ch);
        }
      }
      sql.append(sql.isEmpty() ? " where " : " and ").append(numbered);
    }

    String sql() {
      return sql.toString();
    }

    void bind(Query query) {
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 1, values.get(i));
      }
    }
  }
}
