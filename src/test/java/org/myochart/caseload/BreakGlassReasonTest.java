package org.myochart.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class BreakGlassReasonTest {

  private static String refusal(String typed) {
    RuleViolation refused = assertThrows(RuleViolation.class, () -> BreakGlassReason.of(typed));
    assertEquals(RuleViolation.Kind.INVALID, refused.kind());
    return refused.fieldProblems().get("reason");
  }

  @Test
  void aMissingOrBlankReasonIsRefused() {
    assertEquals("Give a reason for opening this clinical record.", refusal(null));
    assertEquals("Give a reason for opening this clinical record.", refusal(" \n\t "));
  }

  @Test
  void theReasonIsTrimmedBeforeItIsCountedAndKept() {
    assertEquals(
        "Covering for Tomás today", BreakGlassReason.of("   Covering for Tomás today \n").text());
    assertEquals(
        "The reason must have at least 10 characters; say why you need this record.",
        refusal("   too short  "));
  }

  @Test
  void tenToFiveHundredCharactersAreAccepted() {
    assertEquals(10, BreakGlassReason.of("a".repeat(10)).text().length());
    assertEquals(500, BreakGlassReason.of("a".repeat(500)).text().length());
    assertEquals(
        "The reason must have at least 10 characters; say why you need this record.",
        refusal("a".repeat(9)));
    assertEquals(
        "The reason may have at most 500 characters; it has 501.", refusal("a".repeat(501)));
  }

  @Test
  void controlCharactersAreRefusedButLineBreaksAreFine() {
    assertEquals(
        "The reason contains characters that cannot be stored.",
        refusal("Covering\u0000 for a colleague"));
    assertNull(BreakGlassReason.problemWith("Covering for a colleague;\nclient called about pain"));
  }
}
