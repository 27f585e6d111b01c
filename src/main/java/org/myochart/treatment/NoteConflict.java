package org.myochart.treatment;

import org.myochart.platform.RuleViolation;

/**
 * Someone else saved the draft since this editor loaded it. Carries their version, so the screen
 * can show both and nothing typed on either side is lost.
 */
public class NoteConflict extends RuleViolation {

  private final transient SoapNote theirs;

  NoteConflict(SoapNote theirs) {
    super(
        Kind.STALE,
        "This draft was saved elsewhere at "
            + theirs.getUpdatedAt()
            + " while you were editing. Both versions are shown: keep yours or take theirs.");
    this.theirs = theirs;
  }

  public SoapNote theirs() {
    return theirs;
  }
}
