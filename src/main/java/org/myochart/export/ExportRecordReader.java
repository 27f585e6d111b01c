package org.myochart.export;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the records of an export in sealed-record order, a page at a time, each checked against its
 * stored SHA-256. Opening takes the export over and continues after its last committed chunk; so
 * does opening again when the job retries a chunk that failed (audit-export.xml).
 */
@Named("exportRecordReader")
@Dependent
public class ExportRecordReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject AuditExports exports;

  private AuditExports.Run run;
  private final Deque<ManifestLine> page = new ArrayDeque<>();
  private long lastSealedId;
  private int position;

  @Override
  public void open(Serializable checkpoint) {
    long exportId = Long.parseLong(job.getProperties().getProperty(ExportJobs.EXPORT_ID));
    run = exports.claim(exportId);
    job.setTransientUserData(run);
    lastSealedId = run.lastSealedRecordId();
    position = run.committed();
  }

  @Override
  public Object readItem() {
    if (page.isEmpty()) {
      try {
        page.addAll(exports.nextRecords(run, lastSealedId));
      } catch (ExportStopped e) {
        exports.fail(run.exportId(), run.token(), e.getMessage());
        throw e;
      }
      if (page.isEmpty()) {
        return null;
      }
      lastSealedId = page.peekLast().sealedRecordId();
    }
    return page.poll().at(++position);
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }
}
