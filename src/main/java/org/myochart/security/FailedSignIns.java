package org.myochart.security;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive failed sign-ins for one username from one address (key {@code username@address}), or
 * from all addresses together (key {@code username}), whether or not an account has that name, so
 * that the lock-out itself does not reveal which usernames exist. Every password check is counted
 * before it is made and forgotten when it proves right, so parallel guesses cannot slip past the
 * count. The lock is short, because strangers can cause it: one minute, doubling with each lock in
 * a row up to fifteen.
 */
@Entity
@Cacheable(false)
@Table(name = "failed_sign_in")
public class FailedSignIns {

  public static final int ALLOWED_FAILURES = 5;

  /**
   * Failures in a row for one username from all addresses together before it is locked for
   * everyone: many addresses guessing at once cannot keep on, but one stranger cannot lock it
   * alone.
   */
  public static final int ALLOWED_FAILURES_FROM_ALL_ADDRESSES = 20;

  public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

  /** A day without failures forgets earlier locks, so the next one is short again. */
  public static final Duration FORGOTTEN_AFTER = Duration.ofHours(24);

  @Id
  @Column(name = "username_key")
  private String usernameKey;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(nullable = false)
  private int locks;

  @Version private long version;

  protected FailedSignIns() {}

  public FailedSignIns(String usernameKey) {
    this.usernameKey = usernameKey;
  }

  /**
   * Counts a failure; the fifth in a row locks the username, for longer with each lock in a row.
   */
  public void count(Instant now) {
    count(now, ALLOWED_FAILURES);
  }

  /**
   * Counts a failure; the {@code allowed}-th in a row locks, for longer with each lock in a row.
   */
  public void count(Instant now, int allowed) {
    if (lastFailureAt != null && !now.isBefore(lastFailureAt.plus(FORGOTTEN_AFTER))) {
      failures = 0;
      locks = 0;
      lockedUntil = null;
    }
    if (lockedUntil != null && !now.isBefore(lockedUntil)) {
      failures = 0;
      lockedUntil = null;
    }
    failures++;
    lastFailureAt = now;
    if (failures >= allowed) {
      lockedUntil = now.plus(lockAfter(locks));
      locks++;
    }
  }

  /**
   * How long the lock lasts that follows this many earlier locks in a row: 1, 2, 4, 8, then 15
   * minutes.
   */
  static Duration lockAfter(int earlierLocks) {
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(earlierLocks, 4));
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
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
