package org.myochart.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;

/**
 * A short busy hour in every build: the same Gatling simulation as the measured run
 * (src/test/perf/busy-hour.sh), with three therapists, one kiosk and one owner for under a minute,
 * on a clinic of its own (H2, or {@code myochart_load_smoke} with {@code -Ppostgres}). It fails
 * when a single request fails, never because of a time: it keeps the load test itself working as
 * the pages change.
 */
class BusyHourSmokeIT {

  @Test
  void aShortBusyHourHasNoFailedRequest() {
    LoadSettings defaults = LoadSettings.fromSystemProperties();
    RunningClinic clinic =
        RunningClinic.own(
            "load-smoke",
            "myochart_load_smoke",
            "768m",
            Map.of(
                "MYOCHART_OWNER_USERNAME", defaults.ownerUsername(),
                "MYOCHART_OWNER_PASSWORD", defaults.ownerPassword(),
                "MYOCHART_CLINIC_NAME", "Busy Hour Smoke Clinic"));
    try {
      Map<String, String> smoke =
          Map.of(
              "load.baseUrl", clinic.baseUrl(),
              "load.therapists", "3",
              "load.kiosks", "1",
              "load.owners", "1",
              "load.minutes", "0.75",
              "load.savesPerNote", "4",
              "load.saveEverySeconds", "3",
              "load.rampSeconds", "5",
              "load.setupRampSeconds", "5");
      smoke.forEach(System::setProperty);
      Path results =
          Path.of(System.getProperty("myochart.it.targetDir", "target"), "gatling-smoke");
      // Gatling in this JVM: 0 when every assertion held (no failed request), otherwise not.
      int status =
          io.gatling.app.Gatling$.MODULE$.fromArgs(
              new String[] {
                "--simulation", BusyHourSimulation.class.getName(),
                "--results-folder", results.toAbsolutePath().toString()
              });
      assertEquals(
          0,
          status,
          "Gatling reported failed requests (report under "
              + results
              + "); server log:\n"
              + clinic.logTail());
    } finally {
      clinic.kill();
    }
  }
}
