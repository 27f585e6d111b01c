package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

  private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");

  @Test
  void fourFailuresDoNotLock() {
    FailedSignIns failures = new FailedSignIns("tomas");
    for (int i = 0; i < 4; i++) {
      failures.count(NINE.plusSeconds(i));
    }
    assertFalse(failures.isLocked(NINE.plusSeconds(5)));
  }

  @Test
  void fifthFailureLocksForOneMinuteOnly() {
    FailedSignIns failures = new FailedSignIns("tomas");
    for (int i = 0; i < 5; i++) {
      failures.count(NINE);
    }
    assertTrue(failures.isLocked(NINE.plusSeconds(59)));
    assertFalse(failures.isLocked(NINE.plus(Duration.ofMinutes(1))));
    assertEquals(NINE.plus(Duration.ofMinutes(1)), failures.getLockedUntil());
  }

  @Test
  void locksInARowGrowFromOneMinuteToAtMostFifteen() {
    FailedSignIns failures = new FailedSignIns("tomas");
    Instant now = NINE;
    for (long expected : new long[] {1, 2, 4, 8, 15, 15}) {
      for (int i = 0; i < 5; i++) {
        failures.count(now);
      }
      assertEquals(now.plus(Duration.ofMinutes(expected)), failures.getLockedUntil());
      now = failures.getLockedUntil();
    }
  }

  @Test
  void aDayWithoutFailuresMakesTheNextLockShortAgain() {
    FailedSignIns failures = new FailedSignIns("tomas");
    for (int i = 0; i < 10; i++) {
      failures.count(NINE.plus(Duration.ofMinutes(i < 5 ? 0 : 1)));
    }
    Instant nextDay = NINE.plus(Duration.ofHours(25));
    for (int i = 0; i < 5; i++) {
      failures.count(nextDay);
    }
    assertEquals(nextDay.plus(Duration.ofMinutes(1)), failures.getLockedUntil());
  }

  @Test
  void tenFailuresFromOneAddressWithinTenMinutesRefuseItForTenMinutes() {
    FailedSignInsFromAddress address = new FailedSignInsFromAddress("203.0.113.9");
    for (int i = 0; i < 9; i++) {
      address.count(NINE.plus(Duration.ofMinutes(i)));
    }
    assertFalse(address.isBlocked(NINE.plus(Duration.ofMinutes(9))));
    address.count(NINE.plus(Duration.ofMinutes(9)));

    assertTrue(address.isBlocked(NINE.plus(Duration.ofMinutes(18))));
    assertFalse(address.isBlocked(NINE.plus(Duration.ofMinutes(19))));
  }

  @Test
  void failuresFromAnAddressSpreadOverMoreThanTenMinutesDoNotRefuseIt() {
    FailedSignInsFromAddress address = new FailedSignInsFromAddress("203.0.113.9");
    for (int i = 0; i < 20; i++) {
      address.count(NINE.plus(Duration.ofMinutes(2L * i)));
    }
    assertFalse(address.isBlocked(NINE.plus(Duration.ofMinutes(40))));
  }

  @Test
  void aReservedCheckThatProvedRightIsNoFailureOfTheAddress() {
    FailedSignInsFromAddress address = new FailedSignInsFromAddress("203.0.113.9");
    for (int i = 0; i < 10; i++) {
      address.count(NINE);
    }
    address.uncount();

    assertEquals(9, address.getFailures());
    assertFalse(address.isBlocked(NINE));
  }

  @Test
  void afterTheLockEndsCountingStartsAgain() {
    FailedSignIns failures = new FailedSignIns("tomas");
    for (int i = 0; i < 5; i++) {
      failures.count(NINE);
    }
    Instant later = NINE.plus(Duration.ofMinutes(20));
    failures.count(later);

    assertEquals(1, failures.getFailures());
    assertFalse(failures.isLocked(later));
  }

  @Test
  void theRowForAllAddressesLocksOnlyAfterItsOwnLargerNumber() {
    FailedSignIns everywhere = new FailedSignIns("owner");
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    for (int failure = 1; failure < FailedSignIns.ALLOWED_FAILURES_FROM_ALL_ADDRESSES; failure++) {
      everywhere.count(now, FailedSignIns.ALLOWED_FAILURES_FROM_ALL_ADDRESSES);
      assertFalse(everywhere.isLocked(now), "failure " + failure);
    }
    everywhere.count(now, FailedSignIns.ALLOWED_FAILURES_FROM_ALL_ADDRESSES);
    assertTrue(everywhere.isLocked(now));
    assertEquals(now.plus(FailedSignIns.FIRST_LOCK), everywhere.getLockedUntil());
  }
}
