package org.myochart.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive failed sign-ins for one username, whether or not an account has that name, so that
 * the lock-out itself does not reveal which usernames exist.
 */
@Entity
@Table(name = "failed_sign_in")
public class FailedSignIns {

  public static final int ALLOWED_FAILURES = 5;
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  @Id
  @Column(name = "username_key")
  private String usernameKey;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Version private long version;

  protected FailedSignIns() {}

  public FailedSignIns(String usernameKey) {
    this.usernameKey = usernameKey;
  }

  /** Counts a failure; the fifth in a row locks the username for fifteen minutes. */
  public void count(Instant now) {
    if (lockedUntil != null && !now.isBefore(lockedUntil)) {
      failures = 0;
      lockedUntil = null;
    }
    failures++;
    lastFailureAt = now;
    if (failures >= ALLOWED_FAILURES) {
      lockedUntil = now.plus(LOCK_DURATION);
    }
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public int getFailures() {
    return failures;
  }
}
