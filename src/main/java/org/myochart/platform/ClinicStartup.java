package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What happens once at deployment: the schema is migrated, then {@link SchemaMigrated} is fired and
 * each domain package does its own start-up work, in the order of {@link StartupOrder} (default
 * consent forms, the owner from the environment, the demo clinic, resumed exports and the audit
 * trail check). Platform names none of them. A failed migration, or a failing observer, fails the
 * deployment, so the server never serves a half-migrated database.
 */
@ApplicationScoped
public class ClinicStartup {

  @Inject SchemaMigration schema;
  @Inject Event<SchemaMigrated> migrated;
  @Inject ClinicSettings settings;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Settings read only later, on a kiosk page or after a signing, are checked now: a mistyped
    // one stops the start instead of breaking that page in front of a client.
    settings.idleTimeout();
    settings.kioskLockAfter();
    settings.smtp();
    schema.migrate();
    schema.checkRuntimeRole();
    migrated.fire(new SchemaMigrated(schema.currentVersion()));
  }
}
