package org.myochart.treatment;

import java.io.Serializable;
import java.time.Duration;

/** How long a note has waited for its signature since its session started, in words for staff. */
public record NoteAge(Duration waited) implements Serializable {

  public NoteAge {
    waited = waited.isNegative() ? Duration.ZERO : waited;
  }

  /** "less than an hour", "1 hour", "5 hours", "1 day", "2 days": whole units, rounded down. */
  public String words() {
    long days = waited.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = waited.toHours();
    if (hours >= 1) {
      return hours + (hours == 1 ? " hour" : " hours");
    }
    return "less than an hour";
  }

  /** Waited longer than the clinic allows before the note is flagged. */
  public boolean longerThan(Duration limit) {
    return waited.compareTo(limit) > 0;
  }
}
