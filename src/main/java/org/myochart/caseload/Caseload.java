package org.myochart.caseload;

import org.myochart.staff.Role;

/**
 * The caseload rule, kept apart from the database so that it reads as the clinic states it: a
 * therapist's caseload holds the clients they have had a treatment session with (on any date), and
 * the clients nobody has treated yet, so that a new client's first session needs no ceremony.
 *
 * @param role the person's role ({@code KIOSK} for a tablet), or null for anyone without one
 * @param treatedByThem the therapist has had at least one session with the client
 * @param treatedByAnyone someone (any therapist or the owner) has had a session with the client
 * @param reasonGiven the therapist gave a break-glass reason for this client that has not expired
 */
public record Caseload(
    Role role, boolean treatedByThem, boolean treatedByAnyone, boolean reasonGiven) {

  public ClinicalAccess access() {
    if (role == Role.OWNER) {
      return ClinicalAccess.OWNER;
    }
    if (role != Role.THERAPIST) {
      return ClinicalAccess.REFUSED;
    }
    if (treatedByThem || !treatedByAnyone) {
      return ClinicalAccess.CASELOAD;
    }
    return reasonGiven ? ClinicalAccess.BREAK_GLASS : ClinicalAccess.REASON_NEEDED;
  }
}
