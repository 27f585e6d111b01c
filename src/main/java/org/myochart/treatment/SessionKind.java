package org.myochart.treatment;

/** What kind of visit a session is. */
public enum SessionKind {
  ASSESSMENT("Assessment"),
  FOLLOW_UP("Follow-up");

  private final String label;

  SessionKind(String label) {
    this.label = label;
  }

  /**
   * The kind a new session most likely is: a follow-up once the client has a signed session, their
   * first visit's assessment before that. Staff may still choose the other.
   */
  public static SessionKind suggestedFor(boolean signedSessionBefore) {
    return signedSessionBefore ? FOLLOW_UP : ASSESSMENT;
  }

  public String label() {
    return label;
  }
}
