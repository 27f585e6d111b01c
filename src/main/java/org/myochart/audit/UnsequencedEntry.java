package org.myochart.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An appended entry waiting for its place in the tree (ADR-058). Written in the transaction of the
 * action, so only committed entries are ever seen by the sequencer, which removes the row once the
 * entry has its leaf.
 */
@Entity
@Table(name = "audit_unsequenced")
class UnsequencedEntry {

  @Id
  @Column(name = "entry_id")
  private Long entryId;

  protected UnsequencedEntry() {}

  UnsequencedEntry(long entryId) {
    this.entryId = entryId;
  }
}
