package org.myochart.audit;

import java.time.Instant;

/**
 * One audit entry as the owner's audit page and its CSV show it: read as a plain row, so that
 * reading many entries never fills a persistence context.
 */
public record AuditLine(long id, Instant occurredAt, String actor, String actorRole, String action,
    String recordType, String recordId, String detail, String ipAddress, String userAgent, String previousHash,
    String entryHash) {}
