package org.myochart.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the clinic's rules refuse, with a message a person can act on. Pages show the message;
 * the REST API answers 409 or 400 with it. Throwing it rolls the transaction back, so nothing is
 * half-saved.
 */
public class RuleViolation extends RuntimeException {

  private final Kind kind;
  private final Map<String, String> fieldProblems;

  public enum Kind {
    /** The input itself is wrong (400). */
    INVALID,
    /** The input is fine but conflicts with what is stored (409). */
    CONFLICT,
    /** Someone else changed the record since it was loaded (409). */
    STALE,
    /** The record does not exist (404). */
    NOT_FOUND,
    /** The person may not do this with this record (403). */
    FORBIDDEN
  }

  public RuleViolation(Kind kind, String message) {
    this(kind, message, Map.of());
  }

  private RuleViolation(Kind kind, String message, Map<String, String> fieldProblems) {
    super(message);
    this.kind = kind;
    // Kept in form order: pages and the API list the fields as the form does.
    this.fieldProblems = Collections.unmodifiableMap(new LinkedHashMap<>(fieldProblems));
  }

  /** Several inputs are wrong at once; each field name maps to what is wrong with it. */
  public static RuleViolation invalidFields(Map<String, String> problems) {
    String summary =
        problems.size() == 1
            ? problems.values().iterator().next()
            : "Please correct the " + problems.size() + " marked fields.";
    return new RuleViolation(Kind.INVALID, summary, new LinkedHashMap<>(problems));
  }

  public static RuleViolation invalid(String message) {
    return new RuleViolation(Kind.INVALID, message);
  }

  public static RuleViolation conflict(String message) {
    return new RuleViolation(Kind.CONFLICT, message);
  }

  public static RuleViolation stale(String what) {
    return new RuleViolation(
        Kind.STALE,
        "Someone else changed this "
            + what
            + " while you were editing it. Reload the page to see their changes, then try again.");
  }

  public static RuleViolation notFound(String message) {
    return new RuleViolation(Kind.NOT_FOUND, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status that answers this refusal, for the API and for downloads alike. */
  public int httpStatus() {
    return switch (kind) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case CONFLICT, STALE -> 409;
    };
  }

  /** Field name to message, in form order; empty when the problem is not about one field. */
  public Map<String, String> fieldProblems() {
    return fieldProblems;
  }
}
