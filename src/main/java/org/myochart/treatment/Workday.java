package org.myochart.treatment;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A therapist's (or, for the owner, the clinic's) day at a glance: today's sessions, the clients
 * seen most recently, the notes still to sign (oldest first) and the clients on hold.
 *
 * @param asOf when it was read; the notes' ages count up to here
 * @param overdueAfter how long a note may wait for its signature before it is flagged
 * @param onHold the clients on hold shown, red flags first
 * @param onHoldTotal how many clients are on hold in all
 */
public record Workday(
    Instant asOf,
    Duration overdueAfter,
    List<TodaysSession> today,
    List<RecentClient> recent,
    List<UnsignedNote> unsigned,
    List<ClientStanding> onHold,
    int onHoldTotal)
    implements Serializable {

  public Workday {
    today = List.copyOf(today);
    recent = List.copyOf(recent);
    unsigned = List.copyOf(unsigned);
    onHold = List.copyOf(onHold);
  }

  public NoteAge ageOf(UnsignedNote note) {
    return note.ageAt(asOf);
  }

  public boolean overdue(UnsignedNote note) {
    return ageOf(note).longerThan(overdueAfter);
  }

  public long overdueCount() {
    return unsigned.stream().filter(this::overdue).count();
  }
}
