package org.myochart.consent.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.myochart.client.web.ClientPage;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.ConsentStanding;
import org.myochart.consent.Consents;
import org.myochart.consent.FormKind;
import org.myochart.consent.WithdrawalRequester;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.KioskSession;
import org.myochart.security.Kiosks;

/**
 * The consent part of a client's profile: what treatment still needs, every consent with its
 * status, and recording a withdrawal.
 */
@Named
@ViewScoped
public class ClientConsentsPanel implements Serializable {

  @Inject Consents consents;
  @Inject ConsentForms forms;
  @Inject HttpServletRequest request;
  @Inject ClientPage profile;
  @Inject Kiosks kiosks;

  private Long clientId;
  private List<ConsentStanding> standings = List.of();
  private List<String> missing = List.of();
  private List<ConsentFormVersion> signable = List.of();
  private boolean electronicRecordsAccepted;
  private Long withdrawing;
  private WithdrawalRequester requestedBy = WithdrawalRequester.CLIENT;
  private String reason;

  @PostConstruct
  void start() {
    // The client is the profile's own, converted by its view parameter; never read from the
    // request.
    clientId = profile.getId();
    if (clientId == null) {
      return;
    }
    try {
      refresh();
    } catch (RuleViolation e) {
      clientId = null;
    }
  }

  private void refresh() {
    standings = consents.standings(clientId);
    missing = consents.missingForTreatment(clientId);
    electronicRecordsAccepted = consents.electronicRecordsAccepted(clientId);
    signable = forms.activeLatest(FormKind.TREATMENT);
  }

  public void beginWithdrawal(long consentId) {
    withdrawing = consentId;
    requestedBy = WithdrawalRequester.CLIENT;
    reason = null;
  }

  @ShowsRuleViolations(form = "profile")
  public void withdraw() {
    if (withdrawing == null) {
      return;
    }
    consents.withdraw(withdrawing, requestedBy, reason);
    withdrawing = null;
    reason = null;
    refresh();
    Messages.info("The withdrawal was recorded. The consent no longer allows treatment.");
  }

  /** Hands the tablet to the client to sign this form (again). */
  @ShowsRuleViolations
  public void startSigning(long formId) throws IOException {
    ConsentFormVersion latest = forms.latest(formId);
    KioskSession kiosk =
        kiosks.start(request, clientId, KioskSession.Purpose.CONSENT, List.of(latest.getId()));
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + kiosk.purpose().page());
  }

  public WithdrawalRequester[] getRequesters() {
    return WithdrawalRequester.values();
  }

  public Long getClientId() {
    return clientId;
  }

  public List<ConsentStanding> getStandings() {
    return standings;
  }

  public List<String> getMissing() {
    return missing;
  }

  public List<ConsentFormVersion> getSignable() {
    return signable;
  }

  public boolean isElectronicRecordsAccepted() {
    return electronicRecordsAccepted;
  }

  public Long getWithdrawing() {
    return withdrawing;
  }

  public WithdrawalRequester getRequestedBy() {
    return requestedBy;
  }

  public void setRequestedBy(WithdrawalRequester requestedBy) {
    this.requestedBy = requestedBy;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
