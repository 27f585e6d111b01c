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
public record KioskSession(
    String id,
    long clientId,
    Purpose purpose,
    List<Long> formVersionIds,
    String startedBy,
    Instant startedAt,
    boolean finished)
    implements Serializable {

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

  private static final java.util.regex.Pattern ACTOR_NAME =
      java.util.regex.Pattern.compile("kiosk:client-(\\d{1,18}) \\(started by [^)]*\\)");

  /** How the audit trail names whoever holds the tablet. */
  public String actorName() {
    return "kiosk:client-" + clientId + " (started by " + startedBy + ")";
  }

  /**
   * The client a kiosk actor's name stands for. The name is made by {@link #actorName()} from the
   * kiosk session kept on the server (KioskGate), never taken from a request.
   */
  public static java.util.OptionalLong clientOfActor(String actorName) {
    var match = actorName == null ? null : ACTOR_NAME.matcher(actorName);
    return match != null && match.matches()
        ? java.util.OptionalLong.of(Long.parseLong(match.group(1)))
        : java.util.OptionalLong.empty();
  }
}
