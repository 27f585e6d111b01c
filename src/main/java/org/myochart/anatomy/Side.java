package org.myochart.anatomy;

/** Which side of the body, with its SNOMED CT laterality qualifier. */
public enum Side {
  LEFT("Left", "L", "7771000"),
  RIGHT("Right", "R", "24028007"),
  BOTH("Both", "L+R", "51440002"),
  /** For structures on the midline, which have no side. */
  MIDLINE("Midline", "mid", null);

  private final String label;
  private final String abbreviation;
  private final String snomedCode;

  Side(String label, String abbreviation, String snomedCode) {
    this.label = label;
    this.abbreviation = abbreviation;
    this.snomedCode = snomedCode;
  }

  public String label() {
    return label;
  }

  public String abbreviation() {
    return abbreviation;
  }

  public String snomedCode() {
    return snomedCode;
  }

  /** The sides a structure can be worked on. */
  public static Side[] forStructure(boolean lateral) {
    return lateral ? new Side[] {LEFT, RIGHT, BOTH} : new Side[] {MIDLINE};
  }
}
