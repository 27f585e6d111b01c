package org.myochart.export;

/** Where an export stands. A queued export is reported as running: it starts within a moment. */
public enum ExportStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED;

  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }

  /** The status the API reports: RUNNING, COMPLETED or FAILED. */
  public String reported() {
    return finished() ? name() : RUNNING.name();
  }
}
