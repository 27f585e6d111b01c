package org.myochart.fhir.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.myochart.fhir.FhirExports;
import org.myochart.fhir.FhirMapping;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;

/**
 * "Export for physician (FHIR)" on the client's page: the same Bundle as the API, as a download.
 * web.xml limits /clinical/* to the owner and therapists; the service checks the caseload.
 */
@WebServlet("/clinical/fhir-bundle")
public class FhirBundleServlet extends StrictMethodServlet {

  @Inject transient FhirExports exports;

  public FhirBundleServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      long id = RequestIds.required(request, "client", "The address needs a numeric client id.");
      String apiBase =
          request.getRequestURL().toString().replace(request.getRequestURI(), "")
              + request.getContextPath()
              + "/api/v1/";
      FhirExports.FhirExport export = exports.export(id, apiBase);
      byte[] body = export.json().getBytes(StandardCharsets.UTF_8);
      response.setContentType(FhirMapping.MEDIA_TYPE + ";charset=UTF-8");
      response.setContentLength(body.length);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"client-" + id + ".fhir.json\"");
      response.getOutputStream().write(body);
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
    }
  }
}
