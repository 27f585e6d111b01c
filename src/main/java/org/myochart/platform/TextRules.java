package org.myochart.platform;

import java.util.Map;

/**
 * The hand-written text check the treatment package still uses for notes, addenda and plans. Every
 * other form states its rules as Bean Validation constraints ({@code org.myochart.platform.validation},
 * ADR-046); this class goes once a note's fields carry theirs.
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
}
