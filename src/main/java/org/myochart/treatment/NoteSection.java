package org.myochart.treatment;

/** The parts of a SOAP note, in the order the note is written, read and hashed. */
public enum NoteSection {
  SUBJECTIVE("subjective"),
  OBJECTIVE("objective"),
  TREATMENT("treatment"),
  ASSESSMENT("assessment"),
  PLAN("plan");

  private final String key;

  NoteSection(String key) {
    this.key = key;
  }

  /** The section's name in the canonical JSON. */
  public String key() {
    return key;
  }
}
