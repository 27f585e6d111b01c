package org.myochart.export.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.export.AuditExport;
import org.myochart.export.AuditExports;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;

/** The owner's download of a completed export's archive (web.xml keeps /owner/* to owners). */
@WebServlet("/owner/exports/archive")
public class ExportArchiveServlet extends StrictMethodServlet {

  @Inject transient AuditExports exports;

  public ExportArchiveServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AuditExport export;
    try {
      export =
          exports.openArchive(
              RequestIds.required(request, "id", "The address needs a numeric export id."));
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
      return;
    }
    response.setContentType("application/zip");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + export.archiveName() + "\"");
    exports.writeArchive(export, response.getOutputStream());
  }
}
