package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClinicSettingsTest {

  private static ClinicSettings withIdleTimeout(String value) {
    ClinicSettings settings = new ClinicSettings();
    settings.idleTimeout = value;
    settings.clinicZone = Optional.of("Europe/Oslo");
    return settings;
  }

  @Test
  void idleTimeoutIsReadAsAnIsoDuration() {
    assertEquals(Duration.ofMinutes(15), withIdleTimeout("PT15M").idleTimeout());
  }

  @Test
  void idleTimeoutIsSaidInWordsAPersonReads() {
    assertEquals("15 minutes", withIdleTimeout("PT15M").idleTimeoutInWords());
    assertEquals("1 minute", withIdleTimeout("PT1M").idleTimeoutInWords());
    assertEquals("20 seconds", withIdleTimeout("PT20S").idleTimeoutInWords());
  }

  @Test
  void zeroOrNegativeIdleTimeoutIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> withIdleTimeout("PT0S").idleTimeout());
    assertThrows(IllegalArgumentException.class, () -> withIdleTimeout("-PT5M").idleTimeout());
  }

  @Test
  void clinicZoneComesFromConfiguration() {
    assertEquals(ZoneId.of("Europe/Oslo"), withIdleTimeout("PT15M").zone());
  }
}
