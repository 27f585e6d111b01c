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
 * Failed sign-ins from one source address, whichever usernames they tried: the tenth within ten
 * minutes refuses that address for ten minutes, so one outsider is stopped without keeping anyone
 * else out.
 */
@Entity
@Cacheable(false)
@Table(name = "failed_sign_in_address")
public class FailedSignInsFromAddress {

  public static final int ALLOWED_FAILURES = 10;
  public static final Duration WINDOW = Duration.ofMinutes(10);
  public static final Duration BLOCK = Duration.ofMinutes(10);

  @Id private String address;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_started_at")
  private Instant windowStartedAt;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Version private long version;

  protected FailedSignInsFromAddress() {}

  public FailedSignInsFromAddress(String address) {
    this.address = address;
  }

  public void count(Instant now) {
    if (blockedUntil != null && !now.isBefore(blockedUntil)
        || windowStartedAt == null
        || !now.isBefore(windowStartedAt.plus(WINDOW))) {
      failures = 0;
      blockedUntil = null;
      windowStartedAt = now;
    }
    failures++;
    if (failures >= ALLOWED_FAILURES) {
      blockedUntil = now.plus(BLOCK);
    }
  }

  /** A password counted before its check proved right: it was no failure. */
  public void uncount() {
    if (failures > 0) {
      failures--;
    }
    if (failures < ALLOWED_FAILURES) {
      blockedUntil = null;
    }
  }

  public boolean isBlocked(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  public Instant getBlockedUntil() {
    return blockedUntil;
  }

  public int getFailures() {
    return failures;
  }
}
