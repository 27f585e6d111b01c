package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

class StaffAccountTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  @Test
  void noAccountHoldsTheTabletsRole() {
    assertEquals(
        RuleViolation.Kind.INVALID,
        assertThrows(
                RuleViolation.class,
                () -> new StaffAccount("tablet", "Tablet", Role.KIOSK, "hash", false, NOW))
            .kind());
    StaffAccount desk = new StaffAccount("desk", "Front desk", Role.FRONT_DESK, "hash", false, NOW);
    assertThrows(RuleViolation.class, () -> desk.describe("Front desk", Role.KIOSK, NOW));
    assertEquals(Role.FRONT_DESK, desk.getRole());
  }
}
