package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  private static Map<String, String> nameProblems(String name) {
    Map<String, String> problems = new LinkedHashMap<>();
    TextRules.checkName(problems, "firstName", "first name", name, 100, true);
    return problems;
  }

  @ParameterizedTest
  @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
      0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x3164, 0x2800})
  void aNameWithAnInvisibleOrTextDirectionCharacterIsRefused(int hidden) {
    String name = "Ann" + Character.toString(hidden) + "a";
    assertEquals("The first name contains an invisible or text-direction character; type it again without copying"
        + " it from elsewhere.", nameProblems(name).get("firstName"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Anna", "Åsa-Britt", "O'Brien", "José María", "Nguyễn", "محمد", "עמית", "李小龙", "Zoë"})
  void ordinaryNamesInAnyScriptAreAccepted(String name) {
    assertTrue(nameProblems(name).isEmpty(), nameProblems(name).toString());
  }

  @Test
  void aMissingOrOverlongNameGetsThoseMessagesFirst() {
    assertEquals("Enter the first name.", nameProblems(null).get("firstName"));
    assertTrue(nameProblems("\u202E" + "x".repeat(100)).get("firstName").startsWith("The first name may have at most"));
  }

  @Test
  void freeTextFieldsKeepTheirOwnRules() {
    Map<String, String> problems = new LinkedHashMap<>();
    TextRules.check(problems, "notes", "notes", "Arabic text with a mark\u200F is fine in notes", 4000, false, true);
    assertTrue(problems.isEmpty());
  }
}
