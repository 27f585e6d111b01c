package org.myochart.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A staff session handed to a client on the tablet, for one purpose. While it is in the HTTP
 * session, only that kiosk page can be reached; a staff password ends it.
 *
 * @param id identifies this hand-over in the records the client makes
 * @param formVersionIds for a signing, the consent form versions to sign in order
 */
public record KioskSession(String id, long clientId, Purpose purpose, List<Long> formVersionIds, String startedBy,
    Instant startedAt, boolean finished) implements Serializable {

  public static final String SESSION_ATTRIBUTE = "org.myochart.security.kiosk";

  /** What the client does on the tablet, and the one page that does it. */
  public enum Purpose {
    INTAKE("/kiosk/intake.xhtml"),
    CONSENT("/kiosk/consent.xhtml");

    private final String page;

    Purpose(String page) {
      this.page = page;
    }

    public String page() {
      return page;
    }
  }

  public KioskSession {
    formVersionIds = List.copyOf(formVersionIds);
  }

  public KioskSession finish() {
    return new KioskSession(id, clientId, purpose, formVersionIds, startedBy, startedAt, true);
  }

  /** How the audit trail names whoever holds the tablet. */
  public String actorName() {
    return "kiosk:client-" + clientId + " (started by " + startedBy + ")";
  }
}
