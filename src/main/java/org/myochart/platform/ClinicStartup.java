package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.myochart.consent.DefaultConsentForms;
import org.myochart.audit.AuditChain;
import org.myochart.demo.DemoClinic;
import org.myochart.export.ExportJobs;
import org.myochart.security.OwnerFromEnvironment;

/**
 * What happens once at deployment, in order: the schema is migrated, the default consent forms are installed on an empty
 * database, then the first owner is
 * created from the environment, then the demo clinic if asked for; last, exports a stopped server
 * left unfinished are resumed and the
 * regular audit trail check is scheduled. A failed migration fails the
 * deployment, so the server never serves a half-migrated database.
 */
@ApplicationScoped
public class ClinicStartup {

  @Inject SchemaMigration schema;
  @Inject DefaultConsentForms consentForms;
  @Inject OwnerFromEnvironment owner;
  @Inject DemoClinic demo;
  @Inject ExportJobs exports;
  @Inject AuditChain auditChain;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    schema.migrate();
    consentForms.installIfMissing();
    owner.createIfConfigured();
    demo.createIfRequested();
    exports.resumeUnfinished();
    auditChain.scheduleChecks();
  }
}
