package org.myochart.security;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.staff.Role;

/**
 * Records a tablet in kiosk mode asking for an address outside its kiosk page, as the kiosk, once
 * per request, whether the filter or the authentication mechanism sends it back. What a browser
 * fetches by itself (the site icon) and error dispatches of the kiosk's own requests are no attempt
 * to leave and leave no entry.
 */
@ApplicationScoped
public class KioskEscapes {

  private static final String RECORDED = "org.myochart.security.kioskEscapeRecorded";
  private static final int LONGEST_PATH = 200;

  @Inject AuditTrail audit;

  void record(HttpServletRequest request, KioskSession kiosk) {
    if (request.getAttribute(RECORDED) != null) {
      return;
    }
    request.setAttribute(RECORDED, Boolean.TRUE);
    String path = requestedPath(request);
    if (path.equals(kiosk.purpose().page())
        || path.startsWith("/jakarta.faces.resource/")
        || path.equals("/favicon.ico")
        || path.startsWith("/apple-touch-icon")) {
      return;
    }
    String clipped = path.length() > LONGEST_PATH ? path.substring(0, LONGEST_PATH) + "…" : path;
    audit.recordAs(
        CurrentActor.of(request, kiosk.actorName(), Role.KIOSK),
        AuditAction.KIOSK_ESCAPE,
        Kiosks.RECORD_TYPE,
        kiosk.id(),
        JSON.createObjectBuilder()
            .add("method", request.getMethod())
            .add("path", clipped)
            .build()
            .toString());
  }

  /** The address the tablet asked for; for an error dispatch, the one that failed. */
  private static String requestedPath(HttpServletRequest request) {
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
      return failed.startsWith(request.getContextPath())
          ? failed.substring(request.getContextPath().length())
          : failed;
    }
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
