package org.myochart.client;

/** What a medication is taken for; blood thinners change how deep pressure may go. */
public enum MedicationKind {
  ACUTE("Acute (for an attack)"),
  PREVENTIVE("Preventive"),
  BLOOD_THINNER("Blood thinner"),
  OTHER("Other");

  private final String label;

  MedicationKind(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
