package org.myochart.treatment;

/** A note is written as a draft and then signed, after which it never changes. */
public enum NoteStatus {
  DRAFT("Draft"),
  SIGNED("Signed");

  private final String label;

  NoteStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
