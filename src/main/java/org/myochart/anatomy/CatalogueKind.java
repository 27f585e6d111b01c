package org.myochart.anatomy;

/** The three lists of the catalogue. */
public enum CatalogueKind {
  MUSCLE("Muscle"),
  POINT("Pressure point"),
  TECHNIQUE("Technique");

  private final String label;

  CatalogueKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
