package org.myochart.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class BreakGlassGrantTest {

  private static final Instant GIVEN = Instant.parse("2026-11-21T09:00:00Z");

  private static BreakGlassGrant grant() {
    return new BreakGlassGrant(
        null,
        "therapist2",
        BreakGlassReason.of("Covering for a colleague today"),
        GIVEN,
        GIVEN.plus(Duration.ofHours(8)),
        7L);
  }

  @Test
  void accessHoldsFromTheReasonUntilItExpires() {
    BreakGlassGrant grant = grant();
    assertFalse(grant.isActiveAt(GIVEN.minusSeconds(1)));
    assertTrue(grant.isActiveAt(GIVEN));
    assertTrue(grant.isActiveAt(GIVEN.plus(Duration.ofHours(8)).minusSeconds(1)));
    assertFalse(
        grant.isActiveAt(GIVEN.plus(Duration.ofHours(8))), "expired at the end of the period");
  }

  @Test
  void accessThatWouldEndBeforeItStartsIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BreakGlassGrant(
                null,
                "therapist2",
                BreakGlassReason.of("Covering for a colleague today"),
                GIVEN,
                GIVEN,
                7L));
  }

  @Test
  void theOwnerReviewsAGrantOnceAndTheReviewIsKept() {
    BreakGlassGrant grant = grant();
    grant.review("owner", GIVEN.plusSeconds(60));
    assertTrue(grant.isReviewed());
    assertEquals("owner", grant.getReviewedBy());
    RuleViolation again =
        assertThrows(RuleViolation.class, () -> grant.review("owner2", GIVEN.plusSeconds(120)));
    assertEquals(RuleViolation.Kind.CONFLICT, again.kind());
    assertEquals("owner", grant.getReviewedBy());
    assertEquals(GIVEN.plusSeconds(60), grant.getReviewedAt());
  }
}
