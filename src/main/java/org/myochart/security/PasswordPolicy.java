package org.myochart.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff password must be. Length matters more than character classes (NIST SP 800-63B),
 * so the rule is a long minimum, a cap that keeps hashing cheap, and no password built from the
 * username.
 */
public final class PasswordPolicy {

  public static final int MINIMUM_LENGTH = 12;
  public static final int MAXIMUM_LENGTH = 128;

  private PasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> problemWith(String password, String username) {
    if (password == null || password.isEmpty()) {
      return Optional.of("Enter a password.");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH) {
      return Optional.of(
          "The password must have at least " + MINIMUM_LENGTH + " characters; it has " + length + ".");
    }
    if (length > MAXIMUM_LENGTH) {
      return Optional.of("The password may have at most " + MAXIMUM_LENGTH + " characters.");
    }
    if (password.isBlank()) {
      return Optional.of("The password cannot be only spaces.");
    }
    if (password.codePoints().distinct().count() < 4) {
      return Optional.of("The password repeats too few different characters; choose a longer phrase.");
    }
    if (username != null
        && !username.isBlank()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("The password must not contain the username.");
    }
    return Optional.empty();
  }
}
