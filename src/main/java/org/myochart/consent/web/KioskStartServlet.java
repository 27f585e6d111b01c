package org.myochart.consent.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.myochart.client.Clients;
import org.myochart.client.IntakeDrafts;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.security.KioskSession;
import org.myochart.security.Kiosks;

/**
 * Staff hand the tablet to a client: a POST with the client id puts this browser session into kiosk
 * mode, for the health intake or for signing consents. Only signed-in staff reach it (web.xml
 * protects /staff/*); a POST cannot be triggered from another site because the session cookie is
 * SameSite.
 *
 * <p>A signing covers the forms treatment still needs, or one form named by {@code form}; the
 * electronic records disclosure comes first whenever the client has not accepted it.
 */
@WebServlet({"/staff/kiosk/start-intake", "/staff/kiosk/start-consent"})
public class KioskStartServlet extends HttpServlet {

  @Inject transient Kiosks kiosks;
  @Inject transient Clients clients;
  @Inject transient Consents consents;
  @Inject transient ConsentForms forms;
  @Inject transient IntakeDrafts drafts;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean signing = request.getServletPath().endsWith("start-consent");
    KioskSession kiosk;
    try {
      long clientId =
          RequestIds.required(request, "client", "Say which client will use the tablet.");
      if (!clients.get(clientId).isActive()) {
        throw RuleViolation.conflict("The client is inactive.");
      }
      kiosk =
          signing
              ? kiosks.start(
                  request,
                  clientId,
                  KioskSession.Purpose.CONSENT,
                  formsToSign(clientId, request.getParameter("form")))
              : startIntake(request, clientId);
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
      return;
    }
    response.sendRedirect(request.getContextPath() + kiosk.purpose().page());
  }

  /**
   * Hands the tablet over for the health questions; with {@code draft}, to continue answers the
   * client began on an earlier hand-over (checked before the tablet changes hands).
   */
  private KioskSession startIntake(HttpServletRequest request, long clientId) {
    String draftParameter = request.getParameter("draft");
    if (draftParameter == null || draftParameter.isBlank()) {
      return kiosks.start(request, clientId, KioskSession.Purpose.INTAKE, List.of());
    }
    long draftId;
    try {
      draftId = Long.parseLong(draftParameter.strip());
    } catch (NumberFormatException e) {
      throw RuleViolation.invalid("Say which kept answers the client continues.");
    }
    drafts.requireOpen(draftId, clientId);
    KioskSession kiosk = kiosks.start(request, clientId, KioskSession.Purpose.INTAKE, List.of());
    try {
      drafts.handOver(draftId, clientId, kiosk.id());
    } catch (RuleViolation discardedMeanwhile) {
      kiosks.abandon(request);
      throw discardedMeanwhile;
    }
    return kiosk;
  }

  private List<Long> formsToSign(long clientId, String formParameter) {
    if (formParameter != null && !formParameter.isBlank()) {
      long formId;
      try {
        formId = Long.parseLong(formParameter.strip());
      } catch (NumberFormatException e) {
        throw RuleViolation.invalid("Say which form the client will sign.");
      }
      ConsentFormVersion latest = forms.latest(formId);
      if (!latest.getForm().isActive()) {
        throw RuleViolation.conflict("The form \"" + latest.getTitle() + "\" is not in use.");
      }
      return List.of(latest.getId());
    }
    List<Long> missing =
        consents.missingVersions(clientId).keySet().stream()
            .map(ConsentFormVersion::getId)
            .toList();
    if (missing.isEmpty()) {
      throw RuleViolation.conflict(
          "The client has every consent treatment needs; choose a form to sign it again.");
    }
    return missing;
  }
}
