package org.myochart.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * A person who works at the clinic and signs in to MyoChart. Accounts are never deleted, only
 * deactivated, because records they signed keep pointing at them.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount implements java.io.Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
  @SequenceGenerator(
      name = "staff_account_seq",
      sequenceName = "staff_account_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "password_change_required", nullable = false)
  private boolean passwordChangeRequired;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The enrolled second factor's secret, Base64; null until the person has enrolled one. */
  @Column(name = "totp_secret")
  private String totpSecret;

  @Column(name = "totp_enrolled_at")
  private Instant totpEnrolledAt;

  /** The last 30-second step a code was accepted for: the same code never counts twice. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

  @Version private long version;

  protected StaffAccount() {}

  StaffAccount(
      String username,
      String displayName,
      Role role,
      String passwordHash,
      boolean temporaryPassword,
      Instant now) {
    this.username = username;
    this.displayName = displayName;
    this.role = heldRole(role);
    this.passwordHash = passwordHash;
    this.passwordChangeRequired = temporaryPassword;
    this.active = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void describe(String newDisplayName, Role newRole, Instant now) {
    this.displayName = newDisplayName;
    this.role = heldRole(newRole);
    this.updatedAt = now;
  }

  /** A tablet handed to a client acts as {@code KIOSK}, but no account holds that role. */
  private static Role heldRole(Role role) {
    if (role == null || !role.isStaff()) {
      throw RuleViolation.invalid("Give a role: owner, therapist or front desk.");
    }
    return role;
  }

  void deactivate(Instant now) {
    if (!active) {
      throw RuleViolation.conflict(displayName + " is already deactivated.");
    }
    active = false;
    updatedAt = now;
  }

  void reactivate(Instant now) {
    if (active) {
      throw RuleViolation.conflict(displayName + " is already active.");
    }
    active = true;
    updatedAt = now;
  }

  /**
   * A password set by someone else is temporary: the person must choose their own at next sign-in.
   */
  void assignPassword(String newHash, boolean temporary, Instant now) {
    this.passwordHash = newHash;
    this.passwordChangeRequired = temporary;
    this.updatedAt = now;
  }

  String passwordHash() {
    return passwordHash;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Role getRole() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isPasswordChangeRequired() {
    return passwordChangeRequired;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  /** Whether signing in also needs a code from the person's authenticator app. */
  public boolean hasSecondFactor() {
    return totpSecret != null;
  }

  public Instant getSecondFactorEnrolledAt() {
    return totpEnrolledAt;
  }

  byte[] secondFactorSecret() {
    return totpSecret == null ? null : java.util.Base64.getDecoder().decode(totpSecret);
  }

  void enrolSecondFactor(byte[] secret, long acceptedStep, Instant now) {
    if (hasSecondFactor()) {
      throw RuleViolation.conflict("A second factor is already set up for " + username + ".");
    }
    totpSecret = java.util.Base64.getEncoder().encodeToString(secret);
    totpEnrolledAt = now;
    totpLastStep = acceptedStep;
    updatedAt = now;
  }

  /** Accepts a code's time step once; an earlier or the same step again is a replayed code. */
  boolean acceptStep(long step) {
    if (totpLastStep != null && step <= totpLastStep) {
      return false;
    }
    totpLastStep = step;
    return true;
  }

  /** The owner removes a lost second factor; the person enrols a new one at their next sign-in. */
  void removeSecondFactor(Instant now) {
    totpSecret = null;
    totpEnrolledAt = null;
    totpLastStep = null;
    updatedAt = now;
  }

  public boolean isOwner() {
    return role == Role.OWNER;
  }
}
