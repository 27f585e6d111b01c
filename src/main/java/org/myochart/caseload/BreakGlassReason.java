package org.myochart.caseload;

import java.util.Map;
import org.myochart.platform.RuleViolation;

/** Why a therapist opens a record outside their caseload: trimmed, 10 to 500 characters. */
public record BreakGlassReason(String text) {

  public static final int SHORTEST = 10;
  public static final int LONGEST = 500;
  public static final String FIELD = "reason";

  public BreakGlassReason {
    String problem = problemWith(text);
    if (problem != null) {
      throw RuleViolation.invalidFields(Map.of(FIELD, problem));
    }
    text = text.strip();
  }

  /** The reason as typed, trimmed; refused with a message the therapist can act on. */
  public static BreakGlassReason of(String typed) {
    return new BreakGlassReason(typed);
  }

  /** What is wrong with the typed reason, or null when it will do. */
  public static String problemWith(String typed) {
    String reason = typed == null ? "" : typed.strip();
    if (reason.isEmpty()) {
      return "Give a reason for opening this clinical record.";
    }
    if (reason.length() < SHORTEST) {
      return "The reason must have at least "
          + SHORTEST
          + " characters; say why you need this record.";
    }
    if (reason.length() > LONGEST) {
      return "The reason may have at most "
          + LONGEST
          + " characters; it has "
          + reason.length()
          + ".";
    }
    if (reason
        .chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      return "The reason contains characters that cannot be stored.";
    }
    return null;
  }
}
