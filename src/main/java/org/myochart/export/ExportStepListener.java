package org.myochart.export;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Names the cause when a step of an export job fails: the export's failure then says what went
 * wrong (and the server log has the stack trace) instead of only that the job failed.
 */
@Named("exportStepListener")
@Dependent
public class ExportStepListener extends AbstractStepListener {

  private static final Logger LOG = Logger.getLogger(ExportStepListener.class.getName());

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject AuditExports exports;

  @Override
  public void afterStep() {
    Exception failure = step.getException();
    if (failure == null) {
      return;
    }
    long exportId = Long.parseLong(job.getProperties().getProperty(ExportJobs.EXPORT_ID));
    LOG.log(
        Level.WARNING,
        "Step " + step.getStepName() + " of export " + exportId + " failed",
        failure);
    String reason = "Step '" + step.getStepName() + "' failed: " + cause(failure);
    // Without a run the step failed before taking the export over; it would otherwise stay RUNNING.
    String token = job.getTransientUserData() instanceof AuditExports.Run run ? run.token() : null;
    exports.fail(exportId, token, reason);
  }

  /** The innermost cause's class and message, which is what a person can act on. */
  static String cause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
