package org.myochart.export.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.myochart.client.Clients;
import org.myochart.export.AuditExport;
import org.myochart.export.AuditExports;
import org.myochart.export.ExportJobs;
import org.myochart.export.ExportScope;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;

/**
 * The owner asks for an audit export and follows its progress until the archive can be downloaded.
 */
@Named
@ViewScoped
public class ExportsPage implements Serializable {

  private static final Pattern CLIENT_ID = Pattern.compile("#(\\d{1,18})$");

  @Inject AuditExports exports;
  @Inject ExportJobs jobs;
  @Inject StaffAccounts staff;
  @Inject Clients clients;

  private LocalDate from;
  private LocalDate to;
  private String therapist;
  private String client;
  private boolean fhirBundles;
  private List<AuditExport> recent;

  @ShowsRuleViolations(form = "export")
  public void start() {
    ExportScope scope =
        ExportScope.of(
                from == null ? null : from.toString(),
                to == null ? null : to.toString(),
                therapist,
                chosenClient(),
                exports.today())
            .withFhirBundles(fhirBundles);
    AuditExport export = jobs.request(scope);
    Messages.info("Export " + export.getId() + " of " + scope.describe() + " has started.");
    recent = null;
  }

  public List<AuditExport> getRecent() {
    if (recent == null) {
      recent = exports.recent(20);
    }
    return recent;
  }

  /** Called by the poll: re-reads the list so that progress bars move. */
  public void refresh() {
    recent = null;
  }

  public boolean isAnyRunning() {
    return getRecent().stream().anyMatch(e -> !e.getStatus().finished());
  }

  public List<StaffAccount> getTherapists() {
    return staff.all().stream()
        .filter(s -> s.getRole() == Role.THERAPIST || s.getRole() == Role.OWNER)
        .toList();
  }

  /** Suggestions such as "Anna Bergström · born 1988-04-12 · #7"; the id after # is what counts. */
  public List<String> completeClient(String query) {
    if (query == null || query.strip().length() < 2) {
      return List.of();
    }
    return clients.search(query, true, 0, 10).clients().stream()
        .map(c -> c.getFullName() + " · born " + c.getDateOfBirth() + " · #" + c.getId())
        .toList();
  }

  private Long chosenClient() {
    if (client == null || client.isBlank()) {
      return null;
    }
    Matcher id = CLIENT_ID.matcher(client.strip());
    if (!id.find()) {
      throw RuleViolation.invalidFields(
          java.util.Map.of(
              "client",
              "Choose the client from the suggestions, or leave the field empty for all clients."));
    }
    return Long.parseLong(id.group(1));
  }

  public LocalDate getToday() {
    return exports.today();
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getTherapist() {
    return therapist;
  }

  public void setTherapist(String therapist) {
    this.therapist = therapist;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public boolean isFhirBundles() {
    return fhirBundles;
  }

  public void setFhirBundles(boolean fhirBundles) {
    this.fhirBundles = fhirBundles;
  }
}
