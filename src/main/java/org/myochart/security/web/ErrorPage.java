package org.myochart.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.logging.Logger;
import org.myochart.audit.Actor;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.AccessRefused;
import org.myochart.security.SignedInStaff;

/**
 * Records what led to an error page: a refused page is raised as {@link AccessRefused} (an audit
 * entry, in the name of whoever is signed in), every error a log line.
 */
@Named
@RequestScoped
public class ErrorPage {

  private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

  @Inject HttpServletRequest request;
  @Inject Event<AccessRefused> refusals;
  private boolean recorded;

  public void record() {
    if (recorded) {
      return;
    }
    recorded = true;
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? null : uri.toString();
    if (Integer.valueOf(403).equals(status)) {
      nameSignedInPerson();
      refusals.fire(new AccessRefused("Page", clip(path), null));
    }
    LOG.info(
        () -> "Error page " + status + " for " + clip(path) + " from " + request.getRemoteAddr());
  }

  /**
   * The container refuses some addresses (such as /WEB-INF/...) before the authentication mechanism
   * has put the actor on the request; the refusal is still that person's, so the actor is taken
   * from the session they signed in with.
   */
  private void nameSignedInPerson() {
    if (request.getAttribute(CurrentActor.REQUEST_ATTRIBUTE) instanceof Actor actor
        && !"anonymous".equals(actor.name())) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff) {
      request.setAttribute(
          CurrentActor.REQUEST_ATTRIBUTE, CurrentActor.of(request, staff.username(), staff.role()));
    }
  }

  /**
   * The reason MyoChart gave when it refused the request (a refusal by a record's state, such as a
   * referral letter for a client without a red flag); only MyoChart's own messages reach here.
   */
  public String getReason() {
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String text = message == null ? "" : message.toString().strip();
    if (text.isEmpty()) {
      return "MyoChart could not do what was asked. Go back and try again.";
    }
    return text.length() <= 400 ? text : text.substring(0, 400);
  }

  private static String clip(String path) {
    return path == null || path.length() <= 60 ? path : path.substring(0, 60);
  }
}
