package org.myochart.record.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.platform.RuleViolation;
import org.myochart.record.Records;
import org.myochart.record.SealedRecord;
import org.myochart.treatment.SoapNotes;

/**
 * Downloads of sealed PDFs: consents for all staff (web.xml protects /staff/*), notes and
 * addenda for those who may read the client's notes (/clinical/* is owner and therapists).
 */
@WebServlet({"/staff/consents/pdf", "/clinical/notes/pdf", "/clinical/addenda/pdf"})
public class RecordPdfServlet extends HttpServlet {

  @Inject transient Records records;
  @Inject transient SoapNotes notes;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long id;
    try {
      id = Long.parseLong(String.valueOf(request.getParameter("id")).strip());
    } catch (NumberFormatException e) {
      response.sendError(400, "The address needs a numeric record id.");
      return;
    }
    String path = request.getServletPath();
    String type = path.startsWith("/staff/consents") ? Records.CONSENT : path.contains("addenda") ? Records.ADDENDUM : Records.NOTE;
    try {
      SealedRecord record = records.find(type, id)
          .orElseThrow(() -> RuleViolation.notFound("There is no sealed PDF for this record."));
      if (!type.equals(Records.CONSENT) && !notes.mayRead(record.getClientId())) {
        response.sendError(403, "Only the owner and therapists who treat this client read their notes.");
        return;
      }
      byte[] pdf = records.export(type, id).pdf();
      response.setContentType("application/pdf");
      response.setContentLength(pdf.length);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Disposition", "inline; filename=\"" + type.toLowerCase() + "-" + id + ".pdf\"");
      response.getOutputStream().write(pdf);
    } catch (RuleViolation refused) {
      response.sendError(refused.kind() == RuleViolation.Kind.NOT_FOUND ? 404 : 409, refused.getMessage());
    }
  }
}
