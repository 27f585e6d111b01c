package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicSettings;

/**
 * One sign-in attempt, from a page or the API: checks the input, the throttle and the password,
 * and leaves an audit entry whatever the result.
 */
@ApplicationScoped
public class SignIns {

  private static final Logger LOG = Logger.getLogger(SignIns.class.getName());
  static final int LONGEST_USERNAME_INPUT = 64;

  @Inject StaffAccounts accounts;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject ClinicSettings settings;

  public record Attempt(Optional<StaffAccount> account, SignInOutcome outcome) {}

  public Attempt attempt(String username, String password, Actor from) {
    String name = Username.asTyped(username);
    if (name.isEmpty()) {
      return refused(SignInOutcome.malformed("Enter your username."), "(empty)", from, AuditAction.LOGIN_FAILED);
    }
    if (name.length() > LONGEST_USERNAME_INPUT) {
      return refused(SignInOutcome.wrongCredentials(), name, from, AuditAction.LOGIN_FAILED);
    }
    if (password == null || password.isEmpty()) {
      return refused(SignInOutcome.malformed("Enter your password."), name, from, AuditAction.LOGIN_FAILED);
    }
    var lockedUntil = throttle.lockedUntil(name);
    if (lockedUntil.isPresent()) {
      return refused(SignInOutcome.locked(lockedUntil.get(), settings.zone()), name, from, AuditAction.LOGIN_LOCKED);
    }
    Optional<StaffAccount> account =
        password.length() > PasswordPolicy.MAXIMUM_LENGTH ? Optional.empty() : accounts.authenticate(name, password);
    if (account.isEmpty()) {
      boolean nowLocked = throttle.countFailure(name);
      SignInOutcome outcome =
          nowLocked
              ? SignInOutcome.locked(throttle.lockedUntil(name).orElseThrow(), settings.zone())
              : SignInOutcome.wrongCredentials();
      return refused(outcome, name, from, AuditAction.LOGIN_FAILED);
    }
    throttle.forget(name);
    StaffAccount staff = account.get();
    audit.recordAs(
        new Actor(staff.getUsername(), staff.getRole().name(), from.ipAddress(), from.userAgent()),
        AuditAction.LOGIN,
        StaffAccounts.RECORD_TYPE,
        staff.getId(),
        null);
    return new Attempt(account, SignInOutcome.success());
  }

  private Attempt refused(SignInOutcome outcome, String attemptedName, Actor from, AuditAction action) {
    LOG.warning(() -> "Refused sign-in for '" + printable(attemptedName) + "' from " + from.ipAddress());
    audit.recordAs(
        new Actor(attemptedName, null, from.ipAddress(), from.userAgent()),
        action,
        StaffAccounts.RECORD_TYPE,
        null,
        outcome.message());
    return new Attempt(Optional.empty(), outcome);
  }

  private static String printable(String value) {
    String clipped = value.length() > LONGEST_USERNAME_INPUT ? value.substring(0, LONGEST_USERNAME_INPUT) + "…" : value;
    return clipped.replaceAll("\\p{Cntrl}", "?");
  }
}
