package org.myochart.client;

import org.myochart.platform.TextRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One complete set of intake answers, from the therapist's form or the client's tablet. */
public record IntakeAnswers(
    Integer headacheDaysPerMonth,
    Integer usualDurationHours,
    Integer usualIntensity,
    boolean oneSided,
    boolean throbbing,
    boolean aura,
    boolean nausea,
    boolean lightSensitivity,
    boolean soundSensitivity,
    String triggers,
    boolean physicianDiagnosed,
    String diagnosedWhen,
    List<Medication> medications,
    boolean cervicalSpondylosis,
    boolean recentHeadNeckInjury,
    boolean pregnant,
    String skinCondition,
    String oilAllergy,
    String otherContraindications,
    Set<RedFlag> redFlags) {

  public static final int MOST_MEDICATIONS = 20;

  public IntakeAnswers {
    triggers = TextRules.clean(triggers);
    diagnosedWhen = TextRules.clean(diagnosedWhen);
    skinCondition = TextRules.clean(skinCondition);
    oilAllergy = TextRules.clean(oilAllergy);
    otherContraindications = TextRules.clean(otherContraindications);
    medications = medications == null ? List.of() : List.copyOf(medications);
    redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
  }

  /** Field name to message for every answer that cannot be kept. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    range(problems, "headacheDaysPerMonth", "Headache days per month", headacheDaysPerMonth, 0, 31);
    range(problems, "usualDurationHours", "The usual duration in hours", usualDurationHours, 0, 168);
    range(problems, "usualIntensity", "The usual intensity", usualIntensity, 0, 10);
    TextRules.check(problems, "triggers", "triggers", triggers, 2000, false, true);
    TextRules.check(problems, "diagnosedWhen", "diagnosis date", diagnosedWhen, 100, false, false);
    TextRules.check(problems, "skinCondition", "skin condition", skinCondition, 500, false, true);
    TextRules.check(problems, "oilAllergy", "allergy", oilAllergy, 500, false, true);
    TextRules.check(problems, "otherContraindications", "other conditions", otherContraindications, 4000, false, true);
    if (medications.size() > MOST_MEDICATIONS) {
      problems.put("medications", "At most " + MOST_MEDICATIONS + " medications can be listed.");
    }
    for (Medication medication : medications) {
      TextRules.check(problems, "medications", "medication name", TextRules.clean(medication.getName()), 200, true, false);
    }
    return problems;
  }

  private static void range(Map<String, String> problems, String field, String label, Integer value, int min, int max) {
    if (value == null) {
      problems.put(field, label + " is needed (a number from " + min + " to " + max + ").");
    } else if (value < min || value > max) {
      problems.put(field, label + " must be a number from " + min + " to " + max + ".");
    }
  }
}
