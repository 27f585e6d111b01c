package org.myochart.client;

/** The parts of the health intake, in the order the questionnaire asks them. */
public enum IntakeSection {
  PATTERN("Headache pattern"),
  SYMPTOMS("Symptoms"),
  TRIGGERS("Triggers"),
  DIAGNOSIS("Diagnosis"),
  MEDICATIONS("Medications"),
  CONTRAINDICATIONS("Contraindications"),
  RED_FLAGS("Red flags");

  private final String title;

  IntakeSection(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public String getTitle() {
    return title;
  }
}
