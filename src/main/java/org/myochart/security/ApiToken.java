package org.myochart.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * A bearer token an integration sends instead of a password (ADR-052). It acts as one staff
 * account, in the role the account held when the owner issued it, until it expires or is revoked.
 * Only the SHA-256 of the token is kept: the token is 256 random bits, so a fast hash is enough and
 * the table reveals no token. Never deleted; revoking stamps who and when.
 */
@Entity
@Table(name = "api_token")
public class ApiToken implements java.io.Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private StaffAccount account;

  @Column(nullable = false, updatable = false)
  private String name;

  @Column(name = "token_sha256", nullable = false, updatable = false)
  private String tokenSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Role role;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiToken() {}

  ApiToken(
      StaffAccount account,
      String name,
      String tokenSha256,
      Instant createdAt,
      String createdBy,
      Instant expiresAt) {
    if (!account.isActive()) {
      throw RuleViolation.conflict(
          account.getDisplayName() + "'s account is deactivated; it cannot have a token.");
    }
    this.account = account;
    this.role = account.getRole();
    this.name = name;
    this.tokenSha256 = tokenSha256;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.expiresAt = expiresAt;
  }

  /**
   * Why this token may not act now, in words for the integration's operator; empty when it may. The
   * role is compared with the account's current one: a token issued to a therapist who has since
   * become front desk would otherwise keep powers the owner took away.
   */
  public Optional<String> refusalAt(Instant now) {
    if (revokedAt != null) {
      return Optional.of("This token was revoked; ask the clinic's owner for a new one.");
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.of("This token has expired; ask the clinic's owner for a new one.");
    }
    if (!account.isActive()) {
      return Optional.of("The account this token acts for is deactivated.");
    }
    if (account.getRole() != role) {
      return Optional.of(
          "This token was issued for the "
              + role.label()
              + " role and the account's role has changed since; ask the owner for a new token.");
    }
    return Optional.empty();
  }

  /** Revokes the token; revoking a revoked token changes nothing and says so. */
  boolean revoke(Instant now, String by) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    revokedBy = by;
    return true;
  }

  public String status(Instant now) {
    if (revokedAt != null) {
      return "Revoked";
    }
    return now.isBefore(expiresAt) ? "Active" : "Expired";
  }

  public boolean isLive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public Long getId() {
    return id;
  }

  public StaffAccount getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public Role getRole() {
    return role;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public long getVersion() {
    return version;
  }

  String getTokenSha256() {
    return tokenSha256;
  }
}
