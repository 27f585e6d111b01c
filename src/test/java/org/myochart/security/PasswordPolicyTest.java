package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @Test
  void longPassphraseIsAccepted() {
    assertTrue(PasswordPolicy.problemWith("quiet harbour morning", "tomas").isEmpty());
  }

  @Test
  void shortPasswordIsRefusedWithItsLength() {
    assertEquals(
        "The password must have at least 12 characters; it has 7.",
        PasswordPolicy.problemWith("abc1234", "tomas").orElseThrow());
  }

  @Test
  void overlongPasswordIsRefusedSoHashingStaysCheap() {
    assertTrue(PasswordPolicy.problemWith("x".repeat(64) + "y".repeat(65), null).orElseThrow().contains("at most 128"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aaaaaaaaaaaaaaaa", "abababababababab", "            "})
  void passwordsWithTooFewDifferentCharactersAreRefused(String weak) {
    assertTrue(PasswordPolicy.problemWith(weak, null).isPresent());
  }

  @Test
  void passwordContainingTheUsernameIsRefused() {
    assertEquals(
        "The password must not contain the username.",
        PasswordPolicy.problemWith("Therapist1-is-great", "therapist1").orElseThrow());
  }

  @Test
  void emptyPasswordAsksForOne() {
    assertEquals("Enter a password.", PasswordPolicy.problemWith("", "x").orElseThrow());
  }
}
