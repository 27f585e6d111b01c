package org.myochart.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A staff session handed to a client on the tablet. While it is in the HTTP session, only the
 * kiosk pages can be reached; a staff password ends it.
 */
public record KioskSession(long clientId, String startedBy, Instant startedAt, boolean finished)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = "org.myochart.security.kiosk";

  public KioskSession finish() {
    return new KioskSession(clientId, startedBy, startedAt, true);
  }

  /** How the audit trail names whoever holds the tablet. */
  public String actorName() {
    return "kiosk:client-" + clientId + " (started by " + startedBy + ")";
  }
}
