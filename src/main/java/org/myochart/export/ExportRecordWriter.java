package org.myochart.export;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Commits a chunk of manifest lines and the progress they make, in one transaction. */
@Named("exportRecordWriter")
@Dependent
public class ExportRecordWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject AuditExports exports;

  @Override
  public void writeItems(List<Object> items) {
    exports.recordChunk(
        (AuditExports.Run) job.getTransientUserData(),
        items.stream().map(ManifestLine.class::cast).toList());
  }
}
