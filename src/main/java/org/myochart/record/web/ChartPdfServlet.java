package org.myochart.record.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.RequestIds;
import org.myochart.platform.web.StrictMethodServlet;
import org.myochart.record.Charts;

/** "Download chart PDF" on the client's profile; owner only (web.xml protects /owner/*). */
@WebServlet("/owner/chart-pdf")
public class ChartPdfServlet extends StrictMethodServlet {

  @Inject transient Charts charts;

  public ChartPdfServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      long id = RequestIds.required(request, "client", "The address needs a numeric client id.");
      Charts.ChartExport chart = charts.export(id);
      response.setContentType("application/pdf");
      response.setContentLength(chart.pdf().length);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Disposition", "attachment; filename=\"chart-" + id + ".pdf\"");
      response.getOutputStream().write(chart.pdf());
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
    }
  }
}
