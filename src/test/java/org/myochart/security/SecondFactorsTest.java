package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

class SecondFactorsTest {

  // RFC 6238, appendix B: the SHA-1 secret, and its eight-digit codes of which apps show the last
  // six.
  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void codesAreThoseOfRfc6238() {
    assertEquals("287082", SecondFactors.codeAt(RFC_SECRET, Instant.ofEpochSecond(59)));
    assertEquals("081804", SecondFactors.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
    assertEquals("050471", SecondFactors.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
    assertEquals("005924", SecondFactors.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
  }

  @Test
  void aCodeOneStepEitherSideIsAcceptedButNotTwo() {
    Instant now = Instant.ofEpochSecond(1_700_000_015);
    long step = now.getEpochSecond() / 30;
    assertEquals(
        Optional.of(step),
        SecondFactors.matchingStep(RFC_SECRET, SecondFactors.codeAt(RFC_SECRET, now), now));
    assertEquals(
        Optional.of(step - 1),
        SecondFactors.matchingStep(
            RFC_SECRET, SecondFactors.codeAt(RFC_SECRET, now.minusSeconds(30)), now));
    assertEquals(
        Optional.of(step + 1),
        SecondFactors.matchingStep(
            RFC_SECRET, SecondFactors.codeAt(RFC_SECRET, now.plusSeconds(30)), now));
    assertEquals(
        Optional.empty(),
        SecondFactors.matchingStep(
            RFC_SECRET, SecondFactors.codeAt(RFC_SECRET, now.minusSeconds(60)), now));
    assertEquals(Optional.empty(), SecondFactors.matchingStep(RFC_SECRET, "12a456", now));
    assertEquals(Optional.empty(), SecondFactors.matchingStep(RFC_SECRET, null, now));
  }

  @Test
  void theSameStepIsNeverAcceptedTwice() {
    StaffAccount account =
        new StaffAccount("maren", "Maren O", Role.OWNER, "hash", false, Instant.EPOCH);
    account.enrolSecondFactor(RFC_SECRET, 100, Instant.EPOCH);

    assertFalse(account.acceptStep(100), "the step the enrolment used");
    assertFalse(account.acceptStep(99), "an earlier step");
    assertTrue(account.acceptStep(101));
    assertFalse(account.acceptStep(101), "a replayed code");
  }

  @Test
  void keysAreBase32AsAuthenticatorAppsTakeThem() {
    // RFC 4648 section 10, without padding.
    assertEquals("MZXW6YTBOI", SecondFactors.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MZXW6", SecondFactors.base32("foo".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", SecondFactors.base32(RFC_SECRET));
  }

  @Test
  void recoveryCodesAreComparedAsPeopleTypeThem() {
    assertEquals("ABCDE23456", SecondFactors.normalised(" abcde-23456 "));
    assertEquals("ABCDE23456", SecondFactors.normalised("ABCDE 23456"));
  }
}
