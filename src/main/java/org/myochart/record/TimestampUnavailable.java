package org.myochart.record;

/**
 * The timestamp authority could not vouch for a seal: it could not be reached, did not answer in
 * time, refused, or answered with a token that does not check out. The record is not sealed.
 */
public class TimestampUnavailable extends RuntimeException {

  public TimestampUnavailable(String message) {
    super(message);
  }

  public TimestampUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
