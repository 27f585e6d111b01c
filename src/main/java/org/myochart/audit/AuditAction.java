package org.myochart.audit;

/** What happened, in the words an auditor reads. */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  LOGIN_LOCKED,
  LOGOUT,
  IDLE_LOGOUT,
  ACCESS_DENIED,
  CREATE,
  CHANGE,
  VIEW,
  DEACTIVATE,
  REACTIVATE,
  PASSWORD_RESET,
  PASSWORD_CHANGE,
  SETUP,
  EXPORT,
  VERIFY,
  KIOSK_START,
  KIOSK_END,
  /**
   * A tablet in kiosk mode asked for an address outside its kiosk page; the path is in the detail.
   */
  KIOSK_ESCAPE,
  PUBLISH,
  SIGN,
  WITNESS,
  WITHDRAW,
  PAPER_REQUEST,
  /** An API token (or another credential) was withdrawn before it expired. */
  REVOKE,
  /** A therapist opened a record outside their caseload, giving the reason in the detail. */
  BREAK_GLASS,
  /**
   * A sealed record's document timestamp was renewed before the authority's certificate expires;
   * the detail holds the SHA-256 of the copy before and after.
   */
  RETIMESTAMP
}
