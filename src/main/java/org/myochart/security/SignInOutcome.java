package org.myochart.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Why a sign-in did not succeed, in words that reveal nothing about which usernames exist. {@code
 * addressRefusedFor} is set when the source address, not the username, is refused (HTTP 429).
 */
public record SignInOutcome(boolean succeeded, String message, Duration addressRefusedFor) {

  public static final String REQUEST_ATTRIBUTE = "org.myochart.security.signInOutcome";
  static final String WRONG_CREDENTIALS = "Unknown username or wrong password.";

  static SignInOutcome success() {
    return new SignInOutcome(true, null, null);
  }

  static SignInOutcome wrongCredentials() {
    return new SignInOutcome(false, WRONG_CREDENTIALS, null);
  }

  static SignInOutcome malformed(String why) {
    return new SignInOutcome(false, why, null);
  }

  static SignInOutcome locked(Instant until, ZoneId zone) {
    return new SignInOutcome(
        false,
        "Too many failed sign-ins for this username. Try again after "
            + DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(until)
            + ", or ask the clinic owner to reset the password.",
        null);
  }

  static SignInOutcome tooManyFromAddress(Instant until, Instant now) {
    return new SignInOutcome(
        false,
        "Too many attempts from this address, try again in "
            + minutesFrom(now, until)
            + " minutes.",
        Duration.ofMinutes(minutesFrom(now, until)));
  }

  public boolean addressRefused() {
    return addressRefusedFor != null;
  }

  /** Whole minutes until then, rounded up, at least one. */
  static long minutesFrom(Instant now, Instant until) {
    long seconds = Math.max(0, Duration.between(now, until).toSeconds());
    return Math.max(1, (seconds + 59) / 60);
  }
}
