package org.myochart.security;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Why a sign-in did not succeed, in words that reveal nothing about which usernames exist. */
public record SignInOutcome(boolean succeeded, String message) {

  public static final String REQUEST_ATTRIBUTE = "org.myochart.security.signInOutcome";
  static final String WRONG_CREDENTIALS = "Unknown username or wrong password.";

  static SignInOutcome success() {
    return new SignInOutcome(true, null);
  }

  static SignInOutcome wrongCredentials() {
    return new SignInOutcome(false, WRONG_CREDENTIALS);
  }

  static SignInOutcome malformed(String why) {
    return new SignInOutcome(false, why);
  }

  static SignInOutcome locked(Instant until, ZoneId zone) {
    return new SignInOutcome(
        false,
        "Too many failed sign-ins for this username. Try again after "
            + DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(until)
            + ", or ask the clinic owner to reset the password.");
  }
}
