package org.myochart.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicSettings;

/**
 * Gives every session the clinic's idle timeout (MYOCHART_IDLE_TIMEOUT, 15 minutes by default) and
 * records an idle log-off when the server ends a staff session nobody signed out of, once per
 * sign-in.
 */
@WebListener
public class IdleTimeout implements HttpSessionListener {

  public static final String SIGNED_OUT_ON_PURPOSE = "org.myochart.security.signedOut";

  @Inject ClinicSettings settings;
  @Inject AuditTrail audit;

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    event.getSession().setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    HttpSession session = event.getSession();
    if (session.getAttribute(SIGNED_OUT_ON_PURPOSE) == null
        && session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff) {
      // A replicated session can be reported as ended more than once (seen on one instance, and
      // each instance holding a copy ends it). The sign-in id in the detail keeps one entry.
      audit.recordOnceAs(
          new Actor(staff.username(), staff.role(), null, null),
          AuditAction.IDLE_LOGOUT,
          StaffAccounts.RECORD_TYPE,
          staff.accountId(),
          "session expired after "
              + settings.idleTimeoutInWords()
              + " without activity (sign-in "
              + staff.signInId()
              + ")");
    }
  }
}
