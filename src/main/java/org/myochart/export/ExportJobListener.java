package org.myochart.export;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Marks an export failed when its job ends in failure, unless another run has taken it over. */
@Named("exportJobListener")
@Dependent
public class ExportJobListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(ExportJobListener.class.getName());

  @Inject JobContext job;
  @Inject AuditExports exports;

  @Override
  public void afterJob() {
    // A job that went well is still STARTED when its listener runs.
    if (job.getBatchStatus() != BatchStatus.FAILED && job.getBatchStatus() != BatchStatus.STOPPED) {
      return;
    }
    long exportId = Long.parseLong(job.getProperties().getProperty(ExportJobs.EXPORT_ID));
    String token = job.getTransientUserData() instanceof AuditExports.Run run ? run.token() : null;
    String reason =
        job.getExitStatus() == null || job.getExitStatus().equals(job.getBatchStatus().name())
            ? "The export job ended " + job.getBatchStatus() + "; see the server log for the cause."
            : job.getExitStatus();
    LOG.warning(() -> "Export " + exportId + " job ended " + job.getBatchStatus() + ": " + reason);
    if (token != null) {
      exports.fail(exportId, token, reason);
    }
  }
}
