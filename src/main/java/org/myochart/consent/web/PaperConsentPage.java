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
    ScannedDocument document = Uploads.scan(scan, "scan");
    consents.recordPaper(
        clientId,
        versionId,
        signedOn,
        signerName,
        guardianRelationship,
        answers,
        document,
        submissionId);
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

  public void setScan(UploadedFile scan) {
    this.scan = scan;
  }
}
