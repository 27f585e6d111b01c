package org.myochart.record.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.audit.RecordKind;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;
import org.myochart.record.Records;
import org.myochart.record.SealedRecord;

/**
 * Downloads of sealed PDFs: consents for all staff (web.xml protects /staff/*), notes and addenda
 * for those who may read the client's notes (/clinical/* is owner and therapists).
 */
@WebServlet({"/staff/consents/pdf", "/clinical/notes/pdf", "/clinical/addenda/pdf"})
public class RecordPdfServlet extends StrictMethodServlet {

  @Inject transient Records records;

  public RecordPdfServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getServletPath();
    RecordKind kind =
        path.startsWith("/staff/consents")
            ? RecordKind.CONSENT
            : path.contains("addenda") ? RecordKind.NOTE_ADDENDUM : RecordKind.SOAP_NOTE;
    try {
      long id = RequestIds.required(request, "id", "The address needs a numeric record id.");
      SealedRecord record =
          records
              .find(kind, id)
              .orElseThrow(() -> RuleViolation.notFound("There is no sealed PDF for this record."));
      byte[] pdf = records.export(record).pdf();
      response.setContentType("application/pdf");
      response.setContentLength(pdf.length);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(
          "Content-Disposition",
          "inline; filename=\"" + kind.typeName().toLowerCase() + "-" + id + ".pdf\"");
      response.getOutputStream().write(pdf);
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
    }
  }
}
