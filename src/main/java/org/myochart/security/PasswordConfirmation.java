package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;

/**
 * A signed-in staff member types their password again to sign a record. Wrong passwords count
 * towards the same per-username lock-out as sign-in, reserved before the check like a sign-in.
 */
@ApplicationScoped
@Transactional
public class PasswordConfirmation {

  @Inject StaffAccounts accounts;
  @Inject SignInThrottle throttle;
  @Inject ClinicSettings settings;

  /** The account, if the password is right; otherwise a refusal for the field {@code password}. */
  public StaffAccount confirm(String username, String password) {
    if (password == null || password.isEmpty()) {
      throw RuleViolation.invalidFields(Map.of("password", "Type your password to sign."));
    }
    // Signed in already: the address was throttled at sign-in, the username is counted here.
    SignInThrottle.Verdict verdict = throttle.reserve(username, null);
    if (verdict.kind() != SignInThrottle.Verdict.Kind.RESERVED) {
      throw RuleViolation.invalidFields(
          Map.of("password", SignInOutcome.locked(verdict.until(), settings.zone()).message()));
    }
    Optional<StaffAccount> account =
        password.length() > PasswordPolicy.MAXIMUM_LENGTH
            ? Optional.empty()
            : accounts.authenticate(username, password);
    if (account.isEmpty()) {
      throw RuleViolation.invalidFields(
          Map.of("password", "That is not your password; the record was not signed."));
    }
    throttle.succeeded(username, null);
    return account.get();
  }
}
