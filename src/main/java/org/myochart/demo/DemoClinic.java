package org.myochart.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;
import org.myochart.security.PasswordPolicy;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;

/**
 * Fills an empty database with a believable, entirely fictitious clinic. It runs only when
 * MYOCHART_DEMO=true and MYOCHART_DEMO_PASSWORD is set (there is no built-in password), and only
 * once: if the demo owner exists, the clinic is left as it is.
 */
@ApplicationScoped
public class DemoClinic {

  private static final Logger LOG = Logger.getLogger(DemoClinic.class.getName());
  static final String FRONT_DESK = "frontdesk";

  @Inject StaffAccounts accounts;
  @Inject DemoClients clients;
  @Inject DemoSessions sessions;

  @Inject
  @ConfigProperty(name = "myochart.demo", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "myochart.demo.password")
  Optional<String> password;

  public void createIfRequested(
      @Observes @Priority(StartupOrder.SAMPLE_DATA) SchemaMigrated migrated) {
    if (!enabled) {
      return;
    }
    if (password.isEmpty()) {
      LOG.severe(
          "MYOCHART_DEMO=true needs MYOCHART_DEMO_PASSWORD (at least "
              + PasswordPolicy.MINIMUM_LENGTH
              + " characters); no demo clinic was created.");
      return;
    }
    Optional<String> problem = PasswordPolicy.problemWith(password.get(), null);
    if (problem.isPresent()) {
      LOG.severe(
          "MYOCHART_DEMO_PASSWORD was refused: " + problem.get() + " No demo clinic was created.");
      return;
    }
    if (accounts.findByUsername("owner").isPresent() || accounts.ownerExists()) {
      LOG.info("The demo clinic (or another owner) already exists; nothing was added.");
      return;
    }
    String secret = password.get();
    accounts.createFirstOwner("owner", "Maren Ostrowski", secret);
    accounts.create("therapist1", "Tomás Reyes, LMT", Role.THERAPIST, secret, false);
    accounts.create("therapist2", "Ingrid Halvorsen, LMT", Role.THERAPIST, secret, false);
    accounts.create(FRONT_DESK, "Priya Natarajan", Role.FRONT_DESK, secret, false);
    clients.create();
    sessions.create(secret);
    LOG.info(
        "Demo clinic created: sign in as owner, therapist1, therapist2 or frontdesk"
            + " with MYOCHART_DEMO_PASSWORD.");
  }
}
