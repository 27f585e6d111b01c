package org.myochart.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.myochart.platform.RuleViolation;

/**
 * What an audit export covers: records sealed from the first day to the last day (both included, in
 * the clinic's time zone), optionally only those one therapist signed or one client's; and whether
 * the archive also carries, for each client with a record in it, the client's HL7 FHIR R4 Bundle
 * for the physician's record systems (off unless asked for).
 */
public record ExportScope(
    LocalDate from, LocalDate to, String therapist, Long clientId, boolean fhirBundles) {

  /** The longest range one export covers; longer histories are exported in parts. */
  public static final int MAXIMUM_YEARS = 10;

  public ExportScope {
    therapist = therapist == null || therapist.isBlank() ? null : therapist.strip();
  }

  /** A scope without FHIR Bundles. */
  public ExportScope(LocalDate from, LocalDate to, String therapist, Long clientId) {
    this(from, to, therapist, clientId, false);
  }

  /** The same records, with or without the clients' FHIR Bundles. */
  public ExportScope withFhirBundles(boolean include) {
    return new ExportScope(from, to, therapist, clientId, include);
  }

  /**
   * Reads a requested range, refusing what no clinic means: a missing or malformed date, a range
   * that ends before it starts or after today, or one longer than {@value #MAXIMUM_YEARS} years.
   */
  public static ExportScope of(
      String from, String to, String therapist, Long clientId, LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate first = date("from", from, problems);
    LocalDate last = date("to", to, problems);
    if (first != null && last != null) {
      if (first.isAfter(last)) {
        problems.put("from", "The range starts (" + first + ") after it ends (" + last + ").");
      } else if (last.isAfter(today)) {
        problems.put(
            "to",
            "The range ends in the future (" + last + "); the latest end is today, " + today + ".");
      } else if (!last.isBefore(first.plusYears(MAXIMUM_YEARS))) {
        problems.put(
            "to",
            "One export covers at most " + MAXIMUM_YEARS + " years; split the range into parts.");
      }
    }
    if (therapist != null && therapist.strip().length() > 120) {
      problems.put("therapist", "The therapist's username is longer than 120 characters.");
    }
    if (clientId != null && clientId <= 0) {
      problems.put("client", "A client id is a positive number.");
    }
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
    return new ExportScope(first, last, therapist, clientId);
  }

  private static LocalDate date(String field, String text, Map<String, String> problems) {
    if (text == null || text.isBlank()) {
      problems.put(field, "Give the '" + field + "' date as YYYY-MM-DD.");
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.put(
          field, "'" + abbreviate(text.strip()) + "' is not a date of the form YYYY-MM-DD.");
      return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** The first instant of the range in the clinic's zone. */
  public java.time.Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the range in the clinic's zone. */
  public java.time.Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean filtered() {
    return therapist != null || clientId != null;
  }

  /** A short description for lists and the archive's read-me. */
  public String describe() {
    StringBuilder text = new StringBuilder(from + " to " + to);
    if (therapist != null) {
      text.append(", signed by ").append(therapist);
    }
    if (clientId != null) {
      text.append(", client ").append(clientId);
    }
    if (fhirBundles) {
      text.append(", with FHIR bundles");
    }
    return text.toString();
  }
}
