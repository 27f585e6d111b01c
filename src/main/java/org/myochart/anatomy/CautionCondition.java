package org.myochart.anatomy;

/** Intake findings that make a catalogue entry need care. */
public enum CautionCondition {
  PREGNANCY("Pregnancy"),
  CERVICAL_SPONDYLOSIS("Cervical spondylosis"),
  BLOOD_THINNER("Blood thinner");

  private final String label;

  CautionCondition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
