package org.myochart.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;
import org.myochart.platform.RuleViolation;

/**
 * Whatever the client has given on the tablet so far, as typed: unanswered questions stay empty,
 * nothing is checked here (the rules apply when the intake is sent). Kept as JSON in {@link
 * IntakeDraft}.
 *
 * @param redFlags each warning-sign question answered so far, by {@link RedFlag} name: "yes" or
 *     "no"
 * @param symptoms the symptom chips chosen ("oneSided", "throbbing", ...)
 * @param physicianDiagnosed "yes", "no" or empty
 * @param conditions the condition chips chosen ("spondylosis", "injury", "pregnant")
 */
public record IntakeDraftAnswers(
    Map<String, String> redFlags,
    Integer headacheDaysPerMonth,
    Integer usualDurationHours,
    Integer usualIntensity,
    List<String> symptoms,
    String triggers,
    String physicianDiagnosed,
    String diagnosedWhen,
    List<MedicationLine> medications,
    List<String> conditions,
    String skinCondition,
    String oilAllergy,
    String otherContraindications) {

  /** A medication row as typed: the name may still be empty. */
  public record MedicationLine(String name, String kind) {}

  /** One JSON-B instance for all drafts; thread-safe once built. */
  private static final class Serialiser {
    private static final Jsonb JSONB = JsonbBuilder.create();
  }

  public IntakeDraftAnswers {
    redFlags = redFlags == null ? Map.of() : Map.copyOf(redFlags);
    symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    medications = medications == null ? List.of() : List.copyOf(medications);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  public String json() {
    return Serialiser.JSONB.toJson(this);
  }

  public static IntakeDraftAnswers fromJson(String json) {
    try {
      return Serialiser.JSONB.fromJson(json, IntakeDraftAnswers.class);
    } catch (JsonbException e) {
      throw RuleViolation.conflict("The kept answers cannot be read; start the questions again.");
    }
  }
}
