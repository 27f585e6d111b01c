package org.myochart.consent.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.ScannedDocument;
import org.myochart.client.web.ClientLookup;
import org.myochart.client.web.Uploads;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.consent.FormItem;
import org.myochart.consent.FormKind;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.primefaces.model.file.UploadedFile;

/**
 * Staff record a consent the client signed on paper: which form version, the date on the page, who
 * signed, the answers as ticked on paper, and the scan.
 */
@Named
@ViewScoped
public class PaperConsentPage implements Serializable {

  @Inject Clients clients;
  @Inject ConsentForms forms;
  @Inject Consents consents;

  private Long clientId;
  private String clientName;
  private boolean minor;
  private List<ConsentFormVersion> versions = List.of();
  private Long versionId;
  private LocalDate signedOn;
  private String signerName;
  private String guardianRelationship;
  private boolean allAcknowledged;
  private final Map<String, String> choices = new HashMap<>();
  private final String submissionId = UUID.randomUUID().toString();
  private transient UploadedFile scan;
  // A scan that was accepted as a file but whose form was refused for something else: kept here
  // for the next try, so that nobody has to attach it again.
  private ScannedDocument keptScan;

  public void load() throws IOException {
    var client = ClientLookup.orNotFound(clients, clientId);
    if (client.isEmpty()) {
      return;
    }
    Client c = client.get();
    clientName = c.getFullName();
    minor = c.isMinorOn(clients.today());
    signerName = minor ? null : clientName;
    versions = forms.activeLatest(FormKind.TREATMENT);
    versionId = versions.isEmpty() ? null : versions.get(0).getId();
    signedOn = clients.today();
  }

  public ConsentFormVersion getVersion() {
    return versionId == null
        ? null
        : versions.stream().filter(v -> v.getId().equals(versionId)).findFirst().orElse(null);
  }

  @ShowsRuleViolations(form = "paper")
  public String save() {
    ConsentFormVersion version = getVersion();
    if (version == null) {
      Messages.error("Choose the form the client signed.");
      return null;
    }
    Map<String, Boolean> answers = new HashMap<>();
    for (FormItem item : version.getItems()) {
      if (item.isAcknowledgement()) {
        answers.put(item.getCode(), allAcknowledged);
      } else if ("yes".equals(choices.get(item.getCode()))
          || "no".equals(choices.get(item.getCode()))) {
        answers.put(item.getCode(), "yes".equals(choices.get(item.getCode())));
      }
    }
    // The file is checked first, but its problem is shown together with every other one.
    String scanProblem = null;
    try {
      ScannedDocument attached = Uploads.scan(scan, "scan");
      if (attached != null) {
        keptScan = attached;
      }
    } catch (RuleViolation refused) {
      scanProblem = refused.fieldProblems().get("scan");
      keptScan = null;
    }
    try {
      consents.recordPaper(
          clientId,
          versionId,
          signedOn,
          signerName,
          guardianRelationship,
          answers,
          keptScan,
          submissionId);
    } catch (RuleViolation refused) {
      if (scanProblem == null || refused.kind() != RuleViolation.Kind.INVALID) {
        throw refused;
      }
      Map<String, String> problems = new java.util.LinkedHashMap<>(refused.fieldProblems());
      problems.put("scan", scanProblem);
      throw RuleViolation.invalidFields(problems);
    }
    Messages.flash("The paper consent was recorded.");
    return "/staff/clients/client.xhtml?faces-redirect=true&tab=consents&id=" + clientId;
  }

  public Long getClientId() {
    return clientId;
  }

  public void setClientId(Long clientId) {
    this.clientId = clientId;
  }

  public String getClientName() {
    return clientName;
  }

  public boolean isMinor() {
    return minor;
  }

  public List<ConsentFormVersion> getVersions() {
    return versions;
  }

  public Long getVersionId() {
    return versionId;
  }

  public void setVersionId(Long versionId) {
    this.versionId = versionId;
  }

  public LocalDate getSignedOn() {
    return signedOn;
  }

  public void setSignedOn(LocalDate signedOn) {
    this.signedOn = signedOn;
  }

  public String getSignerName() {
    return signerName;
  }

  public void setSignerName(String signerName) {
    this.signerName = signerName;
  }

  public String getGuardianRelationship() {
    return guardianRelationship;
  }

  public void setGuardianRelationship(String relationship) {
    this.guardianRelationship = relationship;
  }

  public boolean isAllAcknowledged() {
    return allAcknowledged;
  }

  public void setAllAcknowledged(boolean allAcknowledged) {
    this.allAcknowledged = allAcknowledged;
  }

  public Map<String, String> getChoices() {
    return choices;
  }

  public UploadedFile getScan() {
    return scan;
  }

  /** The scan kept from an earlier try, or null. */
  public ScannedDocument getKeptScan() {
    return keptScan;
  }

  /** The kept scan as the page names it: file name and size. */
  public String getKeptScanLabel() {
    return keptScan == null
        ? null
        : keptScan.fileName() + " (" + Math.max(1, keptScan.content().length / 1024) + " KB)";
  }

  public void setScan(UploadedFile scan) {
    this.scan = scan;
  }
}
