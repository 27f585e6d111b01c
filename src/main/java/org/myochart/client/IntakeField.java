package org.myochart.client;

import java.util.List;
import java.util.function.Function;

/**
 * Every answer of the health intake once: its section, its label and how it reads. The client
 * page's intake tab and the differences between two versions are both driven from here.
 */
public enum IntakeField {
  HEADACHE_DAYS(
      IntakeSection.PATTERN,
      "Headache days per month",
      i -> List.of(Integer.toString(i.getHeadacheDaysPerMonth()))),
  USUAL_DURATION(
      IntakeSection.PATTERN,
      "Usual duration (hours)",
      i -> List.of(Integer.toString(i.getUsualDurationHours()))),
  USUAL_INTENSITY(
      IntakeSection.PATTERN,
      "Usual intensity (0–10)",
      i -> List.of(Integer.toString(i.getUsualIntensity()))),
  ONE_SIDED(IntakeSection.SYMPTOMS, "One-sided", i -> yesNo(i.isOneSided())),
  THROBBING(IntakeSection.SYMPTOMS, "Throbbing", i -> yesNo(i.isThrobbing())),
  AURA(IntakeSection.SYMPTOMS, "Aura", i -> yesNo(i.isAura())),
  NAUSEA(IntakeSection.SYMPTOMS, "Nausea", i -> yesNo(i.isNausea())),
  LIGHT_SENSITIVITY(
      IntakeSection.SYMPTOMS, "Light sensitivity", i -> yesNo(i.isLightSensitivity())),
  SOUND_SENSITIVITY(
      IntakeSection.SYMPTOMS, "Sound sensitivity", i -> yesNo(i.isSoundSensitivity())),
  TRIGGERS(IntakeSection.TRIGGERS, "Triggers", i -> text(i.getTriggers())),
  DIAGNOSED(
      IntakeSection.DIAGNOSIS,
      "Diagnosed by a physician",
      i ->
          List.of(
              (i.isPhysicianDiagnosed() ? "yes" : "no")
                  + (i.getDiagnosedWhen() == null ? "" : " (" + i.getDiagnosedWhen() + ")"))),
  MEDICATIONS(
      IntakeSection.MEDICATIONS,
      "Medications",
      i ->
          i.getMedications().stream()
              .map(m -> m.getName() + " — " + m.getKind().getLabel())
              .toList()),
  CERVICAL_SPONDYLOSIS(
      IntakeSection.CONTRAINDICATIONS,
      "Cervical spondylosis",
      i -> yesNo(i.isCervicalSpondylosis())),
  RECENT_HEAD_NECK_INJURY(
      IntakeSection.CONTRAINDICATIONS,
      "Recent head or neck injury",
      i -> yesNo(i.isRecentHeadNeckInjury())),
  PREGNANT(IntakeSection.CONTRAINDICATIONS, "Pregnant", i -> yesNo(i.isPregnant())),
  SKIN_CONDITION(
      IntakeSection.CONTRAINDICATIONS, "Skin condition", i -> text(i.getSkinCondition())),
  OIL_ALLERGY(
      IntakeSection.CONTRAINDICATIONS, "Allergy to oils or lotions", i -> text(i.getOilAllergy())),
  OTHER_CONTRAINDICATIONS(
      IntakeSection.CONTRAINDICATIONS,
      "Other contraindications",
      i -> text(i.getOtherContraindications())),
  RED_FLAGS(
      IntakeSection.RED_FLAGS,
      "Red flags",
      i -> i.getRedFlags().stream().sorted().map(RedFlag::question).toList());

  /** What an empty list reads as: nothing was named. */
  static final String NONE = "none";

  /** What an unanswered text reads as. */
  static final String NOT_ANSWERED = "—";

  private final IntakeSection section;
  private final String label;
  private final Function<HealthIntake, List<String>> lines;

  IntakeField(IntakeSection section, String label, Function<HealthIntake, List<String>> lines) {
    this.section = section;
    this.label = label;
    this.lines = lines;
  }

  public IntakeSection section() {
    return section;
  }

  public String label() {
    return label;
  }

  /** The answer line by line (one line for most answers, one per medication or red flag). */
  public List<String> linesIn(HealthIntake intake) {
    List<String> answer = lines.apply(intake);
    if (!answer.isEmpty()) {
      return answer;
    }
    return List.of(this == MEDICATIONS || this == RED_FLAGS ? NONE : NOT_ANSWERED);
  }

  /** The answer on one line, to compare two versions by. */
  public String textIn(HealthIntake intake) {
    return String.join("; ", linesIn(intake));
  }

  public static List<IntakeField> in(IntakeSection section) {
    return java.util.Arrays.stream(values()).filter(f -> f.section == section).toList();
  }

  private static List<String> yesNo(boolean value) {
    return List.of(value ? "yes" : "no");
  }

  private static List<String> text(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value);
  }
}
