package org.myochart.security;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a staff password must be. Length matters more than character classes (NIST SP 800-63B), so
 * the rule is a long minimum, a cap that keeps hashing cheap, no password built from the username,
 * and no password that zxcvbn's estimator guesses easily: common passwords, keyboard walks,
 * sequences, repeats, dates, and the person's own names or the clinic's software. A new password
 * for an existing account must also differ from the one it has now (OWASP ASVS V2.1).
 */
public final class PasswordPolicy {

  public static final int MINIMUM_LENGTH = 12;
  public static final int MAXIMUM_LENGTH = 128;

  /** zxcvbn's scores run from 0 to 4; 3 means "safely unguessable" (about 10^8 guesses or more). */
  static final int MINIMUM_SCORE = 3;

  private static final Zxcvbn ESTIMATOR = new Zxcvbn();

  private PasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> problemWith(String password, String username) {
    return problemWith(password, username, null);
  }

  /**
   * Why the password is refused, or empty when it is acceptable; the username and display name
   * count as easy guesses.
   */
  public static Optional<String> problemWith(String password, String username, String displayName) {
    if (password == null || password.isEmpty()) {
      return Optional.of("Enter a password.");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH) {
      return Optional.of(
          "The password must have at least "
              + MINIMUM_LENGTH
              + " characters; it has "
              + length
              + ".");
    }
    if (length > MAXIMUM_LENGTH) {
      return Optional.of("The password may have at most " + MAXIMUM_LENGTH + " characters.");
    }
    if (password.isBlank()) {
      return Optional.of("The password cannot be only spaces.");
    }
    if (password.codePoints().distinct().count() < 4) {
      return Optional.of(
          "The password repeats too few different characters; choose a longer phrase.");
    }
    if (username != null
        && !username.isBlank()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("The password must not contain the username.");
    }
    Strength strength = ESTIMATOR.measure(password, contextWords(username, displayName));
    if (strength.getScore() < MINIMUM_SCORE) {
      return Optional.of(tooEasyToGuess(strength.getFeedback()));
    }
    return Optional.empty();
  }

  /**
   * Why a new password for an existing account is refused: the rule above, or that it is the
   * account's current password. {@code isCurrentPassword} checks a candidate against the stored
   * hash.
   */
  public static Optional<String> problemWithReplacement(
      String password, String username, String displayName, Predicate<String> isCurrentPassword) {
    Optional<String> problem = problemWith(password, username, displayName);
    if (problem.isPresent()) {
      return problem;
    }
    if (isCurrentPassword.test(password)) {
      return Optional.of("That is the account's current password; choose a different one.");
    }
    return Optional.empty();
  }

  private static List<String> contextWords(String username, String displayName) {
    List<String> words = new ArrayList<>(List.of("myochart", "massage", "clinic", "migraine"));
    if (username != null && !username.isBlank()) {
      words.add(username.toLowerCase(Locale.ROOT));
    }
    if (displayName != null) {
      for (String part : displayName.split("\\s+")) {
        if (!part.isBlank()) {
          words.add(part.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  private static String tooEasyToGuess(Feedback feedback) {
    StringBuilder message = new StringBuilder("The password is too easy to guess.");
    String warning = feedback.getWarning(Locale.ENGLISH);
    if (warning != null && !warning.isBlank()) {
      message.append(' ').append(warning.strip());
      if (!warning.strip().endsWith(".")) {
        message.append('.');
      }
    }
    message.append(
        " Choose three or four unrelated words, or add another uncommon word;"
            + " avoid names, dates, sequences and rows of keys.");
    return message.toString();
  }
}
