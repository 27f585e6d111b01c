package org.myochart.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.myochart.platform.ClinicSettings;

/** Dates and times as the clinic reads them: in its own zone, with the zone named. */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z");

  @Inject ClinicSettings settings;

  public String when(Instant instant) {
    return instant == null ? "" : MOMENT.format(instant.atZone(settings.zone()));
  }

  /** The time of day alone, for lists of one day. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(settings.zone()));
  }

  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
