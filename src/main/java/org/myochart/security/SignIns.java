package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicSettings;

/**
 * One sign-in attempt, from a page or the API: checks the input, the throttle and the password, and
 * leaves an audit entry whatever the result.
 */
@ApplicationScoped
public class SignIns {

  private static final Logger LOG = Logger.getLogger(SignIns.class.getName());
  static final int LONGEST_USERNAME_INPUT = 64;

  @Inject StaffAccounts accounts;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject ClinicSettings settings;
  @Inject Clock clock;

  public record Attempt(Optional<StaffAccount> account, SignInOutcome outcome) {}

  public Attempt attempt(String username, String password, Actor from) {
    Optional<Attempt> malformed = malformed(username, password, from);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    String name = Username.asTyped(username);
    SignInThrottle.Verdict verdict = throttle.reserve(name, from.ipAddress());
    switch (verdict.kind()) {
      case ADDRESS_REFUSED -> {
        return refused(
            SignInOutcome.tooManyFromAddress(verdict.until(), clock.instant()),
            name,
            from,
            AuditAction.LOGIN_LOCKED);
      }
      case USERNAME_LOCKED -> {
        return refused(
            SignInOutcome.locked(verdict.until(), settings.zone()),
            name,
            from,
            AuditAction.LOGIN_LOCKED);
      }
      case RESERVED -> {
        Optional<StaffAccount> account = check(name, password);
        if (account.isEmpty()) {
          SignInOutcome outcome =
              verdict.until() != null
                  ? SignInOutcome.locked(verdict.until(), settings.zone())
                  : SignInOutcome.wrongCredentials();
          return refused(outcome, name, from, AuditAction.LOGIN_FAILED);
        }
        throttle.succeeded(name, from.ipAddress());
        return signedIn(account.get(), from);
      }
      default -> throw new IllegalStateException("Unknown verdict " + verdict);
    }
  }

  /**
   * Checks a staff password typed on the kiosk tablet, which throttles its fields per kiosk session
   * ({@link Kiosks}): a wrong one counts towards no lock-out, so that nobody on the tablet can lock
   * the account of a person who is not there. Audited like a sign-in.
   */
  Attempt confirmOnTablet(String username, String password, Actor from) {
    Optional<Attempt> malformed = malformed(username, password, from);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    String name = Username.asTyped(username);
    Optional<StaffAccount> account = check(name, password);
    return account.isEmpty()
        ? refused(SignInOutcome.wrongCredentials(), name, from, AuditAction.LOGIN_FAILED)
        : signedIn(account.get(), from);
  }

  private Optional<Attempt> malformed(String username, String password, Actor from) {
    String name = Username.asTyped(username);
    if (name.isEmpty()) {
      return Optional.of(
          refused(
              SignInOutcome.malformed("Enter your username."),
              "(empty)",
              from,
              AuditAction.LOGIN_FAILED));
    }
    if (name.length() > LONGEST_USERNAME_INPUT) {
      return Optional.of(
          refused(SignInOutcome.wrongCredentials(), name, from, AuditAction.LOGIN_FAILED));
    }
    if (password == null || password.isEmpty()) {
      return Optional.of(
          refused(
              SignInOutcome.malformed("Enter your password."),
              name,
              from,
              AuditAction.LOGIN_FAILED));
    }
    return Optional.empty();
  }

  private Optional<StaffAccount> check(String name, String password) {
    return password.length() > PasswordPolicy.MAXIMUM_LENGTH
        ? Optional.empty()
        : accounts.authenticate(name, password);
  }

  private Attempt signedIn(StaffAccount staff, Actor from) {
    audit.recordDetailAs(
        new Actor(staff.getUsername(), staff.getRole(), from.ipAddress(), from.userAgent()),
        AuditAction.LOGIN,
        StaffAccounts.RECORD_TYPE,
        staff.getId(),
        staff.hasSecondFactor() ? PasswordStep.SECOND_FACTOR_NEXT : null);
    return new Attempt(Optional.of(staff), SignInOutcome.success());
  }

  private Attempt refused(
      SignInOutcome outcome, String attemptedName, Actor from, AuditAction action) {
    LOG.warning(
        () -> "Refused sign-in for '" + printable(attemptedName) + "' from " + from.ipAddress());
    audit.recordAs(
        new Actor(attemptedName, null, from.ipAddress(), from.userAgent()),
        action,
        StaffAccounts.RECORD_TYPE,
        null,
        outcome.message());
    return new Attempt(Optional.empty(), outcome);
  }

  private static String printable(String value) {
    String clipped =
        value.length() > LONGEST_USERNAME_INPUT
            ? value.substring(0, LONGEST_USERNAME_INPUT) + "…"
            : value;
    return clipped.replaceAll("\\p{Cntrl}", "?");
  }
}
