package org.myochart.audit.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.audit.AuditFilter;
import org.myochart.audit.AuditSearch;
import org.myochart.client.Clients;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.StrictMethodServlet;

/**
 * The owner's CSV of the audit entries that match the audit page's filter (web.xml keeps /owner/*
 * to owners). The file is streamed a page of entries at a time; asking for it is audited as an
 * export with the filter.
 */
@WebServlet("/owner/audit.csv")
public class AuditLogServlet extends StrictMethodServlet {

  @Inject transient AuditSearch search;
  @Inject transient Clients clients;

  public AuditLogServlet() {
    super("GET");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AuditFilter filter;
    try {
      filter =
          AuditFilter.of(
              request.getParameter("staff"),
              request.getParameter("client"),
              request.getParameter("action"),
              request.getParameter("from"),
              request.getParameter("to"),
              request.getParameter("type"),
              request.getParameter("id"));
      if (filter.clientId() != null) {
        clients.get(filter.clientId());
      }
    } catch (RuleViolation refused) {
      response.sendError(refused.httpStatus(), refused.getMessage());
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    search.export(filter, response.getOutputStream());
  }
}
