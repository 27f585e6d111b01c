package org.myochart.record;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.myochart.audit.RecordKind;
import org.myochart.platform.Sha256;

/** The sealed PDF of one signed record, rendered once at signing and never rendered again. */
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

  protected SealedRecord() {}

  SealedRecord(RecordKind kind, long recordId, long clientId, byte[] pdf, Instant sealedAt) {
    this.recordType = kind.typeName();
    this.recordId = recordId;
    this.clientId = clientId;
    this.pdf = pdf.clone();
    this.sha256 = Sha256.of(pdf);
    this.sizeBytes = pdf.length;
    this.sealedAt = sealedAt;
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

  public String getSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public byte[] pdf() {
    return pdf.clone();
  }

  /** The application never changes or deletes one; PostgreSQL refuses it as well (migration V8). */
  @jakarta.persistence.PreUpdate
  @jakarta.persistence.PreRemove
  void refuseChange() {
    throw new IllegalStateException("A sealed record is never changed or deleted.");
  }
}
