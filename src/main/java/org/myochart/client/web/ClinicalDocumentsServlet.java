package org.myochart.client.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.client.ReferralLetter;
import org.myochart.client.ScannedDocument;
import org.myochart.client.TreatmentBlock;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;
import org.myochart.record.ClinicContacts;
import org.myochart.security.web.CurrentStaff;

/**
 * Files for therapists and the owner (web.xml limits /clinical/* to them; a therapist outside the
 * client's caseload needs a break-glass reason first): the referral letter for a red-flagged client
 * and an uploaded clearance letter. Both downloads are audited.
 */
@WebServlet({"/clinical/referral-letter", "/clinical/clearance-letter"})
public class ClinicalDocumentsServlet extends StrictMethodServlet {

  private static final String NUMERIC_ID = "The address needs a numeric id.";

  @Inject transient Clients clients;
  @Inject transient Intakes intakes;
  @Inject transient AuditTrail audit;
  @Inject transient ClinicSettings settings;
  @Inject transient ClinicContacts contacts;
  @Inject transient CurrentStaff staff;
  @Inject transient Caseloads caseloads;

  public ClinicalDocumentsServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      if (request.getServletPath().endsWith("referral-letter")) {
        referralLetter(RequestIds.required(request, "client", NUMERIC_ID), response);
      } else {
        clearanceLetter(RequestIds.required(request, "id", NUMERIC_ID), response);
      }
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
    }
  }

  private void referralLetter(long clientId, HttpServletResponse response) throws IOException {
    Client client = clients.get(clientId);
    caseloads.require(clientId);
    TreatmentBlock block =
        intakes
            .treatmentBlock(clientId)
            .filter(TreatmentBlock::isRedFlagged)
            .orElseThrow(
                () ->
                    RuleViolation.conflict(
                        "This client has no open red flag, so no referral letter is needed."));
    byte[] pdf =
        ReferralLetter.render(
            settings.clinicName(),
            contacts.contactDetails(),
            client,
            block.openRedFlags(),
            staff.getDisplayName(),
            clients.today());
    audit.record(AuditAction.EXPORT, "ReferralLetter", clientId, null);
    send(response, pdf, "application/pdf", "referral-" + clientId + ".pdf");
  }

  private void clearanceLetter(long clearanceId, HttpServletResponse response) throws IOException {
    caseloads.require(intakes.clientOfClearance(clearanceId));
    MedicalClearance clearance = intakes.clearance(clearanceId);
    byte[] letter = clearance.letter();
    if (letter == null) {
      throw RuleViolation.notFound("This clearance has no letter attached.");
    }
    send(
        response,
        letter,
        clearance.getLetterContentType(),
        "clearance-"
            + clearanceId
            + "."
            + ScannedDocument.extensionFor(clearance.getLetterContentType()));
  }

  private static void send(
      HttpServletResponse response, byte[] content, String type, String fileName)
      throws IOException {
    response.setContentType(type);
    response.setContentLength(content.length);
    response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    response.getOutputStream().write(content);
  }
}
