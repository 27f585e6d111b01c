package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.myochart.platform.ClinicSettings;

/**
 * The timestamp authority named by {@code MYOCHART_TSA_URL}, if any; one HTTP client for all seals.
 * Read at deployment, so that a mistyped setting stops the start instead of the first signing.
 */
@ApplicationScoped
public class ClinicTimestampAuthority {

  private static final Logger LOG = Logger.getLogger(ClinicTimestampAuthority.class.getName());

  @Inject ClinicSettings settings;

  private volatile Optional<TimestampAuthority> authority;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    authority()
        .ifPresentOrElse(
            tsa ->
                LOG.info(
                    "Record seals are time-stamped by "
                        + tsa.url()
                        + " (PAdES B-LTA); if it fails, signing fails."),
            () ->
                LOG.info(
                    "No MYOCHART_TSA_URL is configured: record seals carry no timestamp (PAdES B-B)."));
  }

  public Optional<TimestampAuthority> authority() {
    Optional<TimestampAuthority> known = authority;
    if (known == null) {
      synchronized (this) {
        if (authority == null) {
          authority =
              settings
                  .timestampAuthority()
                  .map(url -> new TimestampAuthority(url, settings.timestampAuthorityTimeout()));
        }
        known = authority;
      }
    }
    return known;
  }
}
