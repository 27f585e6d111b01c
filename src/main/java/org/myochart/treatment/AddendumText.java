package org.myochart.treatment;

import jakarta.validation.constraints.NotNull;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Text;

/** What a therapist writes in an addendum: why, and the correction or addition itself. */
record AddendumText(
    @NotNull(message = "{note.addendum.reason.missing}")
        @Text(label = "reason for the addendum", max = 1000, multiline = true)
        String reason,
    @NotNull(message = "{note.addendum.body.missing}")
        @Text(label = "text of the addendum", max = NoteField.LONGEST_TEXT, multiline = true)
        String body) {

  /** Trimmed; blank parts become null, which is refused. */
  static AddendumText of(String reason, String body) {
    return new AddendumText(TypedText.clean(reason), TypedText.clean(body));
  }
}
