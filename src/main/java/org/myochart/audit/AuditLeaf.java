package org.myochart.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * An entry's place in the audit trail (ADR-058): the leaf of the Merkle tree the sequencer gave it.
 * It keeps the entry's hash as it was taken in and the hash of the leaf before, so the trail's
 * order is a chain again, written by one sequencer instead of by every writer under one lock.
 */
@Entity
@Table(name = "audit_leaf")
public class AuditLeaf {

  @Id
  @Column(name = "leaf_index")
  private Long leafIndex;

  @Column(name = "entry_id", nullable = false)
  private long entryId;

  @Column(name = "entry_hash", nullable = false)
  private String entryHash;

  @Column(name = "previous_hash", nullable = false)
  private String previousHash;

  protected AuditLeaf() {}

  /** The leaf after one whose entry hash is {@code previousHash} (64 zeros for the first). */
  AuditLeaf(long leafIndex, long entryId, String entryHash, String previousHash) {
    this.leafIndex = leafIndex;
    this.entryId = entryId;
    this.entryHash = entryHash;
    this.previousHash = previousHash;
  }

  public long getLeafIndex() {
    return leafIndex;
  }

  public long getEntryId() {
    return entryId;
  }

  public String getEntryHash() {
    return entryHash;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  /** Leaves are only ever added; PostgreSQL refuses a change as well (V25). */
  @PreUpdate
  @PreRemove
  void refuseChange() {
    throw new IllegalStateException("A leaf of the audit tree is never changed or deleted.");
  }
}
