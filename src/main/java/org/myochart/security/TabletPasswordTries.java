package org.myochart.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong staff passwords typed on one kiosk tablet's session (take-back or witness): after the
 * fifth, the password fields are refused for five minutes, and again after each further wrong one.
 * Kept in the HTTP session, so the tablet slows itself down without touching any account's lock.
 */
record TabletPasswordTries(int failures, Instant refusedUntil) implements Serializable {

  static final String SESSION_ATTRIBUTE = "org.myochart.security.tabletPasswordTries";
  static final int ALLOWED_FAILURES = 5;
  static final Duration PAUSE = Duration.ofMinutes(5);
  static final TabletPasswordTries NONE = new TabletPasswordTries(0, null);

  boolean refused(Instant now) {
    return refusedUntil != null && now.isBefore(refusedUntil);
  }

  TabletPasswordTries failed(Instant now) {
    int counted = failures + 1;
    return new TabletPasswordTries(counted, counted >= ALLOWED_FAILURES ? now.plus(PAUSE) : null);
  }
}
