package org.myochart.consent.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.RecordKind;
import org.myochart.client.ScannedDocument;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentFileViewed;
import org.myochart.consent.Consents;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;

/**
 * The drawn signature (as the PNG the server drew from the strokes) and the scanned paper form of a
 * consent, for staff (web.xml protects /staff/*). Every download is audited.
 */
@WebServlet({"/staff/consents/signature", "/staff/consents/scan"})
public class ConsentDocumentsServlet extends StrictMethodServlet {

  @Inject transient Consents consents;
  @Inject transient AuditTrail audit;

  public ConsentDocumentsServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      long consentId =
          RequestIds.required(request, "id", "The address needs a numeric consent id.");
      Consent consent = consents.find(consentId);
      boolean signature = request.getServletPath().endsWith("signature");
      byte[] content = signature ? consent.getSignaturePng() : consent.getScan();
      if (content == null) {
        throw RuleViolation.notFound(
            signature
                ? "This consent has no drawn signature."
                : "This consent has no scanned form.");
      }
      String type = signature ? "image/png" : consent.getScanContentType();
      audit.recordDetail(
          AuditAction.VIEW,
          RecordKind.CONSENT,
          consentId,
          signature ? ConsentFileViewed.SIGNATURE : ConsentFileViewed.SCAN);
      response.setContentType(type);
      response.setContentLength(content.length);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(
          "Content-Disposition",
          "inline; filename=\"consent-"
              + consentId
              + (signature ? "-signature.png" : "-scan." + ScannedDocument.extensionFor(type))
              + "\"");
      response.getOutputStream().write(content);
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
    }
  }
}
