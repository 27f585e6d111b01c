package org.myochart.treatment;

/** How well the client tolerated the treatment. */
public enum Tolerance {
  GOOD("Good"),
  FAIR("Fair"),
  POOR("Poor");

  private final String label;

  Tolerance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
