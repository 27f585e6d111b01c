package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

class ApiTokenTest {

  private static final Instant ISSUED = Instant.parse("2026-12-06T09:00:00Z");

  private static StaffAccount therapist() {
    return new StaffAccount("mara", "Mara Lind", Role.THERAPIST, "hash", false, ISSUED);
  }

  private static ApiToken tokenFor(StaffAccount account) {
    return new ApiToken(
        account,
        "Booking sync",
        "ab".repeat(32),
        ISSUED,
        "owner",
        ISSUED.plus(Duration.ofDays(90)));
  }

  @Test
  void aFreshTokenActsInTheRoleItsAccountHeldWhenIssued() {
    ApiToken token = tokenFor(therapist());

    assertEquals(Role.THERAPIST, token.getRole());
    assertEquals(Optional.empty(), token.refusalAt(ISSUED.plusSeconds(1)));
    assertEquals("Active", token.status(ISSUED));
  }

  @Test
  void anExpiredTokenIsRefusedFromTheMomentItExpires() {
    ApiToken token = tokenFor(therapist());
    Instant expiry = ISSUED.plus(Duration.ofDays(90));

    assertTrue(token.refusalAt(expiry.minusMillis(1)).isEmpty());
    assertTrue(token.refusalAt(expiry).orElseThrow().contains("expired"));
    assertEquals("Expired", token.status(expiry));
    assertFalse(token.isLive(expiry));
  }

  @Test
  void aRevokedTokenIsRefusedAndRevokingItAgainChangesNothing() {
    ApiToken token = tokenFor(therapist());

    assertTrue(token.revoke(ISSUED.plusSeconds(60), "owner"));
    assertFalse(token.revoke(ISSUED.plusSeconds(120), "someone else"));

    assertTrue(token.refusalAt(ISSUED.plusSeconds(180)).orElseThrow().contains("revoked"));
    assertEquals(ISSUED.plusSeconds(60), token.getRevokedAt());
    assertEquals("owner", token.getRevokedBy());
    assertEquals("Revoked", token.status(ISSUED.plusSeconds(180)));
  }

  @Test
  void aTokenStopsWhenItsAccountIsDeactivatedOrItsRoleChanges() {
    StaffAccount mara = therapist();
    ApiToken token = tokenFor(mara);

    mara.describe("Mara Lind", Role.FRONT_DESK, ISSUED.plusSeconds(10));
    assertTrue(token.refusalAt(ISSUED.plusSeconds(20)).orElseThrow().contains("role has changed"));

    mara.describe("Mara Lind", Role.THERAPIST, ISSUED.plusSeconds(30));
    assertTrue(token.refusalAt(ISSUED.plusSeconds(40)).isEmpty());

    mara.deactivate(ISSUED.plusSeconds(50));
    assertTrue(token.refusalAt(ISSUED.plusSeconds(60)).orElseThrow().contains("deactivated"));
  }

  @Test
  void aDeactivatedAccountGetsNoToken() {
    StaffAccount mara = therapist();
    mara.deactivate(ISSUED);

    assertEquals(
        RuleViolation.Kind.CONFLICT,
        assertThrows(RuleViolation.class, () -> tokenFor(mara)).kind());
  }

  @Test
  void tokensAreLongRandomAndRecognisable() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = ApiTokens.newSecret();
      assertTrue(secret.startsWith(ApiTokens.PREFIX));
      assertEquals(ApiTokens.PREFIX.length() + 43, secret.length());
      assertTrue(secret.substring(ApiTokens.PREFIX.length()).matches("[A-Za-z0-9_-]{43}"), secret);
      assertTrue(seen.add(secret));
    }
    assertNotEquals(ApiTokens.newSecret(), ApiTokens.newSecret());
  }
}
