package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Appends entries to the audit trail. It joins the caller's transaction, so an action and its entry
 * are committed together or not at all. Writers do not wait for one another (ADR-058): an entry
 * takes its id from a sequence and is queued for the sequencer, which gives it its place in the
 * trail's Merkle tree.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject CurrentActor currentActor;
  @Inject ConcernedClients concernedClients;

  public AuditEntry record(AuditAction action, String recordType, Object recordId, String detail) {
    return recordAs(currentActor.get(), action, recordType, recordId, detail);
  }

  public AuditEntry recordAs(
      Actor actor, AuditAction action, String recordType, Object recordId, String detail) {
    return append(stampAs(actor, action, recordType, recordId, detail));
  }

  /**
   * An entry by the current actor, stamped now but not yet appended: see {@link #append}. A signing
   * stamps its entry, lets the record package render and seal the PDF that prints it, and only then
   * appends it (ADR-041).
   */
  public AuditEntry stamp(AuditAction action, String recordType, Object recordId, String detail) {
    return stampAs(currentActor.get(), action, recordType, recordId, detail);
  }

  public AuditEntry recordAs(
      Actor actor, AuditAction action, RecordKind kind, Object recordId, String detail) {
    return recordAs(actor, action, kind.typeName(), recordId, detail);
  }

  public AuditEntry stamp(AuditAction action, RecordKind kind, Object recordId, String detail) {
    return stamp(action, kind.typeName(), recordId, detail);
  }

  public AuditEntry record(AuditAction action, RecordKind kind, Object recordId, String detail) {
    return record(action, kind.typeName(), recordId, detail);
  }

  /**
   * Records an entry whose detail is a typed record, serialised with JSON-B; the client it
   * concerns, if any, goes into the entry's client column.
   */
  public AuditEntry recordDetail(
      AuditAction action, String recordType, Object recordId, AuditDetail detail) {
    return recordDetailAs(currentActor.get(), action, recordType, recordId, detail);
  }

  public AuditEntry recordDetail(
      AuditAction action, RecordKind kind, Object recordId, AuditDetail detail) {
    return recordDetail(action, kind.typeName(), recordId, detail);
  }

  public AuditEntry recordDetailAs(
      Actor actor, AuditAction action, String recordType, Object recordId, AuditDetail detail) {
    return append(
        withClientOf(
            stampAs(actor, action, recordType, recordId, AuditDetail.json(detail)), detail));
  }

  /** Like {@link #recordDetail}, stamped now and appended later (see {@link #stamp}). */
  public AuditEntry stampDetail(
      AuditAction action, RecordKind kind, Object recordId, AuditDetail detail) {
    return withClientOf(stamp(action, kind, recordId, AuditDetail.json(detail)), detail);
  }

  private static AuditEntry withClientOf(AuditEntry entry, AuditDetail detail) {
    return detail == null || detail.concernedClient() == null
        ? entry
        : entry.concerning(detail.concernedClient());
  }

  /** A stamped entry, with the client its record belongs to when the record type and id tell. */
  private AuditEntry stampAs(
      Actor actor, AuditAction action, String recordType, Object recordId, String detail) {
    String id = recordId == null ? null : recordId.toString();
    return new AuditEntry(clock.instant(), actor, action, recordType, id, detail)
        .concerning(concernedClients.of(recordType, id));
  }

  /**
   * Appends a stamped entry, keeping the time it was stamped with: it gets the next id and its
   * hash, and waits in the queue for its leaf. An entry already appended is left as it is.
   */
  public AuditEntry append(AuditEntry entry) {
    if (entry.isAppended()) {
      return entry;
    }
    entry.number(
        ((Number) em.createNativeQuery("select nextval('audit_entry_seq')").getSingleResult())
            .longValue());
    em.persist(entry);
    em.persist(new UnsequencedEntry(entry.getId()));
    return entry;
  }

  /**
   * Appends the entry unless the same action on the same record with the same detail is already in
   * the trail. The check runs under the lock of the one {@code audit_chain_head} row, which only
   * this rare kind of entry still takes, so two servers (or two copies of one session ending
   * together) cannot both append it.
   */
  public java.util.Optional<AuditEntry> recordOnceAs(
      Actor actor, AuditAction action, String recordType, Object recordId, String detail) {
    em.createNativeQuery("select id from audit_chain_head where id = 1 for update")
        .getSingleResult();
    // The detail is a large text column; comparing it here keeps the query plain on H2 and
    // PostgreSQL.
    boolean already =
        em.createQuery(
                "select e.detail from AuditEntry e where e.recordType = :type"
                    + " and e.recordId = :id and e.action = :action",
                String.class)
            .setParameter("type", recordType)
            .setParameter("id", recordId == null ? null : recordId.toString())
            .setParameter("action", action)
            .getResultList()
            .contains(detail);
    return already
        ? java.util.Optional.empty()
        : java.util.Optional.of(recordAs(actor, action, recordType, recordId, detail));
  }

  /** The newest entries first, for dashboards and tests. */
  public List<AuditEntry> latest(int count) {
    return em.createQuery("select e from AuditEntry e order by e.id desc", AuditEntry.class)
        .setMaxResults(count)
        .getResultList();
  }

  public List<AuditEntry> forRecord(RecordKind kind, Object recordId) {
    return forRecord(kind.typeName(), recordId);
  }

  public List<AuditEntry> forRecord(String recordType, Object recordId) {
    return em.createQuery(
            "select e from AuditEntry e where e.recordType = :type and e.recordId = :id order by e.id",
            AuditEntry.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId.toString())
        .getResultList();
  }
}
