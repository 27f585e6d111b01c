package org.myochart.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.web.SecurityHeaders;
import org.myochart.staff.Role;

/**
 * Keeps a tablet in kiosk mode: every address outside {@code /kiosk/} (typed, bookmarked or reached
 * with the back button) leads back to the kiosk screen, and what happens is recorded as the kiosk,
 * not as the staff member who started it, each attempt to leave included.
 */
// Error dispatches too: a staff page refused by web.xml must not show its error page on the kiosk.
@WebFilter(
    filterName = "KioskGate",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class KioskGate extends HttpFilter {

  @Inject KioskEscapes escapes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<KioskSession> kiosk = kioskOf(request);
    if (kiosk.isPresent()) {
      if (!allowedOnKiosk(request, kiosk.get())) {
        escapes.record(request, kiosk.get());
        response.resetBuffer();
        // An error dispatch may arrive here with its headers reset; the redirect carries them
        // again.
        SecurityHeaders.apply(request, response);
        response.sendRedirect(request.getContextPath() + kiosk.get().purpose().page());
        return;
      }
      request.setAttribute(
          CurrentActor.REQUEST_ATTRIBUTE,
          CurrentActor.of(request, kiosk.get().actorName(), Role.KIOSK));
    }
    chain.doFilter(request, response);
  }

  static Optional<KioskSession> kioskOf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
            && session.getAttribute(KioskSession.SESSION_ATTRIBUTE) instanceof KioskSession kiosk
        ? Optional.of(kiosk)
        : Optional.empty();
  }

  /** Where an open kiosk page keeps its session alive and, left alone, locks the tablet. */
  public static final String KEEP_ALIVE = "/kiosk/alive";

  /**
   * Only the kiosk's own page, its keep-alive, and the scripts and styles it loads. The
   * authentication mechanism asks this too, because it answers API and protected requests before
   * filters run.
   */
  static boolean allowedOnKiosk(HttpServletRequest request, KioskSession kiosk) {
    String path = request.getServletPath();
    return path.equals(kiosk.purpose().page())
        || path.equals(KEEP_ALIVE)
        || path.startsWith("/jakarta.faces.resource/");
  }
}
