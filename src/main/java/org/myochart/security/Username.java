package org.myochart.security;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-in names: short, lower-case, and safe to show anywhere. */
public final class Username {

  public static final int MAXIMUM_LENGTH = 40;
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  private Username() {}

  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("\\p{Cntrl}");

  public static String normalize(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * What someone typed as a username, as it may be counted, stored and shown: normalized, with
   * control characters (a NUL byte, which PostgreSQL cannot store in text) replaced by U+FFFD.
   */
  public static String asTyped(String raw) {
    return CONTROL.matcher(normalize(raw)).replaceAll("\uFFFD");
  }

  public static Optional<String> problemWith(String raw) {
    String username = normalize(raw);
    if (username.isEmpty()) {
      return Optional.of("Enter a username.");
    }
    if (username.length() > MAXIMUM_LENGTH) {
      return Optional.of("A username may have at most " + MAXIMUM_LENGTH + " characters.");
    }
    if (!ALLOWED.matcher(username).matches()) {
      return Optional.of(
          "A username has 3 to 40 characters: letters a–z, digits, dot, dash or underscore,"
              + " starting with a letter or digit.");
    }
    return Optional.empty();
  }
}
