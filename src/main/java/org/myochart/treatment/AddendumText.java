package org.myochart.treatment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.myochart.platform.TypedText;

/** What a therapist writes in an addendum: why, and the correction or addition itself. */
record AddendumText(
    @NotNull(message = "{note.addendum.reason.missing}")
        @Size(max = 1000, message = "{note.addendum.reason.tooLong}")
        @Pattern(regexp = "[\\P{Cc}\\n\\r\\t]*", message = "{note.addendum.reason.unstorable}")
        String reason,
    @NotNull(message = "{note.addendum.body.missing}")
        @Size(max = NoteField.LONGEST_TEXT, message = "{note.addendum.body.tooLong}")
        @Pattern(regexp = "[\\P{Cc}\\n\\r\\t]*", message = "{note.addendum.body.unstorable}")
        String body) {

  /** Trimmed; blank parts become null, which is refused. */
  static AddendumText of(String reason, String body) {
    return new AddendumText(TypedText.clean(reason), TypedText.clean(body));
  }
}
