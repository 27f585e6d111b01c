package org.myochart.caseload;

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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.myochart.client.Client;
import org.myochart.platform.RuleViolation;

/**
 * One therapist's access to one client's clinical record outside their caseload, for a limited
 * time, with the reason they gave. The audit entry that records it never changes; the owner's
 * review is kept here (and audited as an entry of its own).
 */
@Entity
@Table(name = "break_glass_grant")
public class BreakGlassGrant implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "break_glass_grant_seq")
  @SequenceGenerator(
      name = "break_glass_grant_seq",
      sequenceName = "break_glass_grant_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(nullable = false, updatable = false)
  private String therapist;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private Instant grantedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "audit_entry_id", nullable = false, updatable = false)
  private Long auditEntryId;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Version private long version;

  protected BreakGlassGrant() {}

  BreakGlassGrant(
      Client client,
      String therapist,
      BreakGlassReason reason,
      Instant grantedAt,
      Instant expiresAt,
      long auditEntryId) {
    if (!expiresAt.isAfter(grantedAt)) {
      throw new IllegalArgumentException("Break-glass access must end after it starts");
    }
    this.client = client;
    this.therapist = therapist;
    this.reason = reason.text();
    this.grantedAt = grantedAt;
    this.expiresAt = expiresAt;
    this.auditEntryId = auditEntryId;
  }

  public boolean isActiveAt(Instant now) {
    return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
  }

  /** The owner has looked at this access; a second review is refused. */
  void review(String owner, Instant now) {
    if (reviewedAt != null) {
      throw RuleViolation.conflict(
          "This break-glass access was already marked reviewed by " + reviewedBy + ".");
    }
    reviewedBy = owner;
    reviewedAt = now;
  }

  public boolean isReviewed() {
    return reviewedAt != null;
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public String getTherapist() {
    return therapist;
  }

  public String getReason() {
    return reason;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Long getAuditEntryId() {
    return auditEntryId;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public long getVersion() {
    return version;
  }
}
