package org.myochart.audit;

import java.time.Instant;

/**
 * One audit entry as the owner's audit page, its CSV and an export's audit log show it: read by a
 * JPQL constructor query ({@link #SELECT}), so that reading many entries never fills a persistence
 * context. {@code clientId} is the client the entry concerns (ADR-047), or null; the CSV leaves it
 * out, as its columns are fixed.
 */
public record AuditLine(
    long id,
    Instant occurredAt,
    String actor,
    String actorRole,
    String action,
    String recordType,
    String recordId,
    String detail,
    String ipAddress,
    String userAgent,
    String previousHash,
    String entryHash,
    Long clientId) {

  /**
   * The JPQL select clause that reads an {@link AuditEntry} {@code a} as a line, without managing
   * it.
   */
  public static final String SELECT =
      "select new org.myochart.audit.AuditLine(a.id, a.occurredAt, a.actor, a.actorRole,"
          + " a.action, a.recordType, a.recordId, a.detail, a.ipAddress, a.userAgent, a.previousHash, a.entryHash,"
          + " a.clientId)"
          + " from AuditEntry a";

  /** The constructor {@link #SELECT} calls, with the entity's own attribute types. */
  public AuditLine(
      Long id,
      Instant occurredAt,
      String actor,
      String actorRole,
      AuditAction action,
      String recordType,
      String recordId,
      String detail,
      String ipAddress,
      String userAgent,
      String previousHash,
      String entryHash,
      Long clientId) {
    this(
        id.longValue(),
        occurredAt,
        actor,
        actorRole,
        action.name(),
        recordType,
        recordId,
        detail,
        ipAddress,
        userAgent,
        previousHash,
        entryHash,
        clientId);
  }
}
