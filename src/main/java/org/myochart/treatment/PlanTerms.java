package org.myochart.treatment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.myochart.platform.TypedText;

/** What a therapist agrees with the client when a treatment plan starts. */
record PlanTerms(
    @NotNull(message = "{note.plan.goal.missing}")
        @Size(max = 1000, message = "{note.plan.goal.tooLong}")
        @Pattern(regexp = "[\\P{Cc}\\n\\r\\t]*", message = "{note.plan.goal.unstorable}")
        String goal,
    @NotNull(message = "{note.plan.sessionsPlanned}")
        @Min(value = 1, message = "{note.plan.sessionsPlanned}")
        @Max(value = 100, message = "{note.plan.sessionsPlanned}")
        Integer sessionsPlanned,
    @NotNull(message = "{note.plan.sessionsPerWeek}")
        @Min(value = 1, message = "{note.plan.sessionsPerWeek}")
        @Max(value = 7, message = "{note.plan.sessionsPerWeek}")
        Integer sessionsPerWeek,
    @NotNull(message = "{note.plan.startsOn.missing}") LocalDate startsOn) {

  /** The goal trimmed; a blank goal becomes null, which is refused. */
  static PlanTerms of(
      String goal, Integer sessionsPlanned, Integer sessionsPerWeek, LocalDate startsOn) {
    return new PlanTerms(TypedText.clean(goal), sessionsPlanned, sessionsPerWeek, startsOn);
  }
}
