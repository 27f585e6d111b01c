package org.myochart.caseload;

/** Whether a person may open one client's clinical record, and why. */
public enum ClinicalAccess {
  /** The owner reads every record. */
  OWNER,
  /** The client is in the therapist's caseload. */
  CASELOAD,
  /** Outside the caseload, but the therapist gave a reason that still holds. */
  BREAK_GLASS,
  /** Outside the caseload: the therapist must give a reason first. */
  REASON_NEEDED,
  /** Front desk, kiosks and everyone else never read clinical records. */
  REFUSED;

  public boolean opens() {
    return this == OWNER || this == CASELOAD || this == BREAK_GLASS;
  }
}
