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
  KIOSK_START,
  KIOSK_END,
  PUBLISH,
  SIGN,
  WITNESS,
  WITHDRAW,
  PAPER_REQUEST
}
