package org.myochart.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.StrictMethodServlet;
import org.myochart.security.Kiosks;

/**
 * An open kiosk page keeps its session alive with a GET here while the client reads or thinks (204;
 * 410 once the tablet is no longer handed to a client, so the page shows that). A POST locks the
 * tablet when it was left alone for the clinic's lock-after time and the page itself could not (the
 * consent screen; an intake screen whose lock request was refused).
 */
@WebServlet("/kiosk/alive")
public class KioskAliveServlet extends StrictMethodServlet {

  @Inject transient Kiosks kiosks;

  public KioskAliveServlet() {
    super("GET", "POST");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    boolean handedOver = kiosks.current(request).filter(k -> !k.finished()).isPresent();
    response.setStatus(
        handedOver ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_GONE);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    try {
      kiosks.lockAfterIdle(request);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (RuleViolation notHandedOver) {
      response.setStatus(HttpServletResponse.SC_GONE);
    }
  }
}
