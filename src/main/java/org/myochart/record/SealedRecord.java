package org.myochart.record;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.myochart.audit.RecordKind;
import org.myochart.platform.Sha256;

/**
 * The sealed PDF of one signed record, rendered once at signing and never rendered again. With a
 * timestamp authority it may later gain renewed copies ({@link RecordRenewal}, ADR-056), each the
 * PDF before it with one more document timestamp; {@link #pdf()} and {@link #getSha256()} give the
 * newest copy, the one handed out, and {@link #isCopy} accepts every copy the clinic stored.
 */
@Entity
@Table(name = "sealed_record")
public class SealedRecord implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sealed_record_seq")
  @SequenceGenerator(
      name = "sealed_record_seq",
      sequenceName = "sealed_record_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "record_type", nullable = false, updatable = false)
  private String recordType;

  @Column(name = "record_id", nullable = false, updatable = false)
  private long recordId;

  @Column(name = "client_id", nullable = false, updatable = false)
  private long clientId;

  @Column(name = "sealed_at", nullable = false, updatable = false)
  private Instant sealedAt;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] pdf;

  /** When the authority certificate of the newest document timestamp expires; null without one. */
  @Column(name = "timestamp_expires_at", updatable = false)
  private Instant timestampExpiresAt;

  @OneToMany(mappedBy = "sealedRecord", fetch = FetchType.LAZY)
  @OrderBy("id")
  private List<RecordRenewal> renewals = new ArrayList<>();

  protected SealedRecord() {}

  SealedRecord(RecordKind kind, long recordId, long clientId, byte[] pdf, Instant sealedAt) {
    this.recordType = kind.typeName();
    this.recordId = recordId;
    this.clientId = clientId;
    this.pdf = pdf.clone();
    this.sha256 = Sha256.of(pdf);
    this.sizeBytes = pdf.length;
    this.sealedAt = sealedAt;
    this.timestampExpiresAt = LongTermValidation.newestTimestampExpiry(pdf).orElse(null);
  }

  private Optional<RecordRenewal> newestRenewal() {
    return renewals.isEmpty() ? Optional.empty() : Optional.of(renewals.get(renewals.size() - 1));
  }

  public Long getId() {
    return id;
  }

  public String getRecordType() {
    return recordType;
  }

  /** What kind of signed record this is; every stored record type is one of the kinds. */
  public RecordKind kind() {
    return RecordKind.of(recordType)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Sealed record " + id + " has an unknown type " + recordType));
  }

  public long getRecordId() {
    return recordId;
  }

  public long getClientId() {
    return clientId;
  }

  public Instant getSealedAt() {
    return sealedAt;
  }

  /** The SHA-256 of the newest copy. */
  public String getSha256() {
    return newestRenewal().map(RecordRenewal::getSha256).orElse(sha256);
  }

  /** The SHA-256 of the PDF as sealed at signing. */
  public String sealedSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return newestRenewal().map(RecordRenewal::getSizeBytes).orElse(sizeBytes);
  }

  /** The newest copy's bytes: the sealed PDF, or its newest renewal. */
  public byte[] pdf() {
    return newestRenewal().map(RecordRenewal::pdf).orElseGet(pdf::clone);
  }

  /** Whether a file with this SHA-256 is one of the copies the clinic stored of this record. */
  public boolean isCopy(String candidateSha256) {
    return sha256.equals(candidateSha256)
        || renewals.stream().anyMatch(r -> r.getSha256().equals(candidateSha256));
  }

  /** When the newest copy's document timestamp stops being checkable; empty without one. */
  public Optional<Instant> timestampExpiresAt() {
    return newestRenewal()
        .map(RecordRenewal::getTimestampExpiresAt)
        .or(() -> Optional.ofNullable(timestampExpiresAt));
  }

  /** How many times the record's document timestamp was renewed. */
  public int renewalCount() {
    return renewals.size();
  }

  /** The application never changes or deletes one; PostgreSQL refuses it as well (migration V8). */
  @jakarta.persistence.PreUpdate
  @jakarta.persistence.PreRemove
  void refuseChange() {
    throw new IllegalStateException("A sealed record is never changed or deleted.");
  }
}
