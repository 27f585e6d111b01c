package org.myochart.treatment;

import java.io.Serializable;
import java.time.Instant;

/** A session of today on a work list, with where its note stands; read by a JPQL constructor. */
public record TodaysSession(
    Long noteId,
    Long clientId,
    String clientFirstName,
    String clientLastName,
    Instant startsAt,
    SessionKind kind,
    NoteStatus noteStatus,
    String therapistName)
    implements Serializable {

  public String clientName() {
    return clientFirstName + " " + clientLastName;
  }

  /** "Note signed" or "Note not signed yet". */
  public String status() {
    return noteStatus == NoteStatus.SIGNED ? "Note signed" : "Note not signed yet";
  }
}
