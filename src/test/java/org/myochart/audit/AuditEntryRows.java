package org.myochart.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/** Writes audit entries straight into {@code audit_entry}, as tests and harnesses prepare data. */
final class AuditEntryRows {

  static final String INSERT =
      "insert into audit_entry (id, occurred_at, actor, actor_role, action, record_type,"
          + " record_id, detail, ip_address, user_agent, previous_hash, entry_hash)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private AuditEntryRows() {}

  /** Binds an appended entry's columns to {@link #INSERT}. */
  static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
    insert.setLong(1, entry.getId());
    insert.setObject(2, entry.getOccurredAt().atOffset(ZoneOffset.UTC));
    insert.setString(3, entry.getActor());
    insert.setString(4, entry.getActorRole());
    insert.setString(5, entry.getAction().name());
    insert.setString(6, entry.getRecordType());
    insert.setString(7, entry.getRecordId());
    insert.setString(8, entry.getDetail());
    insert.setString(9, entry.getIpAddress());
    insert.setString(10, entry.getUserAgent());
    insert.setString(11, entry.getPreviousHash());
    insert.setString(12, entry.getEntryHash());
  }
}
