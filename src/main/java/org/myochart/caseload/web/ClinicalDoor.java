package org.myochart.caseload.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.ClinicalAccess;

/**
 * The check every clinical page makes before it shows a client's record: the page opens, or a
 * therapist outside their caseload is sent to the break-glass screen and comes back here after
 * giving a reason.
 */
public final class ClinicalDoor {

  public static final String SCREEN = "/clinical/break-glass.xhtml";

  private ClinicalDoor() {}

  /**
   * True when the page may show the client; otherwise the response is already a redirect or a 403.
   */
  public static boolean opens(Caseloads caseloads, long clientId) throws IOException {
    ClinicalAccess access = caseloads.access(clientId);
    if (access.opens()) {
      return true;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    if (access == ClinicalAccess.REASON_NEEDED) {
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      external.redirect(screen(external.getRequestContextPath(), clientId, here(request)));
    } else {
      external.responseSendError(403, "Only the owner and therapists read clinical records.");
    }
    faces.responseComplete();
    return false;
  }

  /** The break-glass screen's address for the client, returning to {@code next} afterwards. */
  public static String screen(String contextPath, long clientId, String next) {
    return contextPath
        + SCREEN
        + "?client="
        + clientId
        + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }

  private static String here(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getServletPath() + (query == null ? "" : "?" + query);
  }

  /**
   * Whether a return address is one of MyoChart's own clinical or client pages: a path, never
   * another site, so the screen cannot be used to send someone elsewhere.
   */
  public static boolean isSafeReturn(String next) {
    return next != null
        && next.length() <= 300
        && next.matches("/(clinical|staff/clients)/[a-z-]+\\.xhtml(\\?[A-Za-z0-9=&%._-]*)?")
        && !next.startsWith(SCREEN);
  }
}
