package org.myochart.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One line of the audit trail. It has no setters. An entry is stamped (time, actor, action, record,
 * detail) when the action happens and numbered once, when it is appended: then it gets its id and
 * its hash, which covers every field but the searchable client column (ADR-047). Entries written
 * before ADR-058 also name the previous entry's hash, which their hash covers; since then the
 * sequencer gives an entry its place in the trail, as a leaf of the Merkle tree ({@link
 * AuditLeaf}).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  public static final String GENESIS_HASH = "0".repeat(64);

  @Id private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "actor_role")
  private String actorRole;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditAction action;

  @Column(name = "record_type")
  private String recordType;

  @Column(name = "record_id")
  private String recordId;

  private String detail;

  @Column(name = "ip_address")
  private String ipAddress;

  @Column(name = "user_agent")
  private String userAgent;

  /**
   * The client this entry concerns, for searching; not part of the hashed content, so entries
   * chained before the column existed still verify (ADR-047).
   */
  @Column(name = "client_id")
  private Long clientId;

  /** The previous entry's hash, for entries chained before ADR-058; empty since. */
  @Column(name = "previous_hash")
  private String previousHash;

  @Column(name = "entry_hash", nullable = false)
  private String entryHash;

  protected AuditEntry() {}

  AuditEntry(
      long id,
      Instant occurredAt,
      Actor actor,
      AuditAction action,
      String recordType,
      String recordId,
      String detail,
      String previousHash) {
    this(occurredAt, actor, action, recordType, recordId, detail);
    chain(id, previousHash);
  }

  /** A stamped entry, not yet appended. */
  AuditEntry(
      Instant occurredAt,
      Actor actor,
      AuditAction action,
      String recordType,
      String recordId,
      String detail) {
    // Stored timestamps keep microseconds on both databases; hash what will be read back.
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    this.actor = clip(actor.name(), 120);
    this.actorRole = actor.role() == null ? null : actor.role().name();
    this.action = action;
    this.recordType = recordType;
    this.recordId = recordId;
    this.detail = detail;
    this.ipAddress = clip(actor.ipAddress(), 64);
    this.userAgent = clip(actor.userAgent(), 400);
  }

  /** Names the client the entry concerns; only before it is appended, as it is stored once. */
  AuditEntry concerning(Long clientId) {
    if (isAppended()) {
      throw new IllegalStateException("Audit entry " + id + " is already appended");
    }
    this.clientId = clientId;
    return this;
  }

  /**
   * Gives the entry its id and its hash, once. Its place in the trail is the sequencer's to give.
   */
  void number(long id) {
    chain(id, null);
  }

  /**
   * As entries were appended before ADR-058: after the entry whose hash is {@code previousHash}.
   */
  void chain(long id, String previousHash) {
    if (isAppended()) {
      throw new IllegalStateException("Audit entry " + this.id + " is already appended");
    }
    this.id = id;
    this.previousHash = previousHash;
    this.entryHash = computeHash();
  }

  public boolean isAppended() {
    return id != null;
  }

  /** Whether the entry names its predecessor's hash, as entries written before ADR-058 do. */
  public boolean isChainedToPredecessor() {
    return previousHash != null;
  }

  /**
   * The hash this entry's content and predecessor call for; differs from the stored one if edited.
   */
  public String computeHash() {
    StringBuilder canonical = new StringBuilder();
    for (Object field :
        new Object[] {
          previousHash,
          id,
          occurredAt,
          actor,
          actorRole,
          action,
          recordType,
          recordId,
          detail,
          ipAddress,
          userAgent
        }) {
      String text = field == null ? "" : field.toString();
      // Length-prefixed so that no choice of field values can produce another entry's bytes.
      canonical.append(text.length()).append(':').append(text).append(';');
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static String clip(String value, int max) {
    if (value == null) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getActorRole() {
    return actorRole;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getRecordType() {
    return recordType;
  }

  public String getRecordId() {
    return recordId;
  }

  public String getDetail() {
    return detail;
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public Long getClientId() {
    return clientId;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getEntryHash() {
    return entryHash;
  }

  /** The application never changes or deletes one; PostgreSQL refuses it as well (migration V8). */
  @jakarta.persistence.PreUpdate
  @jakarta.persistence.PreRemove
  void refuseChange() {
    throw new IllegalStateException("An audit entry is never changed or deleted.");
  }
}
