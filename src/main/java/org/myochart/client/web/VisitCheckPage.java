package org.myochart.client.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.EnumSet;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.web.ClinicalDoor;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.RedFlag;
import org.myochart.platform.web.Messages;

/** The day-of-visit questions, asked before each session. */
@Named
@ViewScoped
public class VisitCheckPage implements Serializable {

  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject Intakes intakes;

  private Long clientId;
  private String clientName;
  private Boolean acuteSevereAttack;
  private Boolean changedSinceLast;
  private RedFlag[] redFlags = new RedFlag[0];

  public void load() throws IOException {
    var client = ClientLookup.orNotFound(clients, clientId);
    if (client.isEmpty()) {
      return;
    }
    if (!ClinicalDoor.opens(caseloads, clientId)) {
      return;
    }
    clientName = client.get().getFullName();
  }

  public String save() {
    intakes.recordVisitCheck(
        clientId,
        Boolean.TRUE.equals(acuteSevereAttack),
        Boolean.TRUE.equals(changedSinceLast),
        redFlags.length == 0
            ? EnumSet.noneOf(RedFlag.class)
            : EnumSet.copyOf(java.util.Arrays.asList(redFlags)));
    Messages.flash("Today's check was recorded.");
    return "/staff/clients/client.xhtml?faces-redirect=true&id=" + clientId;
  }

  public RedFlag[] getAllRedFlags() {
    return RedFlag.values();
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

  public Boolean getAcuteSevereAttack() {
    return acuteSevereAttack;
  }

  public void setAcuteSevereAttack(Boolean v) {
    acuteSevereAttack = v;
  }

  public Boolean getChangedSinceLast() {
    return changedSinceLast;
  }

  public void setChangedSinceLast(Boolean v) {
    changedSinceLast = v;
  }

  public RedFlag[] getRedFlags() {
    return redFlags.clone();
  }

  public void setRedFlags(RedFlag[] v) {
    redFlags = v == null ? new RedFlag[0] : v.clone();
  }
}
