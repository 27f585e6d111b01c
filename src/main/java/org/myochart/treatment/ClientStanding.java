package org.myochart.treatment;

import java.io.Serializable;
import java.util.List;
import org.myochart.consent.TreatmentGate;

/**
 * One client as a list shows them: whether treatment is on hold and why, where their consents
 * stand, and how many of their notes are unsigned. The reasons and the note count are clinical: for
 * a person who may not open the client's record they stay empty and zero, as on the profile, where
 * the front desk sees that treatment is on hold but not why.
 *
 * @param clinical the person reading may open the client's clinical record
 */
public record ClientStanding(
    Long clientId,
    String clientName,
    boolean clinical,
    TreatmentGate.Standing gate,
    long unsignedNotes)
    implements Serializable {

  public boolean onHold() {
    return gate.onHold();
  }

  /** Why treatment is on hold, for those who may open the record; otherwise empty. */
  public List<String> holdReasons() {
    return clinical ? gate.readiness().all() : List.of();
  }

  /** A red flag waits for a clearance; clinical, so false for those who may not open the record. */
  public boolean redFlagged() {
    return clinical && gate.redFlagged();
  }

  /** Signed, Missing, Withdrawn, Expired, ...: the consents in one word. */
  public String consent() {
    return gate.consent().label();
  }

  public boolean consentComplete() {
    return gate.consent().complete();
  }
}
