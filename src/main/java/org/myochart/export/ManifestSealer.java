package org.myochart.export;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The export job's last step: stores the clients' FHIR Bundles when the export asked for them, then
 * signs the manifest and marks the export completed.
 */
@Named("manifestSealer")
@Dependent
public class ManifestSealer extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject AuditExports exports;

  @Override
  public String process() {
    AuditExports.Run run = (AuditExports.Run) job.getTransientUserData();
    try {
      exports.collectFhirBundles(run);
    } catch (RuntimeException e) {
      exports.fail(
          run.exportId(), run.token(), "Building the FHIR Bundles failed: " + e.getMessage());
      throw e;
    }
    try {
      exports.complete(run);
    } catch (RuntimeException e) {
      exports.fail(run.exportId(), run.token(), "Signing the manifest failed: " + e.getMessage());
      throw e;
    }
    return "COMPLETED";
  }
}
