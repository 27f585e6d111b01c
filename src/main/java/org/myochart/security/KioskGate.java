package org.myochart.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.myochart.audit.CurrentActor;

/**
 * Keeps a tablet in kiosk mode: every address outside {@code /kiosk/} (typed, bookmarked or
 * reached with the back button) leads back to the kiosk screen, and what happens is recorded as
 * the kiosk, not as the staff member who started it.
 */
// Error dispatches too: a staff page refused by web.xml must not show its error page on the kiosk.
@WebFilter(
    filterName = "KioskGate",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class KioskGate extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(KioskSession.SESSION_ATTRIBUTE) instanceof KioskSession kiosk) {
      String path = request.getServletPath();
      boolean allowed = path.equals(kiosk.purpose().page()) || path.startsWith("/jakarta.faces.resource/");
      if (!allowed) {
        response.resetBuffer();
        response.sendRedirect(request.getContextPath() + kiosk.purpose().page());
        return;
      }
      request.setAttribute(CurrentActor.REQUEST_ATTRIBUTE, CurrentActor.of(request, kiosk.actorName(), "KIOSK"));
    }
    chain.doFilter(request, response);
  }
}
