package org.myochart.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that says where the chain ends. Appending locks it, so entries get consecutive ids
 * in the order their hashes chain, even when many transactions write at once.
 */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

  @Id private Integer id;

  @Column(name = "last_entry_id", nullable = false)
  private long lastEntryId;

  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  protected AuditChainHead() {}

  AuditEntry append(
      java.time.Instant now,
      Actor actor,
      AuditAction action,
      String recordType,
      String recordId,
      String detail) {
    return append(new AuditEntry(now, actor, action, recordType, recordId, detail));
  }

  AuditEntry append(AuditEntry entry) {
    entry.chain(lastEntryId + 1, lastHash);
    lastEntryId = entry.getId();
    lastHash = entry.getEntryHash();
    return entry;
  }
}
