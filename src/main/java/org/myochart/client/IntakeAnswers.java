package org.myochart.client;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.MostItems;
import org.myochart.platform.validation.Text;
import org.myochart.platform.validation.WholeNumber;

/** One complete set of intake answers, from the therapist's form or the client's tablet. */
public record IntakeAnswers(
    @WholeNumber(label = "Headache days per month", min = 0, max = 31) Integer headacheDaysPerMonth,
    @WholeNumber(label = "The usual duration in hours", min = 0, max = 168)
        Integer usualDurationHours,
    @WholeNumber(label = "The usual intensity", min = 0, max = 10) Integer usualIntensity,
    boolean oneSided,
    boolean throbbing,
    boolean aura,
    boolean nausea,
    boolean lightSensitivity,
    boolean soundSensitivity,
    @Text(label = "triggers", max = 2000, multiline = true) String triggers,
    boolean physicianDiagnosed,
    @Text(label = "diagnosis date", max = 100) String diagnosedWhen,
    @MostItems(value = IntakeAnswers.MOST_MEDICATIONS, message = "{intake.medications.tooMany}")
        List<@Valid Medication> medications,
    boolean cervicalSpondylosis,
    boolean recentHeadNeckInjury,
    boolean pregnant,
    @Text(label = "skin condition", max = 500, multiline = true) String skinCondition,
    @Text(label = "allergy", max = 500, multiline = true) String oilAllergy,
    @Text(label = "other conditions", max = 4000, multiline = true) String otherContraindications,
    Set<RedFlag> redFlags) {

  public static final int MOST_MEDICATIONS = 20;

  public IntakeAnswers {
    triggers = TypedText.clean(triggers);
    diagnosedWhen = TypedText.clean(diagnosedWhen);
    skinCondition = TypedText.clean(skinCondition);
    oilAllergy = TypedText.clean(oilAllergy);
    otherContraindications = TypedText.clean(otherContraindications);
    medications = medications == null ? List.of() : List.copyOf(medications);
    redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
  }
}
