package org.myochart.audit;

/**
 * What happened. The constant's name is what the trail stores, hashes and exports (CSV, bulk
 * export), so it never changes; {@link #label()} is how the owner's audit page shows it.
 */
public enum AuditAction {
  LOGIN("Signed in"),
  LOGIN_FAILED("Sign-in failed"),
  LOGIN_LOCKED("Sign-in locked out"),
  LOGOUT("Signed out"),
  IDLE_LOGOUT("Signed out after being idle"),
  ACCESS_DENIED("Access refused"),
  CREATE("Created"),
  CHANGE("Changed"),
  VIEW("Viewed"),
  DEACTIVATE("Deactivated"),
  REACTIVATE("Reactivated"),
  PASSWORD_RESET("Password reset"),
  PASSWORD_CHANGE("Password changed"),
  SETUP("Clinic set up"),
  EXPORT("Exported"),
  VERIFY("Verified"),
  KIOSK_START("Tablet handed to a client"),
  KIOSK_END("Tablet handed back"),
  /**
   * A tablet in kiosk mode asked for an address outside its kiosk page; the path is in the detail.
   */
  KIOSK_ESCAPE("Tablet left its kiosk page"),
  PUBLISH("Published"),
  SIGN("Signed"),
  WITNESS("Witnessed"),
  WITHDRAW("Withdrawn"),
  PAPER_REQUEST("Paper consent asked for"),
  /** An API token (or another credential) was withdrawn before it expired. */
  REVOKE("Revoked"),
  /** A therapist opened a record outside their caseload, giving the reason in the detail. */
  BREAK_GLASS("Opened outside own caseload"),
  /**
   * A sealed record's document timestamp was renewed before the authority's certificate expires;
   * the detail holds the SHA-256 of the copy before and after.
   */
  RETIMESTAMP("Timestamp renewed");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** The action in the owner's words, e.g. "Sign-in failed". */
  public String label() {
    return label;
  }

  /** The action's label, or the stored text itself for a name this version does not know. */
  public static String labelOf(String storedName) {
    for (AuditAction action : values()) {
      if (action.name().equals(storedName)) {
        return action.label;
      }
    }
    return storedName;
  }
}
