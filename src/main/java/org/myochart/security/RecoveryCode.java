package org.myochart.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One of a person's one-time recovery codes, for signing in when the authenticator app is lost.
 * Only its SHA-256 is kept: a code is long and random, so a fast hash is enough and a stolen table
 * reveals no code. A used code stays, marked, so it never works twice.
 */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
  @SequenceGenerator(
      name = "recovery_code_seq",
      sequenceName = "recovery_code_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(name = "code_sha256", nullable = false, updatable = false)
  private String codeSha256;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version private long version;

  protected RecoveryCode() {}

  RecoveryCode(long accountId, String codeSha256, Instant createdAt) {
    this.accountId = accountId;
    this.codeSha256 = codeSha256;
    this.createdAt = createdAt;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  void use(Instant now) {
    usedAt = now;
  }
}
