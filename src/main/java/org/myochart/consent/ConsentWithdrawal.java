package org.myochart.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The end of a consent: from this moment it no longer allows treatment. The consent is kept. */
@Entity
@Table(name = "consent_withdrawal")
public class ConsentWithdrawal implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_withdrawal_seq")
  @SequenceGenerator(
      name = "consent_withdrawal_seq",
      sequenceName = "consent_withdrawal_seq",
      allocationSize = 50)
  private Long id;

  @OneToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id", updatable = false)
  private Consent consent;

  @Column(name = "withdrawn_at", nullable = false, updatable = false)
  private Instant withdrawnAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "requested_by", nullable = false, updatable = false)
  private WithdrawalRequester requestedBy;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  protected ConsentWithdrawal() {}

  ConsentWithdrawal(
      Consent consent,
      Instant withdrawnAt,
      WithdrawalRequester requestedBy,
      String reason,
      String recordedBy) {
    this.consent = consent;
    this.withdrawnAt = withdrawnAt;
    this.requestedBy = requestedBy;
    this.reason = reason;
    this.recordedBy = recordedBy;
  }

  public Long getId() {
    return id;
  }

  public Consent getConsent() {
    return consent;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public WithdrawalRequester getRequestedBy() {
    return requestedBy;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
