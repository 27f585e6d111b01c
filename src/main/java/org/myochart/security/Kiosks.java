package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.RuleViolation;

/** Hands the tablet to a client and takes it back with a staff password. */
@ApplicationScoped
public class Kiosks {

  public static final String RECORD_TYPE = "KioskSession";

  @Inject AuditTrail audit;
  @Inject SignIns signIns;
  @Inject Clock clock;

  public KioskSession start(HttpServletRequest request, long clientId, KioskSession.Purpose purpose, List<Long> formVersionIds) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE) instanceof SignedInStaff staff)) {
      throw RuleViolation.conflict("Sign in before handing the tablet to a client.");
    }
    if (current(request).filter(k -> !k.finished()).isPresent()) {
      throw RuleViolation.conflict("The tablet is already handed to a client; take it back with your password first.");
    }
    KioskSession kiosk = new KioskSession(UUID.randomUUID().toString(), clientId, purpose, formVersionIds, staff.username(),
        clock.instant(), false);
    session.setAttribute(KioskSession.SESSION_ATTRIBUTE, kiosk);
    audit.record(AuditAction.KIOSK_START, RECORD_TYPE, kiosk.id(), Json.createObjectBuilder()
        .add("client", clientId).add("purpose", purpose.name()).build().toString());
    return kiosk;
  }

  public Optional<KioskSession> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(KioskSession.SESSION_ATTRIBUTE) instanceof KioskSession kiosk
        ? Optional.of(kiosk) : Optional.empty();
  }

  public void finish(HttpServletRequest request) {
    current(request).ifPresent(kiosk -> request.getSession().setAttribute(KioskSession.SESSION_ATTRIBUTE, kiosk.finish()));
  }

  /**
   * Ends kiosk mode when the staff member who started it gives their password; wrong passwords
   * count towards the sign-in lock like any other.
   */
  public KioskSession unlock(HttpServletRequest request, String password) {
    KioskSession kiosk = current(request).orElseThrow(() -> RuleViolation.conflict("This tablet is not in kiosk mode."));
    Actor from = CurrentActor.anonymous(request);
    SignIns.Attempt attempt = signIns.attempt(kiosk.startedBy(), password, from);
    if (attempt.account().isEmpty()) {
      throw RuleViolation.invalid(attempt.outcome().message().startsWith("Too many")
          ? attempt.outcome().message() : "That is not the password of " + kiosk.startedBy() + ".");
    }
    request.getSession().removeAttribute(KioskSession.SESSION_ATTRIBUTE);
    StaffAccount staff = attempt.account().get();
    audit.recordAs(new Actor(staff.getUsername(), staff.getRole().name(), from.ipAddress(), from.userAgent()),
        AuditAction.KIOSK_END, RECORD_TYPE, kiosk.id(), Json.createObjectBuilder()
            .add("client", kiosk.clientId()).add("purpose", kiosk.purpose().name()).build().toString());
    return kiosk;
  }
}
