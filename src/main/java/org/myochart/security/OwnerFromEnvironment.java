package org.myochart.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Creates the first owner from MYOCHART_OWNER_USERNAME and MYOCHART_OWNER_PASSWORD when both are
 * set and the clinic has no owner yet; otherwise the setup page does it on first visit.
 */
@ApplicationScoped
public class OwnerFromEnvironment {

  private static final Logger LOG = Logger.getLogger(OwnerFromEnvironment.class.getName());

  @Inject StaffAccounts accounts;

  @Inject
  @ConfigProperty(name = "myochart.owner.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "myochart.owner.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "myochart.owner.name", defaultValue = "Clinic owner")
  String displayName;

  public void createIfConfigured(
      @Observes @Priority(StartupOrder.ACCOUNTS) SchemaMigrated migrated) {
    if (username.isEmpty() || password.isEmpty() || accounts.ownerExists()) {
      if (username.isPresent() != password.isPresent()) {
        LOG.warning("Set both MYOCHART_OWNER_USERNAME and MYOCHART_OWNER_PASSWORD, or neither.");
      }
      return;
    }
    try {
      accounts.createFirstOwner(username.get(), displayName, password.get());
      LOG.info(
          () -> "Created the owner account '" + username.get().strip() + "' from the environment.");
    } catch (RuleViolation refused) {
      LOG.severe(
          "MYOCHART_OWNER_USERNAME/PASSWORD were not used: "
              + refused.getMessage()
              + " The setup page will ask for an owner instead.");
    }
  }
}
