package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;

/** Hands the tablet to a client and takes it back with a staff password. */
@ApplicationScoped
public class Kiosks {

  public static final String RECORD_TYPE = "KioskSession";
  public static final String NOT_THE_TAKE_BACK_PASSWORD = "That password does not end kiosk mode.";

  @Inject AuditTrail audit;
  @Inject SignIns signIns;
  @Inject Clock clock;
  @Inject ClinicSettings settings;

  public KioskSession start(
      HttpServletRequest request,
      long clientId,
      KioskSession.Purpose purpose,
      List<Long> formVersionIds) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(SignedInStaff.SESSION_ATTRIBUTE)
            instanceof SignedInStaff staff)) {
      throw RuleViolation.conflict("Sign in before handing the tablet to a client.");
    }
    if (current(request).filter(k -> !k.finished()).isPresent()) {
      throw RuleViolation.conflict(
          "The tablet is already handed to a client; take it back with your password first.");
    }
    KioskSession kiosk =
        new KioskSession(
            UUID.randomUUID().toString(),
            clientId,
            purpose,
            formVersionIds,
            staff.username(),
            clock.instant(),
            false);
    session.setAttribute(KioskSession.SESSION_ATTRIBUTE, kiosk);
    audit.recordDetail(AuditAction.KIOSK_START, RECORD_TYPE, kiosk.id(), new KioskHandOver(kiosk));
    return kiosk;
  }

  public Optional<KioskSession> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
            && session.getAttribute(KioskSession.SESSION_ATTRIBUTE) instanceof KioskSession kiosk
        ? Optional.of(kiosk)
        : Optional.empty();
  }

  /**
   * Takes back a hand-over that could not begin (what it was for was refused a moment after the
   * tablet was handed over): the session is the staff member's again. Audited as its end.
   */
  public void abandon(HttpServletRequest request) {
    current(request)
        .ifPresent(
            kiosk -> {
              request.getSession().removeAttribute(KioskSession.SESSION_ATTRIBUTE);
              audit.recordDetail(
                  AuditAction.KIOSK_END, RECORD_TYPE, kiosk.id(), new KioskHandOver(kiosk));
            });
  }

  public void finish(HttpServletRequest request) {
    current(request)
        .ifPresent(
            kiosk ->
                request.getSession().setAttribute(KioskSession.SESSION_ATTRIBUTE, kiosk.finish()));
  }

  /**
   * The tablet was left alone for the clinic's lock-after time: kiosk mode ends and the whole
   * session is signed out, so whoever picks the tablet up next meets the sign-in page. What the
   * client gave so far is kept by the kiosk page's own service before this is called.
   */
  public KioskSession lockAfterIdle(HttpServletRequest request) {
    KioskSession kiosk =
        current(request)
            .filter(k -> !k.finished())
            .orElseThrow(() -> RuleViolation.conflict("This tablet is not in kiosk mode."));
    audit.recordDetail(
        AuditAction.KIOSK_END,
        RECORD_TYPE,
        kiosk.id(),
        new KioskLocked(
            kiosk.clientId(), kiosk.purpose().name(), settings.kioskLockAfter().toString()));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return kiosk;
  }

  /**
   * Ends kiosk mode when the staff member who started it gives their password. The refusal names
   * nobody, and wrong passwords slow down this tablet only (see {@link #confirmOnTablet}).
   */
  public KioskSession unlock(HttpServletRequest request, String password) {
    KioskSession kiosk =
        current(request)
            .orElseThrow(() -> RuleViolation.conflict("This tablet is not in kiosk mode."));
    Actor from = CurrentActor.anonymous(request);
    StaffAccount staff =
        confirmOnTablet(request, kiosk.startedBy(), password, NOT_THE_TAKE_BACK_PASSWORD);
    request.getSession().removeAttribute(KioskSession.SESSION_ATTRIBUTE);
    request.getSession().removeAttribute(TabletPasswordTries.SESSION_ATTRIBUTE);
    audit.recordDetailAs(
        new Actor(staff.getUsername(), staff.getRole(), from.ipAddress(), from.userAgent()),
        AuditAction.KIOSK_END,
        RECORD_TYPE,
        kiosk.id(),
        new KioskHandOver(kiosk));
    return kiosk;
  }

  /**
   * A staff password typed on the tablet (to take it back, or to witness): right, it gives the
   * account; wrong, it is audited and counted against this tablet's session, never against the
   * account's sign-in lock, so that nobody at the tablet can lock out a person who is not there.
   */
  public StaffAccount confirmOnTablet(
      HttpServletRequest request, String username, String password, String wrong) {
    HttpSession session = request.getSession();
    TabletPasswordTries tries =
        session.getAttribute(TabletPasswordTries.SESSION_ATTRIBUTE) instanceof TabletPasswordTries t
            ? t
            : TabletPasswordTries.NONE;
    Instant now = clock.instant();
    if (tries.refused(now)) {
      throw RuleViolation.invalid(
          "Too many wrong passwords on this tablet. Try again in "
              + SignInOutcome.minutesFrom(now, tries.refusedUntil())
              + " minutes.");
    }
    SignIns.Attempt attempt =
        signIns.confirmOnTablet(username, password, CurrentActor.anonymous(request));
    if (attempt.account().isEmpty()) {
      session.setAttribute(TabletPasswordTries.SESSION_ATTRIBUTE, tries.failed(now));
      throw RuleViolation.invalid(
          attempt.outcome().message().equals(SignInOutcome.WRONG_CREDENTIALS)
              ? wrong
              : attempt.outcome().message());
    }
    session.setAttribute(TabletPasswordTries.SESSION_ATTRIBUTE, TabletPasswordTries.NONE);
    return attempt.account().get();
  }
}
