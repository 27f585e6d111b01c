package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.ClinicOptions;

/**
 * The auditors' verification page that needs no sign-in: off until the owner switches it on, and
 * held to smaller uploads and a few checks per address, so that it cannot be used to load the
 * server. Its answers carry no names, only the seal and the record's type and number.
 */
@ApplicationScoped
public class PublicVerification {

  public static final String OPTION = "public-verification";

  /** Single records are a few hundred kilobytes; a combined chart may be a few megabytes. */
  public static final long LARGEST_UPLOAD = 10L * 1024 * 1024;

  public static final int CHECKS_PER_WINDOW = 10;
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** All addresses together, so that many addresses cannot add up to a flood either. */
  public static final int CHECKS_PER_WINDOW_IN_ALL = 200;

  @Inject ClinicOptions options;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
  private final Deque<Instant> everyone = new ArrayDeque<>();

  public boolean isEnabled() {
    return options.isOn(OPTION);
  }

  /** Switches the page on or off, with an audit entry in the same transaction. */
  @Transactional
  public void switchTo(boolean on) {
    options.switchTo(OPTION, on, actor.get().name());
    audit.record(
        AuditAction.CHANGE,
        ClinicOptions.AUDIT_TYPE,
        OPTION,
        JSON.createObjectBuilder().add("on", on).build().toString());
  }

  /**
   * Counts one check from the address, or refuses it when the address or everyone has had enough.
   */
  public void admit(String address) {
    Instant now = clock.instant();
    Instant since = now.minus(WINDOW);
    synchronized (everyone) {
      prune(everyone, since);
      if (everyone.size() >= CHECKS_PER_WINDOW_IN_ALL) {
        throw tooMany();
      }
      if (recent.size() > 10_000) {
        recent.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(since));
      }
      Deque<Instant> times =
          recent.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
      prune(times, since);
      if (times.size() >= CHECKS_PER_WINDOW) {
        throw tooMany();
      }
      times.addLast(now);
      everyone.addLast(now);
    }
  }

  private static void prune(Deque<Instant> times, Instant since) {
    while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
      times.removeFirst();
    }
  }

  private static UploadRefused tooMany() {
    return new UploadRefused(
        UploadRefused.Reason.TOO_MANY,
        "Too many files were checked from here in the last few minutes. Please wait a little and try again.");
  }
}
