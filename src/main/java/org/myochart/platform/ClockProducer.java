package org.myochart.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now": tests replace it, code never calls {@code Instant.now()} directly. It
 * ticks in microseconds, the precision both databases store, so that a time read back from the
 * database equals the time that went into a record's evidence hash.
 */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
