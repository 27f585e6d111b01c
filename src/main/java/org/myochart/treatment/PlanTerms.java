package org.myochart.treatment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Between;
import org.myochart.platform.validation.Text;

/** What a therapist agrees with the client when a treatment plan starts. */
record PlanTerms(
    @NotNull(message = "{note.plan.goal.missing}")
        @Text(label = "goal", max = 1000, multiline = true)
        String goal,
    @NotNull(message = "{note.plan.sessionsPlanned}")
        @Between(min = 1, max = 100, message = "{note.plan.sessionsPlanned}")
        Integer sessionsPlanned,
    @NotNull(message = "{note.plan.sessionsPerWeek}")
        @Between(min = 1, max = 7, message = "{note.plan.sessionsPerWeek}")
        Integer sessionsPerWeek,
    @NotNull(message = "{note.plan.startsOn.missing}") LocalDate startsOn) {

  /** The goal trimmed; a blank goal becomes null, which is refused. */
  static PlanTerms of(
      String goal, Integer sessionsPlanned, Integer sessionsPerWeek, LocalDate startsOn) {
    return new PlanTerms(TypedText.clean(goal), sessionsPlanned, sessionsPerWeek, startsOn);
  }
}
