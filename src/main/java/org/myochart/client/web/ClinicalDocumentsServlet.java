package org.myochart.client.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.client.ScannedDocument;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.client.ReferralLetter;
import org.myochart.client.TreatmentBlock;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.security.web.CurrentStaff;

/**
 * Files for therapists and the owner (web.xml limits /clinical/* to them): the referral letter for
 * a red-flagged client and an uploaded clearance letter. Both downloads are audited.
 */
@WebServlet({"/clinical/referral-letter", "/clinical/clearance-letter"})
public class ClinicalDocumentsServlet extends HttpServlet {

  @Inject transient Clients clients;
  @Inject transient Intakes intakes;
  @Inject transient AuditTrail audit;
  @Inject transient ClinicSettings settings;
  @Inject transient CurrentStaff staff;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      if (request.getServletPath().endsWith("referral-letter")) {
        referralLetter(number(request, "client"), response);
      } else {
        clearanceLetter(number(request, "id"), response);
      }
    } catch (RuleViolation refused) {
      response.sendError(refused.kind() == RuleViolation.Kind.NOT_FOUND ? 404 : 409, refused.getMessage());
    } catch (NumberFormatException malformed) {
      response.sendError(400, "The address needs a numeric id.");
    }
  }

  private void referralLetter(long clientId, HttpServletResponse response) throws IOException {
    Client client = clients.get(clientId);
    TreatmentBlock block = intakes.treatmentBlock(clientId)
        .filter(TreatmentBlock::isRedFlagged)
        .orElseThrow(() -> RuleViolation.conflict("This client has no open red flag, so no referral letter is needed."));
    byte[] pdf = ReferralLetter.render(settings.clinicName(), client, block.openRedFlags(), staff.getDisplayName(), clients.today());
    audit.record(AuditAction.EXPORT, "ReferralLetter", clientId, null);
    send(response, pdf, "application/pdf", "referral-" + clientId + ".pdf");
  }

  private void clearanceLetter(long clearanceId, HttpServletResponse response) throws IOException {
    MedicalClearance clearance = intakes.clearance(clearanceId);
    byte[] letter = clearance.letter();
    if (letter == null) {
      throw RuleViolation.notFound("This clearance has no letter attached.");
    }
    send(response, letter, clearance.getLetterContentType(), "clearance-" + clearanceId + "." + ScannedDocument.extensionFor(clearance.getLetterContentType()));
  }

  private static void send(HttpServletResponse response, byte[] content, String type, String fileName) throws IOException {
    response.setContentType(type);
    response.setContentLength(content.length);
    response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    response.getOutputStream().write(content);
  }

  private static long number(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      throw new NumberFormatException();
    }
    return Long.parseLong(value.strip());
  }
}
