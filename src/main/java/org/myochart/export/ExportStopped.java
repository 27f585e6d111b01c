package org.myochart.export;

/**
 * An export run cannot go on and trying again would not help: a stored record no longer matches the
 * SHA-256 recorded when it was sealed, or another run has taken the export over. Other failures of
 * a chunk (a lost database connection, say) are retried by the job.
 */
public class ExportStopped extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ExportStopped(String message) {
    super(message);
  }
}
