package org.myochart.record;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.myochart.platform.Sha256;

/**
 * A newer copy of a sealed record's PDF: the copy before it, with the validation data of its
 * timestamps and one more document timestamp (ADR-056). Stored once, never changed; the newest is
 * the one handed out.
 */
@Entity
@Table(name = "record_renewal")
public class RecordRenewal implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_renewal_seq")
  @SequenceGenerator(
      name = "record_renewal_seq",
      sequenceName = "record_renewal_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sealed_record_id", nullable = false, updatable = false)
  private SealedRecord sealedRecord;

  @Column(name = "renewed_at", nullable = false, updatable = false)
  private Instant renewedAt;

  @Column(name = "timestamp_expires_at", nullable = false, updatable = false)
  private Instant timestampExpiresAt;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] pdf;

  protected RecordRenewal() {}

  RecordRenewal(
      SealedRecord sealedRecord, byte[] pdf, Instant renewedAt, Instant timestampExpiresAt) {
    this.sealedRecord = sealedRecord;
    this.pdf = pdf.clone();
    this.sha256 = Sha256.of(pdf);
    this.sizeBytes = pdf.length;
    this.renewedAt = renewedAt;
    this.timestampExpiresAt = timestampExpiresAt;
  }

  public Long getId() {
    return id;
  }

  public SealedRecord getSealedRecord() {
    return sealedRecord;
  }

  public Instant getRenewedAt() {
    return renewedAt;
  }

  public Instant getTimestampExpiresAt() {
    return timestampExpiresAt;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public byte[] pdf() {
    return pdf.clone();
  }

  /** The application never changes or deletes one; PostgreSQL refuses it as well (V22). */
  @jakarta.persistence.PreUpdate
  @jakarta.persistence.PreRemove
  void refuseChange() {
    throw new IllegalStateException("A renewed copy of a sealed record is never changed.");
  }
}
