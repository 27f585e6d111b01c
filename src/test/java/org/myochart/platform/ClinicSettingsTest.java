package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static ClinicSettings withTimestampAuthority(String url, String timeoutSeconds) {
    ClinicSettings settings = new ClinicSettings();
    settings.timestampAuthorityUrl = Optional.ofNullable(url);
    settings.timestampAuthorityTimeoutSeconds = timeoutSeconds;
    return settings;
  }

  @Test
  void noTimestampAuthorityUnlessAUrlIsConfigured() {
    assertEquals(Optional.empty(), withTimestampAuthority(null, "10").timestampAuthority());
    assertEquals(Optional.empty(), withTimestampAuthority("  ", "10").timestampAuthority());
  }

  @Test
  void theTimestampAuthorityIsAnHttpUrlWithATimeoutInSeconds() {
    ClinicSettings settings = withTimestampAuthority(" https://tsa.example.com/tsr ", "7");
    assertEquals(
        Optional.of(java.net.URI.create("https://tsa.example.com/tsr")),
        settings.timestampAuthority());
    assertEquals(Duration.ofSeconds(7), settings.timestampAuthorityTimeout());
  }

  @Test
  void aTimestampAuthorityThatIsNotAnHttpUrlOrAnUnreasonableTimeoutIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> withTimestampAuthority("ftp://tsa.example.com/", "10").timestampAuthority());
    assertThrows(
        IllegalArgumentException.class,
        () -> withTimestampAuthority("tsa.example.com", "10").timestampAuthority());
    assertThrows(
        IllegalArgumentException.class,
        () -> withTimestampAuthority("https://tsa.example.com/", "0").timestampAuthorityTimeout());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            withTimestampAuthority("https://tsa.example.com/", "600").timestampAuthorityTimeout());
  }

  @Test
  void breakGlassAccessLastsEightHoursUnlessTheClinicSaysOtherwiseWithinADay() {
    ClinicSettings settings = new ClinicSettings();
    settings.breakGlassHours = "8";
    assertEquals(Duration.ofHours(8), settings.breakGlassAccess());
    settings.breakGlassHours = " 2 ";
    assertEquals(Duration.ofHours(2), settings.breakGlassAccess());
    settings.breakGlassHours = "0";
    assertThrows(IllegalArgumentException.class, settings::breakGlassAccess);
    settings.breakGlassHours = "25";
    assertThrows(IllegalArgumentException.class, settings::breakGlassAccess);
  }

  @Test
  void theLetterheadAddsAddressPhoneAndLicencesWhereConfigured() {
    ClinicSettings settings = withIdleTimeout("PT15M");
    settings.clinicName = "Harbourside Migraine Massage";
    settings.clinicAddress = Optional.of("Strandgata 4, 5013 Bergen");
    settings.clinicPhone = Optional.of("+47 55 00 00 00");
    settings.clinicLicences = Optional.of(" ");

    assertEquals(
        "Harbourside Migraine Massage · Strandgata 4, 5013 Bergen · phone +47 55 00 00 00",
        settings.letterhead());
    settings.clinicAddress = Optional.empty();
    settings.clinicPhone = Optional.empty();
    settings.clinicLicences = Optional.empty();
    assertEquals("Harbourside Migraine Massage", settings.letterhead());
  }

  @Test
  void mailIsOfferedOnlyWithAHostAndNeedsASenderAndAPortNumber() {
    ClinicSettings settings = withIdleTimeout("PT15M");
    settings.smtpHost = Optional.empty();
    settings.smtpPort = "587";
    settings.smtpUsername = Optional.empty();
    settings.smtpPassword = Optional.empty();
    settings.smtpFrom = Optional.empty();
    settings.smtpStartTls = "true";
    assertTrue(settings.smtp().isEmpty());

    settings.smtpHost = Optional.of("mail.example.com");
    assertThrows(IllegalArgumentException.class, settings::smtp);
    settings.smtpFrom = Optional.of("Clinic <records@example.com>");
    settings.smtpUsername = Optional.of("records");
    settings.smtpPassword = Optional.of("not shown");
    ClinicSettings.Smtp smtp = settings.smtp().orElseThrow();
    assertEquals(587, smtp.port());
    assertTrue(smtp.startTls());
    assertEquals("mail.example.com:587 as records", smtp.toString());
    settings.smtpPort = "twenty-five";
    assertThrows(IllegalArgumentException.class, settings::smtp);
  }

  @Test
  void aKioskLocksOnlyAfterItHasAskedAndKeepsItsSessionAliveInTime() {
    ClinicSettings settings = withIdleTimeout("PT15M");
    settings.kioskAskAfter = "PT10M";
    settings.kioskLockAfter = "PT30M";
    assertEquals(Duration.ofMinutes(1), settings.kioskKeepAliveEvery());
    assertEquals("30 minutes", settings.kioskLockAfterInWords());
    settings.kioskLockAfter = "PT5M";
    assertThrows(IllegalArgumentException.class, settings::kioskLockAfter);
    settings.kioskLockAfter = "soon";
    assertThrows(IllegalArgumentException.class, settings::kioskLockAfter);

    ClinicSettings quick = withIdleTimeout("PT6S");
    assertEquals(Duration.ofSeconds(2), quick.kioskKeepAliveEvery());
  }
}
