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
  void fifthFailureLocksForFifteenMinutes() {
    FailedSignIns failures = new FailedSignIns("tomas");
    for (int i = 0; i < 5; i++) {
      failures.count(NINE);
    }
    assertTrue(failures.isLocked(NINE.plus(Duration.ofMinutes(14))));
    assertFalse(failures.isLocked(NINE.plus(Duration.ofMinutes(15))));
    assertEquals(NINE.plus(Duration.ofMinutes(15)), failures.getLockedUntil());
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
}
