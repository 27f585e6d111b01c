package org.myochart.platform;

/** What a person typed, as a record keeps it: trimmed, and nothing at all when only spaces. */
public final class TypedText {

  private TypedText() {}

  /** Trims; an empty value becomes null. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * Trims, and null unless a letter or digit remains: a reason made only of spaces, no-break
   * spaces, zero-width or control characters or punctuation says nothing.
   */
  public static String saying(String value) {
    String trimmed = clean(value);
    return trimmed != null && trimmed.codePoints().anyMatch(Character::isLetterOrDigit)
        ? trimmed
        : null;
  }
}
