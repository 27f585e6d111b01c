package org.myochart.treatment;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** A note still waiting for its therapist's signature; read by a JPQL constructor. */
public record UnsignedNote(
    Long noteId,
    Long clientId,
    String clientFirstName,
    String clientLastName,
    Instant sessionStartedAt,
    SessionKind kind,
    String therapistName)
    implements Serializable {

  public String clientName() {
    return clientFirstName + " " + clientLastName;
  }

  /** How long it has waited by {@code now}, counted from the start of its session. */
  public NoteAge ageAt(Instant now) {
    return new NoteAge(Duration.between(sessionStartedAt, now));
  }
}
