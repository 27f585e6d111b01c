package org.myochart.audit.web;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditFilter;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditSearch;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/**
 * The owner's audit page. The filter travels in the address, so a search can be bookmarked and
 * every record page can link to its own history; the first page of a search is audited as a view,
 * turning pages is not.
 */
@Named
@RequestScoped
public class AuditPage {

  public static final int PAGE_SIZE = 50;

  private static final DateTimeFormatter CLINIC_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ISO_INSTANT;
  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  @Inject AuditSearch search;
  @Inject StaffAccounts staffAccounts;
  @Inject Clients clients;
  @Inject ClinicSettings settings;

  private String staff;
  private String client;
  private String action;
  private String from;
  private String to;
  private String type;
  private String id;
  private String before;
  private String after;

  private AuditFilter filter;
  private Client about;
  private AuditSearch.Results results;
  private Map<String, String> problems = Map.of();

  public void search() {
    try {
      filter = AuditFilter.of(staff, client, action, from, to, type, id);
      if (filter.clientId() != null) {
        about =
            clients
                .find(filter.clientId())
                .orElseThrow(
                    () ->
                        RuleViolation.invalidFields(
                            Map.of("client", "There is no client " + filter.clientId() + ".")));
      }
      Long olderThan = entryId("before", before);
      Long newerThan = entryId("after", after);
      results = search.page(filter, olderThan, newerThan, PAGE_SIZE);
      if (olderThan == null && newerThan == null) {
        search.recordView(filter);
      }
    } catch (RuleViolation refused) {
      problems = refused.fieldProblems();
      filter = null;
      Messages.error(refused.getMessage());
    }
  }

  private static Long entryId(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw RuleViolation.invalid(
        "The page address is damaged ('"
            + name
            + "' must be an entry number); "
            + "start again from the first page.");
  }

  /** The filter as it goes into the address of the CSV, the other pages and record histories. */
  public String getQuery() {
    if (filter == null) {
      return "";
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("staff", filter.staff());
    parameters.put("client", filter.clientId());
    parameters.put("action", filter.action());
    parameters.put("from", filter.from());
    parameters.put("to", filter.to());
    parameters.put("type", filter.recordType());
    parameters.put("id", filter.recordId());
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query
                .append(query.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  /** The address of the history of one record. */
  public String history(AuditLine line) {
    return "type="
        + URLEncoder.encode(line.recordType(), StandardCharsets.UTF_8)
        + "&id="
        + URLEncoder.encode(line.recordId(), StandardCharsets.UTF_8);
  }

  public String clinicTime(Instant instant) {
    return CLINIC_TIME.format(instant.atZone(settings.zone()));
  }

  public String utcTime(Instant instant) {
    return UTC_TIME.format(instant);
  }

  /** The detail laid out for reading: JSON indented, anything else as written. */
  public String detail(AuditLine line) {
    String detail = line.detail();
    if (detail == null || detail.isBlank()) {
      return "";
    }
    String text = detail.strip();
    if (!text.startsWith("{") && !text.startsWith("[")) {
      return detail;
    }
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonStructure json = reader.read();
      StringWriter out = new StringWriter();
      try (var writer = PRETTY.createWriter(out)) {
        writer.write(json);
      }
      return out.toString().strip();
    } catch (JsonException e) {
      return detail;
    }
  }

  /** Whether the detail is long enough to fold away behind its first characters. */
  public boolean longDetail(AuditLine line) {
    return line.detail() != null && line.detail().length() > 160;
  }

  public String summary(AuditLine line) {
    return line.detail().substring(0, 80) + "…";
  }

  public List<StaffAccount> getStaffAccounts() {
    return staffAccounts.all();
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public boolean isSearched() {
    return results != null;
  }

  public AuditSearch.Results getResults() {
    return results;
  }

  public Client getAbout() {
    return about;
  }

  public Map<String, String> getProblems() {
    return problems;
  }

  public String getZone() {
    return settings.zone().getId();
  }

  public String getStaff() {
    return staff;
  }

  public void setStaff(String staff) {
    this.staff = staff;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }
}
