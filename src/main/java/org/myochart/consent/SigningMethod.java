package org.myochart.consent;

/** How a consent was given. */
public enum SigningMethod {
  /** Signed on the clinic's tablet. */
  ELECTRONIC,
  /** Signed on paper; staff recorded it with a scanned copy. */
  PAPER
}
