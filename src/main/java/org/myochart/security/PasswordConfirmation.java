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
 * towards the same lock-out as sign-in.
 */
@ApplicationScoped
@Transactional
public class PasswordConfirmation {

  @Inject StaffAccounts accounts;
  @Inject SignInThrottle throttle;
  @Inject ClinicSettings settings;

  /** The account, if the password is right; otherwise a refusal for the field {@code password}. */
  public StaffAccount confirm(String username, String password) {
    Optional<java.time.Instant> locked = throttle.lockedUntil(username);
    if (locked.isPresent()) {
      throw RuleViolation.invalidFields(Map.of("password",
          SignInOutcome.locked(locked.get(), settings.zone()).message()));
    }
    if (password == null || password.isEmpty()) {
      throw RuleViolation.invalidFields(Map.of("password", "Type your password to sign."));
    }
    Optional<StaffAccount> account = password.length() > PasswordPolicy.MAXIMUM_LENGTH
        ? Optional.empty() : accounts.authenticate(username, password);
    if (account.isEmpty()) {
      throttle.countFailure(username);
      throw RuleViolation.invalidFields(Map.of("password", "That is not your password; the record was not signed."));
    }
    throttle.forget(username);
    return account.get();
  }
}
