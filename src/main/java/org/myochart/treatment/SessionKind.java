package org.myochart.treatment;

/** What kind of visit a session is. */
public enum SessionKind {
  ASSESSMENT("Assessment"),
  FOLLOW_UP("Follow-up");

  private final String label;

  SessionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
