package org.myochart.client.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.client.Clients;
import org.myochart.platform.RuleViolation;
import org.myochart.security.KioskGate;
import org.myochart.security.Kiosks;

/**
 * Staff hand the tablet to a client: POST with the client id puts this browser session into kiosk
 * mode for that client's intake. Only staff reach it (web.xml protects /staff/*); a POST cannot be
 * triggered by a link from elsewhere because the session cookie is SameSite.
 */
@WebServlet("/staff/kiosk/start-intake")
public class KioskStartServlet extends HttpServlet {

  @Inject transient Kiosks kiosks;
  @Inject transient Clients clients;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long clientId;
    try {
      clientId = Long.parseLong(String.valueOf(request.getParameter("client")).strip());
    } catch (NumberFormatException e) {
      response.sendError(400, "Say which client will use the tablet.");
      return;
    }
    try {
      if (!clients.get(clientId).isActive()) {
        throw RuleViolation.conflict("The client is inactive.");
      }
      kiosks.start(request, clientId);
    } catch (RuleViolation refused) {
      response.sendError(refused.kind() == RuleViolation.Kind.NOT_FOUND ? 404 : 409, refused.getMessage());
      return;
    }
    response.sendRedirect(request.getContextPath() + KioskGate.KIOSK_PAGE);
  }
}
