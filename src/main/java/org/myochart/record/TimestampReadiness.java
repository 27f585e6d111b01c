package org.myochart.record;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * With {@code MYOCHART_TSA_URL} set, every seal needs the timestamp authority: ready means it
 * answered its last request (a sealing's, or a check made here at most once a minute). Without one
 * the check is up and says seals carry no timestamp. Never throws, as {@code DatabaseReadiness}.
 */
@Readiness
@Dependent
public class TimestampReadiness implements HealthCheck {

  static final Duration RECHECK_AFTER = Duration.ofMinutes(1);

  @Inject ClinicTimestampAuthority timestamps;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("timestamp-authority");
    try {
      Optional<TimestampAuthority> authority = timestamps.authority();
      if (authority.isEmpty()) {
        return response
            .up()
            .withData("configured", false)
            .withData("seals", "no timestamp (PAdES B-B): their time rests on the server's clock")
            .build();
      }
      TimestampAuthority.Outcome outcome = authority.get().health(RECHECK_AFTER);
      var answer =
          response
              .withData("configured", true)
              .withData("url", authority.get().url().toString())
              .withData("checkedAt", outcome.at().toString());
      return outcome.granted()
          ? answer.up().build()
          : answer.down().withData("problem", outcome.problem()).build();
    } catch (RuntimeException e) {
      return response
          .down()
          .withData("application", "still starting")
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
