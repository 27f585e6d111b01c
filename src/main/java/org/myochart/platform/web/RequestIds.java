package org.myochart.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.myochart.platform.RuleViolation;

/**
 * Record ids in download and action addresses ({@code ?id=42}); anything else is refused with 400.
 */
public final class RequestIds {

  private RequestIds() {}

  /** The numeric parameter, or a refusal (400) saying {@code whenMissing}. */
  public static long required(HttpServletRequest request, String name, String whenMissing) {
    String value = request.getParameter(name);
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw RuleViolation.invalid(whenMissing);
    }
  }
}
