package org.myochart.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * That the clinic issued one combined chart PDF: its SHA-256, for which client, when and by whom.
 * The PDF itself is rebuilt on each request and not kept; this is how a genuine one verifies later.
 */
@Entity
@Table(name = "issued_chart")
public class IssuedChart implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "issued_chart_seq")
  @SequenceGenerator(
      name = "issued_chart_seq",
      sequenceName = "issued_chart_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "client_id", nullable = false, updatable = false)
  private long clientId;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private String issuedBy;

  @Column(nullable = false, updatable = false)
  private int records;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  protected IssuedChart() {}

  IssuedChart(
      String sha256, long clientId, Instant issuedAt, String issuedBy, int records, long size) {
    this.sha256 = sha256;
    this.clientId = clientId;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
    this.records = records;
    this.sizeBytes = size;
  }

  public Long getId() {
    return id;
  }

  public String getSha256() {
    return sha256;
  }

  public long getClientId() {
    return clientId;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public int getRecords() {
    return records;
  }

  /** The application never changes or deletes one; PostgreSQL refuses it as well (V16). */
  @jakarta.persistence.PreUpdate
  @jakarta.persistence.PreRemove
  void refuseChange() {
    throw new IllegalStateException("The record of an issued chart is never changed or deleted.");
  }
}
