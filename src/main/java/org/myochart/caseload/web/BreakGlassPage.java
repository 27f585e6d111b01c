package org.myochart.caseload.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.myochart.caseload.BreakGlassGrant;
import org.myochart.caseload.BreakGlassReason;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.ClinicalAccess;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.platform.web.Formats;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/**
 * The break-glass screen: a therapist outside the client's caseload gives a reason, or cancels. It
 * stands alone at {@code /clinical/break-glass.xhtml} for the clinical pages and sits on the
 * client's profile in place of the clinical tabs.
 */
@Named
@ViewScoped
public class BreakGlassPage implements Serializable {

  @Inject Caseloads caseloads;
  @Inject Clients clients;
  @Inject HttpServletRequest request;
  @Inject Formats formats;

  private Long client;
  private String next;
  private String clientName;
  private String reason;

  @PostConstruct
  void start() {
    // On the profile the client comes as "id"; the stand-alone screen's view parameters set it
    // again.
    String id =
        request.getParameter("client") != null
            ? request.getParameter("client")
            : request.getParameter("id");
    try {
      client = id == null ? null : Long.valueOf(id);
    } catch (NumberFormatException e) {
      client = null;
    }
  }

  /** The stand-alone screen: a client in the caseload (or the owner) goes straight on. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (client == null || clients.find(client).isEmpty()) {
      faces.getExternalContext().responseSendError(404, "There is no such client.");
      faces.responseComplete();
      return;
    }
    ClinicalAccess access = caseloads.access(client);
    if (access.opens()) {
      faces.getExternalContext().redirect(returnAddress());
      faces.responseComplete();
    } else if (access == ClinicalAccess.REFUSED) {
      faces
          .getExternalContext()
          .responseSendError(403, "Only the owner and therapists read clinical records.");
      faces.responseComplete();
    }
  }

  @ShowsRuleViolations(form = "breakGlass")
  public void open() throws IOException {
    BreakGlassGrant grant = caseloads.breakGlass(client, reason);
    Messages.flash(
        "The clinical record is open to you until "
            + formats.when(grant.getExpiresAt())
            + ". Your reason is recorded and shown to the owner.");
    FacesContext.getCurrentInstance().getExternalContext().redirect(returnAddress());
  }

  private String returnAddress() {
    String path =
        ClinicalDoor.isSafeReturn(next) ? next : "/staff/clients/client.xhtml?id=" + client;
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + path;
  }

  public String getClientName() {
    if (clientName == null && client != null) {
      clientName = clients.find(client).map(Client::getFullName).orElse("");
    }
    return clientName;
  }

  public int getShortest() {
    return BreakGlassReason.SHORTEST;
  }

  public int getLongest() {
    return BreakGlassReason.LONGEST;
  }

  public Long getClient() {
    return client;
  }

  public void setClient(Long client) {
    this.client = client;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
