package org.myochart.platform;

import java.util.Map;
import java.util.Optional;

/**
 * Length and character checks shared by every free-text field of a client record, and the stricter
 * rule for people's names (clients, their contacts and physicians, signers, staff).
 */
public final class TextRules {

  private TextRules() {}

  /** Trims; an empty value becomes null. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public static void check(Map<String, String> problems, String field, String label, String value, int max,
      boolean required, boolean multiline) {
    if (value == null) {
      if (required) {
        problems.put(field, "Enter the " + label + ".");
      }
      return;
    }
    if (value.length() > max) {
      problems.put(field, "The " + label + " may have at most " + max + " characters; it has " + value.length() + ".");
      return;
    }
    boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    if (control) {
      problems.put(field, "The " + label + " contains characters that cannot be stored.");
    }
  }

  /**
   * A person's name: the checks of a one-line field, and no invisible or text-direction character.
   * Such characters make a name display as something else ("Evil", a right-to-left override and
   * "elif.exe" shows as "Evilexe.file") or two names look the same that are not, on screens, in
   * searches and in sealed PDFs.
   */
  public static void checkName(Map<String, String> problems, String field, String label, String value, int max,
      boolean required) {
    check(problems, field, label, value, max, required, false);
    if (!problems.containsKey(field)) {
      hiddenCharacterProblem(label, value).ifPresent(problem -> problems.put(field, problem));
    }
  }

  /** Why a name with an invisible or text-direction character is refused, or empty when it has none. */
  public static Optional<String> hiddenCharacterProblem(String label, String value) {
    if (value == null || value.codePoints().noneMatch(TextRules::invisibleOrDirectional)) {
      return Optional.empty();
    }
    return Optional.of("The " + label + " contains an invisible or text-direction character; type it again"
        + " without copying it from elsewhere.");
  }

  /**
   * Unicode format characters (category Cf): the bidirectional embeddings, overrides, isolates and
   * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width space, joiners and
   * word joiner (U+200B–U+200D, U+2060), the byte-order mark U+FEFF and the soft hyphen U+00AD;
   * and the letters that are drawn as nothing at all (Hangul fillers, the blank Braille cell).
   */
  static boolean invisibleOrDirectional(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT
        || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
        || codePoint == 0x2800;
  }
}
