package org.myochart.consent.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.web.ClientLookup;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.FormPrinted;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Responses;

/** The paper copy of a form for a client who prefers to sign on paper. */
@Named
@RequestScoped
public class PrintableFormPage {

  @Inject Clients clients;
  @Inject ConsentForms forms;
  @Inject AuditTrail audit;

  private Long clientId;
  private Long formId;
  private Client client;
  private ConsentFormVersion version;

  public void load() throws IOException {
    var found = ClientLookup.orNotFound(clients, clientId);
    if (found.isEmpty()) {
      return;
    }
    client = found.get();
    if (formId == null) {
      Responses.sendError(404, "Say which form to print.");
      return;
    }
    try {
      version = forms.latest(formId);
    } catch (RuleViolation refused) {
      Responses.sendError(404, refused.getMessage());
      return;
    }
    audit.recordDetail(
        AuditAction.EXPORT,
        ConsentForms.FORM,
        formId,
        new FormPrinted(clientId, version.getVersionNumber()));
  }

  public boolean isMinor() {
    return client != null && client.isMinorOn(clients.today());
  }

  public Long getClientId() {
    return clientId;
  }

  public void setClientId(Long clientId) {
    this.clientId = clientId;
  }

  public Long getFormId() {
    return formId;
  }

  public void setFormId(Long formId) {
    this.formId = formId;
  }

  public Client getClient() {
    return client;
  }

  public ConsentFormVersion getVersion() {
    return version;
  }
}
