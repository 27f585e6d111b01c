package org.myochart.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A password accepted for an account with a second factor, waiting in the session for its code:
 * valid for five minutes and five wrong codes, after which the password must be typed again.
 */
public record PendingSignIn(
    long accountId, String username, Instant passwordAcceptedAt, int wrongCodes)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = "org.myochart.security.pendingSignIn";
  static final Duration VALID_FOR = Duration.ofMinutes(5);
  static final int WRONG_CODES_ALLOWED = 5;

  boolean isValidAt(Instant now) {
    return wrongCodes < WRONG_CODES_ALLOWED && now.isBefore(passwordAcceptedAt.plus(VALID_FOR));
  }

  PendingSignIn withWrongCode() {
    return new PendingSignIn(accountId, username, passwordAcceptedAt, wrongCodes + 1);
  }
}
