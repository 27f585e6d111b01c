package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.myochart.platform.ClinicSettings;

/**
 * The owner's searches of the audit trail. Results are counted and read a page at a time in the
 * database (newest first unless the owner sorts otherwise), so no search loads the trail. The JPQL
 * WHERE clause holds only the filters that are set, with every value bound as a parameter
 * (PostgreSQL cannot type a bare {@code ? is null}), and rows are read as {@link AuditLine}s.
 *
 * <p>A client's entries are those whose client column names it (about the client, its lists and its
 * records, its kiosk hand-overs: see {@code ConcernedClients} and ADR-047), and whatever the tablet
 * did while it was handed to that client.
 */
@ApplicationScoped
public class AuditSearch {

  /** The record type of the entries that record a search or an export of the audit trail. */
  public static final String RECORD_TYPE = "AuditLog";

  private static final int EXPORT_PAGE = 500;

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject ClinicSettings settings;

  /** The largest page the owner's audit page asks for. */
  public static final int LARGEST_PAGE = 100;

  /** How many entries match; counted in the database. */
  public long count(AuditFilter filter) {
    Where where = where(filter);
    TypedQuery<Long> query =
        em.createQuery("select count(a) from AuditEntry a" + where.jpql(), Long.class);
    where.bind(query);
    return query.getSingleResult();
  }

  /**
   * One page of the matches in the given order: {@code size} entries (at most {@link
   * #LARGEST_PAGE}) from the {@code first} match on, counting from zero. Only that page is read
   * from the database.
   */
  public List<AuditLine> page(AuditFilter filter, int first, int size, AuditOrder order) {
    Where where = where(filter);
    TypedQuery<AuditLine> query =
        em.createQuery(AuditLine.SELECT + where.jpql() + " " + order.jpql(), AuditLine.class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(size, LARGEST_PAGE)));
    where.bind(query);
    return query.getResultList();
  }

  /**
   * Records that the owner looked at the audit trail with this filter: once per search, not per
   * page.
   */
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
    TypedQuery<AuditLine> query =
        em.createQuery(AuditLine.SELECT + where.jpql() + " " + order, AuditLine.class)
            .setMaxResults(limit);
    where.bind(query);
    return query.getResultList();
  }

  private Where where(AuditFilter filter) {
    Where where = new Where();
    if (filter.staff() != null) {
      where.add(
          "(a.actor = ? or a.actor like ? escape '!')",
          filter.staff(),
          "kiosk:client-% (started by " + likeLiteral(filter.staff()) + ")");
    }
    if (filter.clientId() != null) {
      clientCondition(where, filter.clientId());
    }
    if (filter.action() != null) {
      where.add("a.action = ?", filter.action());
    }
    if (filter.from() != null) {
      where.add("a.occurredAt >= ?", filter.start(settings.zone()));
    }
    if (filter.to() != null) {
      where.add("a.occurredAt < ?", filter.end(settings.zone()));
    }
    if (filter.recordType() != null) {
      where.add("a.recordType = ?", filter.recordType());
    }
    if (filter.recordId() != null) {
      where.add("a.recordId = ?", filter.recordId());
    }
    return where;
  }

  /**
   * The client's entries carry its id in their own column (ADR-047); what the tablet did while it
   * was handed to the client is found by the actor it acted as, {@code kiosk:client-<id> (started
   * by <username>)}, naming each account so that it stays an equality.
   */
  private void clientCondition(Where where, long clientId) {
    List<String> kioskActors =
        em
            .createQuery("select s.username from StaffAccount s", String.class)
            .getResultList()
            .stream()
            .map(username -> "kiosk:client-" + clientId + " (started by " + username + ")")
            .toList();
    if (kioskActors.isEmpty()) {
      where.add("a.clientId = ?", clientId);
    } else {
      where.add("(a.clientId = ? or a.actor in ?)", clientId, kioskActors);
    }
  }

  /** A username inside a LIKE pattern, with {@code !} as the escape character. */
  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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

    String jpql() {
      return sql.toString();
    }

    void bind(TypedQuery<?> query) {
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 1, values.get(i));
      }
    }
  }
}
