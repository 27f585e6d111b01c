package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.myochart.platform.web.ClientAddress;
import org.myochart.staff.Role;

/**
 * Finds who is acting in the current request. The sign-in mechanism (or the kiosk) puts an {@link
 * Actor} on the request; without one the actor is anonymous, and outside any request it is the
 * system.
 */
@ApplicationScoped
public class CurrentActor {

  public static final String REQUEST_ATTRIBUTE = "org.myochart.audit.actor";

  private static final ThreadLocal<Actor> ACTING = new ThreadLocal<>();

  @Inject BeanManager beanManager;
  @Inject Instance<HttpServletRequest> requests;

  /**
   * Runs work outside any sign-in as a named staff member: the demo clinic writes its sessions as
   * its therapists. Nothing a request can reach calls this.
   */
  public static void actAs(Actor actor, Runnable work) {
    Actor before = ACTING.get();
    ACTING.set(actor);
    try {
      work.run();
    } finally {
      if (before == null) {
        ACTING.remove();
      } else {
        ACTING.set(before);
      }
    }
  }

  public Actor get() {
    Actor acting = ACTING.get();
    if (acting != null) {
      return acting;
    }
    HttpServletRequest request = activeRequest();
    if (request == null) {
      return Actor.SYSTEM;
    }
    if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Actor actor) {
      return actor;
    }
    return anonymous(request);
  }

  public static Actor of(HttpServletRequest request, String name, Role role) {
    return new Actor(name, role, ClientAddress.of(request), request.getHeader("User-Agent"));
  }

  public static Actor anonymous(HttpServletRequest request) {
    return of(request, "anonymous", null);
  }

  /** The HTTP request being served on this thread, if any. */
  public java.util.Optional<HttpServletRequest> request() {
    return java.util.Optional.ofNullable(activeRequest());
  }

  private HttpServletRequest activeRequest() {
    try {
      if (!beanManager.getContext(RequestScoped.class).isActive()) {
        return null;
      }
      HttpServletRequest request = requests.get();
      request.getRemoteAddr();
      return request;
    } catch (ContextNotActiveException | IllegalStateException e) {
      return null;
    }
  }
}
