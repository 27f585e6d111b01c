package org.myochart.treatment.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.web.ClinicalDoor;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.RedFlag;
import org.myochart.client.web.ClientLookup;
import org.myochart.consent.TreatmentGate;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.security.web.CurrentStaff;
import org.myochart.treatment.SessionKind;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/** The therapist asks today's questions and starts a session, if nothing stands in the way. */
@Named
@ViewScoped
public class SessionStartPage implements Serializable {

  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject SoapNotes notes;
  @Inject TreatmentGate gate;
  @Inject CurrentStaff staff;

  private Long clientId;
  private String clientName;
  private TreatmentGate.Readiness readiness;
  private SessionKind kind;
  private String acuteAttack;
  private String changedSinceLast;
  private List<String> redFlags = new ArrayList<>();

  public void load() throws IOException {
    var client = ClientLookup.orNotFound(clients, clientId);
    if (client.isEmpty()) {
      return;
    }
    if (!ClinicalDoor.opens(caseloads, clientId)) {
      return;
    }
    Client c = client.get();
    clientName = c.getFullName();
    readiness = gate.check(clientId);
    kind = notes.suggestedKind(clientId);
  }

  public String start() {
    if (!"yes".equals(acuteAttack) && !"no".equals(acuteAttack)
        || !"yes".equals(changedSinceLast) && !"no".equals(changedSinceLast)) {
      Messages.error("Answer both of today's questions with Yes or No.");
      FacesContext.getCurrentInstance().validationFailed();
      return null;
    }
    EnumSet<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
    for (String flag : redFlags) {
      try {
        flags.add(RedFlag.valueOf(flag));
      } catch (IllegalArgumentException e) {
        Messages.error("Unknown warning sign.");
        return null;
      }
    }
    try {
      SoapNote note =
          notes.startSession(
              clientId,
              kind,
              new SoapNotes.TodaysCheck(
                  "yes".equals(acuteAttack), "yes".equals(changedSinceLast), flags),
              staff.getDisplayName());
      return "/clinical/note.xhtml?faces-redirect=true&id=" + note.getId();
    } catch (RuleViolation refused) {
      readiness = gate.check(clientId);
      Messages.refused(refused, "start");
      return null;
    }
  }

  public RedFlag[] getAllRedFlags() {
    return RedFlag.values();
  }

  public SessionKind[] getKinds() {
    return SessionKind.values();
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

  public TreatmentGate.Readiness getReadiness() {
    return readiness;
  }

  public SessionKind getKind() {
    return kind;
  }

  public void setKind(SessionKind kind) {
    this.kind = kind;
  }

  public String getAcuteAttack() {
    return acuteAttack;
  }

  public void setAcuteAttack(String v) {
    acuteAttack = v;
  }

  public String getChangedSinceLast() {
    return changedSinceLast;
  }

  public void setChangedSinceLast(String v) {
    changedSinceLast = v;
  }

  public List<String> getRedFlags() {
    return redFlags;
  }

  public void setRedFlags(List<String> redFlags) {
    this.redFlags = redFlags;
  }
}
