package org.myochart.audit;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.myochart.platform.RuleViolation;

/**
 * What the owner asks of the audit trail: entries by one staff member (their own, and those of
 * kiosk sessions they started), about one client and that client's records, of one action, within
 * days of the clinic's calendar, or about one record. Every part is optional; an empty filter means
 * the whole trail.
 */
public record AuditFilter(
    String staff,
    Long clientId,
    AuditAction action,
    LocalDate from,
    LocalDate to,
    String recordType,
    String recordId)
    implements java.io.Serializable {

  public static final AuditFilter EVERYTHING =
      new AuditFilter(null, null, null, null, null, null, null);

  private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,59}");

  /**
   * Reads the filter from what a person typed or a link carried (blank means not set), refusing
   * malformed dates, a range that ends before it starts, a client reference that is not a client's
   * id (the page fills it from the client picked by name), an unknown action and a record id
   * without its type.
   */
  public static AuditFilter of(
      String staff,
      String client,
      String action,
      String from,
      String to,
      String recordType,
      String recordId) {
    Map<String, String> problems = new LinkedHashMap<>();
    String who = blankToNull(staff);
    if (who != null && who.length() > 120) {
      problems.put("staff", "A staff username has at most 120 characters.");
    }
    Long clientId = null;
    String clientText = blankToNull(client);
    if (clientText != null) {
      try {
        clientId = Long.parseLong(clientText);
      } catch (NumberFormatException e) {
        clientId = null;
      }
      if (clientId == null || clientId <= 0) {
        problems.put(
            "client",
            "Choose the client by name from the suggestions; '"
                + abbreviate(clientText)
                + "' does not name one.");
        clientId = null;
      }
    }
    AuditAction what = null;
    String actionText = blankToNull(action);
    if (actionText != null) {
      try {
        what = AuditAction.valueOf(actionText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.put(
            "action", "'" + abbreviate(actionText) + "' is not an action the audit trail records.");
      }
    }
    LocalDate first = date("from", "first", from, problems);
    LocalDate last = date("to", "last", to, problems);
    if (first != null && last != null && first.isAfter(last)) {
      problems.put("to", "The last day (" + last + ") is before the first day (" + first + ").");
    }
    String type = blankToNull(recordType);
    if (type != null && !RECORD_TYPE.matcher(type).matches()) {
      problems.put(
          "type",
          "A record type is one word of letters, such as SoapNote or Client; '"
              + abbreviate(type)
              + "' is not.");
    }
    String id = blankToNull(recordId);
    if (id != null && id.length() > 60) {
      problems.put("id", "A record id has at most 60 characters.");
    } else if (id != null && type == null) {
      problems.put("id", "Give the record type as well as the record id.");
    }
    if (!problems.isEmpty()) {
      throw RuleViolation.invalidFields(problems);
    }
    return new AuditFilter(who, clientId, what, first, last, type, id);
  }

  /** The first instant of the first day in the clinic's zone, or null without a first day. */
  public Instant start(ZoneId zone) {
    return from == null ? null : from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the last day in the clinic's zone, or null without a last day. */
  public Instant end(ZoneId zone) {
    return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean isEverything() {
    return equals(EVERYTHING);
  }

  /** The filter as JSON, for the detail of the audit entries that record a search or an export. */
  public String describe() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (staff != null) {
      json.add("staff", staff);
    }
    if (clientId != null) {
      json.add("client", clientId);
    }
    if (action != null) {
      json.add("action", action.name());
    }
    if (from != null) {
      json.add("from", from.toString());
    }
    if (to != null) {
      json.add("to", to.toString());
    }
    if (recordType != null) {
      json.add("type", recordType);
    }
    if (recordId != null) {
      json.add("id", recordId);
    }
    return json.build().toString();
  }

  private static LocalDate date(
      String field, String which, String text, Map<String, String> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.put(
          field,
          "Give the "
              + which
              + " day as YYYY-MM-DD; '"
              + abbreviate(value)
              + "' is not such a date.");
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
