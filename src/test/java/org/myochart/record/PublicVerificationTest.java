package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PublicVerificationTest {

  private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

  private static PublicVerification at(Instant now) {
    PublicVerification page = new PublicVerification();
    page.clock = Clock.fixed(now, ZoneOffset.UTC);
    return page;
  }

  @Test
  void oneAddressGetsTenChecksPerTenMinutesThenWaits() {
    PublicVerification page = at(START);
    for (int i = 0; i < PublicVerification.CHECKS_PER_WINDOW; i++) {
      page.admit("203.0.113.7");
    }

    UploadRefused refused = assertThrows(UploadRefused.class, () -> page.admit("203.0.113.7"));
    assertEquals(UploadRefused.Reason.TOO_MANY, refused.reason());
    assertDoesNotThrow(() -> page.admit("198.51.100.4"), "another address is not held up");
    page.clock = Clock.fixed(START.plus(PublicVerification.WINDOW).plusSeconds(1), ZoneOffset.UTC);
    assertDoesNotThrow(
        () -> page.admit("203.0.113.7"), "after the window the address may check again");
  }

  @Test
  void manyAddressesTogetherAreCappedToo() {
    PublicVerification page = at(START);
    for (int i = 0; i < PublicVerification.CHECKS_PER_WINDOW_IN_ALL; i++) {
      page.admit("10.0." + (i / 250) + "." + (i % 250));
    }

    assertThrows(UploadRefused.class, () -> page.admit("10.9.9.9"));
  }
}
