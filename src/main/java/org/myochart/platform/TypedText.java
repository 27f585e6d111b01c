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
}
