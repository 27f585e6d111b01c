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
    assertTrue(
        PasswordPolicy.problemWith("x".repeat(64) + "y".repeat(65), null)
            .orElseThrow()
            .contains("at most 128"));
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

  @ParameterizedTest
  @ValueSource(
      strings = {"password1234", "123456789012", "qwertyuiopas", "abcdefghijklmn", "Password2026!"})
  void commonAndGuessablePasswordsAreRefusedSayingWhy(String guessable) {
    String problem = PasswordPolicy.problemWith(guessable, "tomas").orElseThrow();
    assertTrue(problem.startsWith("The password is too easy to guess."), problem);
    assertTrue(problem.contains("Choose three or four unrelated words"), problem);
  }

  @Test
  void aCommonPasswordIsNamedAsOne() {
    assertEquals(
        "The password is too easy to guess. This is a very common password. Choose three or four"
            + " unrelated words, or add another uncommon word; avoid names, dates, sequences and rows of keys.",
        PasswordPolicy.problemWith("password1234", null).orElseThrow());
  }

  @Test
  void thePersonsOwnNameMakesAPasswordEasierToGuess() {
    assertTrue(PasswordPolicy.problemWith("anna bergstrom", null, null).isEmpty());
    assertTrue(PasswordPolicy.problemWith("anna bergstrom", "abg", "Anna Bergstrom").isPresent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"calm shoulders 2026", "lavender and eucalyptus", "first day at the clinic"})
  void passphrasesAreAccepted(String passphrase) {
    assertTrue(PasswordPolicy.problemWith(passphrase, "therapist1", "Anna Therapist").isEmpty());
  }

  @Test
  void theCurrentPasswordIsRefusedAsTheNewOne() {
    assertEquals(
        "That is the account's current password; choose a different one.",
        PasswordPolicy.problemWithReplacement(
                "calm shoulders 2026", "therapist1", null, "calm shoulders 2026"::equals)
            .orElseThrow());
    assertTrue(
        PasswordPolicy.problemWithReplacement(
                "steady hands at noon", "therapist1", null, "calm shoulders 2026"::equals)
            .isEmpty());
  }

  @Test
  void aWeakPasswordIsExplainedBeforeAskingWhetherItIsTheCurrentOne() {
    assertTrue(
        PasswordPolicy.problemWithReplacement(
                "password1234",
                "x",
                null,
                p -> {
                  throw new AssertionError(
                      "the stored hash need not be checked for a refused password");
                })
            .orElseThrow()
            .startsWith("The password is too easy to guess."));
  }
}
