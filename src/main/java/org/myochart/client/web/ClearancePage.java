package org.myochart.client.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.web.ClinicalDoor;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.ScannedDocument;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.primefaces.model.file.UploadedFile;

/** A therapist records that a physician has cleared the client for massage. */
@Named
@ViewScoped
public class ClearancePage implements Serializable {

  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject Intakes intakes;

  private Long clientId;
  private String clientName;
  private String physicianName;
  private LocalDate clearedOn;
  private String note;
  private transient UploadedFile letter;

  public void load() throws IOException {
    var client = ClientLookup.orNotFound(clients, clientId);
    if (client.isEmpty()) {
      return;
    }
    if (!ClinicalDoor.opens(caseloads, clientId)) {
      return;
    }
    clientName = client.get().getFullName();
    physicianName = client.get().getPhysicianName();
  }

  @ShowsRuleViolations(form = "clearance")
  public String save() {
    ScannedDocument attached = Uploads.scan(letter, "letter");
    intakes.recordClearance(clientId, physicianName, clearedOn, note, attached);
    Messages.flash("The medical clearance was recorded.");
    return "/staff/clients/client.xhtml?faces-redirect=true&id=" + clientId;
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

  public String getPhysicianName() {
    return physicianName;
  }

  public void setPhysicianName(String v) {
    physicianName = v;
  }

  public LocalDate getClearedOn() {
    return clearedOn;
  }

  public void setClearedOn(LocalDate v) {
    clearedOn = v;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String v) {
    note = v;
  }

  public UploadedFile getLetter() {
    return letter;
  }

  public void setLetter(UploadedFile letter) {
    this.letter = letter;
  }
}
