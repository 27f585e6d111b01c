package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

  @Test
  void usernamesAreTrimmedAndLowerCased() {
    assertEquals("therapist1", Username.normalize("  Therapist1 "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "<script>",
        "robert'); drop table staff_account;--",
        "-leading",
        "name with space"
      })
  void unsafeOrMalformedUsernamesAreRefused(String raw) {
    assertTrue(Username.problemWith(raw).isPresent(), raw);
  }

  @Test
  void aTypedNameKeepsItsTextButNoControlCharactersSoEveryDatabaseCanStoreIt() {
    assertEquals("ann\uFFFDa' or 1=1", Username.asTyped(" Ann\u0000a' OR 1=1 "));
    assertEquals("therapist1", Username.asTyped("Therapist1"));
  }

  @Test
  void overlongUsernameIsRefusedWithTheLimit() {
    assertTrue(Username.problemWith("a".repeat(41)).orElseThrow().contains("at most 40"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "front.desk", "t_reyes", "ingrid-h2"})
  void ordinaryUsernamesAreAccepted(String raw) {
    assertTrue(Username.problemWith(raw).isEmpty(), raw);
  }
}
