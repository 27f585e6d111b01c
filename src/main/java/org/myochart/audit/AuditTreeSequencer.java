package org.myochart.audit;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Publishes a signed tree head of the audit trail every {@code MYOCHART_AUDIT_TREE_HEAD_SECONDS}
 * (60) when entries were added since the last one. Every server runs it; the sequencer row's lock
 * lets one publish at a time and the others find nothing left to do.
 */
@ApplicationScoped
public class AuditTreeSequencer {

  private static final Logger LOG = Logger.getLogger(AuditTreeSequencer.class.getName());

  @Inject AuditTree tree;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "myochart.audit.tree-head-seconds", defaultValue = "60")
  int seconds;

  public void schedule(@Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    long every = Math.max(1, seconds);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            tree.publish();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The audit tree head could not be published", e);
          }
        },
        every,
        every,
        TimeUnit.SECONDS);
  }
}
