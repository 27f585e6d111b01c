package org.myochart.treatment;

/** How firmly a muscle was worked. */
public enum Pressure {
  LIGHT("Light"),
  MODERATE("Moderate"),
  FIRM("Firm");

  private final String label;

  Pressure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
