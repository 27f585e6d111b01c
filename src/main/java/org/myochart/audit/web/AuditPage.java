package org.myochart.audit.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntryText;
import org.myochart.audit.AuditFilter;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditSearch;
import org.myochart.client.Clients;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;

/**
 * The owner's audit page. The filter travels in the address, so a search can be bookmarked, kept
 * over a reload and linked from every record page; the form posts, and a valid filter is answered
 * with a redirect to its address. Each search is audited once as a view; turning and sorting pages
 * is not. The table reads a page at a time ({@link AuditEntries}).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final DateTimeFormatter CLINIC_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ISO_INSTANT;

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

  private ClientChoice clientChoice;
  private AuditFilter filter;
  private AuditEntries entries;
  private Map<String, String> staffNames;

  /** Reads the filter from the address, records the search and opens the table. */
  public void load() {
    try {
      filter = AuditFilter.of(staff, client, action, from, to, type, id);
      if (filter.clientId() != null) {
        clientChoice =
            clients
                .find(filter.clientId())
                .map(ClientChoice::of)
                .orElseThrow(
                    () ->
                        RuleViolation.invalidFields(
                            Map.of("client", "That client does not exist; choose one by name.")));
      }
      search.recordView(filter);
      entries = new AuditEntries(this, filter);
    } catch (RuleViolation refused) {
      filter = null;
      refuse(refused);
    }
  }

  /**
   * Shows a refused filter: next to its field, or at the top for the record of a History link,
   * which has no field.
   */
  private static void refuse(RuleViolation refused) {
    Messages.refused(refused, "filter");
    refused
        .fieldProblems()
        .forEach(
            (field, text) -> {
              if (field.equals("type") || field.equals("id")) {
                Messages.error(text);
              }
            });
  }

  /**
   * Checks what was chosen; a valid filter goes to its own address, a refused one stays on the page
   * with every choice as it was and the problem next to its field.
   */
  public void search() throws IOException {
    client = clientChoice == null ? null : Long.toString(clientChoice.id());
    AuditFilter asked;
    try {
      asked = AuditFilter.of(staff, client, action, from, to, type, id);
    } catch (RuleViolation refused) {
      filter = null;
      entries = null;
      refuse(refused);
      return;
    }
    var external = FacesContext.getCurrentInstance().getExternalContext();
    String query = query(asked, true);
    external.redirect(
        external.getRequestContextPath()
            + "/owner/audit.xhtml"
            + (query.isEmpty() ? "" : "?" + query));
  }

  /** Clients whose name (or date of birth) matches what was typed, for the client filter. */
  public List<ClientChoice> completeClient(String typed) {
    if (typed == null || typed.strip().length() < 2) {
      return List.of();
    }
    return clients.search(typed, true, 0, 10).clients().stream().map(ClientChoice::of).toList();
  }

  /** The client filter's value in the form: the client's id, never shown or typed. */
  public Converter<ClientChoice> getClientConverter() {
    return new ClientChoices();
  }

  /** The lines of one page as the table shows them. */
  List<AuditRow> rows(List<AuditLine> lines) {
    Map<Long, String> names = new HashMap<>();
    AuditEntryText text =
        new AuditEntryText(
            clientId ->
                names.computeIfAbsent(
                    clientId, key -> clients.find(key).map(ClientChoice::label).orElse(null)),
            username -> staffNames().get(username));
    return lines.stream()
        .map(
            line ->
                new AuditRow(
                    line.id(),
                    CLINIC_TIME.format(line.occurredAt().atZone(settings.zone())),
                    UTC_TIME.format(line.occurredAt()),
                    line.actor(),
                    text.actor(line.actor()),
                    line.actorRole(),
                    AuditAction.labelOf(line.action()),
                    text.record(line.recordType(), line.recordId()),
                    line.recordType(),
                    line.recordId(),
                    line.clientId() == null ? "" : text.client(line.clientId()),
                    text.detail(line.detail()),
                    line.ipAddress(),
                    line.userAgent()))
        .toList();
  }

  private Map<String, String> staffNames() {
    if (staffNames == null) {
      Map<String, String> byUsername = new HashMap<>();
      staffAccounts.all().forEach(s -> byUsername.put(s.getUsername(), s.getDisplayName()));
      staffNames = byUsername;
    }
    return staffNames;
  }

  /** The shown filter as it goes into the address of the CSV and of a search. */
  public String getQuery() {
    return filter == null ? "" : query(filter, true);
  }

  /** The shown filter without its one record: every record's entries. */
  public String getAllRecordsQuery() {
    return filter == null ? "" : query(filter, false);
  }

  private static String query(AuditFilter filter, boolean withRecord) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("staff", filter.staff());
    parameters.put("client", filter.clientId());
    parameters.put("action", filter.action());
    parameters.put("from", filter.from());
    parameters.put("to", filter.to());
    if (withRecord) {
      parameters.put("type", filter.recordType());
      parameters.put("id", filter.recordId());
    }
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
  public String history(AuditRow row) {
    return "type="
        + URLEncoder.encode(row.recordType(), StandardCharsets.UTF_8)
        + "&id="
        + URLEncoder.encode(row.recordId(), StandardCharsets.UTF_8);
  }

  /** The one record whose history is shown, in words, or null. */
  public String getRecord() {
    return filter == null || filter.recordType() == null
        ? null
        : new AuditEntryText(id -> null, name -> null)
            .record(filter.recordType(), filter.recordId());
  }

  /** Every account, deactivated ones too: their entries stay in the trail. */
  public List<StaffAccount> getStaffAccounts() {
    return staffAccounts.all();
  }

  /** The actions by their label. */
  public List<AuditAction> getActions() {
    return Arrays.stream(AuditAction.values())
        .sorted(Comparator.comparing(AuditAction::label))
        .toList();
  }

  public boolean isSearched() {
    return entries != null;
  }

  public AuditEntries getEntries() {
    return entries;
  }

  /** The client the shown entries are about, or null. */
  public ClientChoice getAbout() {
    return filter == null || filter.clientId() == null ? null : clientChoice;
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

  public ClientChoice getClientChoice() {
    return clientChoice;
  }

  public void setClientChoice(ClientChoice clientChoice) {
    this.clientChoice = clientChoice;
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

  /** Turns the client filter's hidden value (an id) into the client and back. */
  private final class ClientChoices implements Converter<ClientChoice>, Serializable {

    @Override
    public ClientChoice getAsObject(
        FacesContext context, jakarta.faces.component.UIComponent component, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return clients
            .find(Long.parseLong(value.strip()))
            .map(ClientChoice::of)
            .orElseThrow(NumberFormatException::new);
      } catch (NumberFormatException e) {
        throw new ConverterException(
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                "Choose the client by name from the suggestions.",
                null));
      }
    }

    @Override
    public String getAsString(
        FacesContext context, jakarta.faces.component.UIComponent component, ClientChoice value) {
      return value == null ? "" : Long.toString(value.id());
    }
  }
}
