package org.myochart.export;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Starts the Jakarta Batch job {@value #JOB} for exports: once a request is committed, and at every
 * server start for exports a stopped server left unfinished. The job's own progress lives in
 * MyoChart's tables, so a new job execution continues after the last committed chunk whatever
 * happened to the batch runtime's repository.
 *
 * <p>Jobs are started from outside any {@code @Transactional} method: the batch runtime runs each
 * chunk in a UserTransaction, which a thread carrying a transactional method's context may not use.
 */
@ApplicationScoped
public class ExportJobs {

  public static final String JOB = "audit-export";
  public static final String EXPORT_ID = "exportId";

  private static final Logger LOG = Logger.getLogger(ExportJobs.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject AuditExports exports;

  /** Queues the export (committed before this returns) and starts its job if it is new. */
  public AuditExport request(ExportScope scope) {
    AuditExports.Requested requested = exports.request(scope);
    if (requested.created()) {
      start(requested.export().getId());
    }
    return requested.export();
  }

  /** Restarts what a stopped server left unfinished, once at deployment. */
  public void resumeUnfinished(
      @Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    for (AuditExport export : exports.unfinished()) {
      LOG.info(
          () ->
              "Resuming export "
                  + export.getId()
                  + " at "
                  + export.getDone()
                  + " of "
                  + export.getTotal()
                  + " records.");
      executor.submit(() -> start(export.getId()));
    }
  }

  private void start(long exportId) {
    try {
      Properties parameters = new Properties();
      parameters.setProperty(EXPORT_ID, Long.toString(exportId));
      JobOperator operator = BatchRuntime.getJobOperator();
      operator.start(JOB, parameters);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not start the job of export " + exportId, e);
      exports.fail(exportId, null, "The export job could not start: " + e.getMessage());
    }
  }
}
