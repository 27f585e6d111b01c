package org.myochart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.testsupport.Constraints.problems;
import static org.myochart.testsupport.Constraints.validator;

import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClinicConstraintsTest {

  record Signer(
      @Required(label = "first name") @PersonName(label = "first name", max = 100)
          String firstName) {}

  record Visit(
      @Text(label = "notes", max = 20, multiline = true) String notes,
      @Text(label = "phone number", max = 20) String phone,
      @WholeNumber(label = "The usual intensity", min = 0, max = 10) Integer intensity) {}

  record Form(
      @Lines(label = "acknowledgement", max = 30, most = 3, atLeastOne = true)
          List<String> acknowledgements) {}

  static class Desk {
    void withdraw(
        @Required(label = "reason for the withdrawal") String reason, @Valid Visit visit) {}
  }

  private static String nameProblem(String name) {
    return problems(new Signer(name)).get("firstName");
  }

  @Test
  void refusesANameWithARightToLeftOverride() {
    assertEquals(
        "The first name contains an invisible or text-direction character; type it again without copying"
            + " it from elsewhere.",
        nameProblem("Evil\u202Eelif.exe"));
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
        0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x3164, 0x2800
      })
  void refusesANameWithAnyInvisibleOrTextDirectionCharacter(int hidden) {
    assertTrue(
        nameProblem("Ann" + Character.toString(hidden) + "a")
            .contains("invisible or text-direction"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Anna",
        "Åsa-Britt",
        "O'Brien",
        "José María",
        "Nguyễn",
        "محمد",
        "עמית",
        "李小龙",
        "Zoë"
      })
  void acceptsOrdinaryNamesInAnyScript(String name) {
    assertEquals(Map.of(), problems(new Signer(name)));
  }

  @Test
  void asksForAMissingOrBlankNameByItsLabel() {
    assertEquals("Enter the first name.", nameProblem(null));
    assertEquals("Enter the first name.", nameProblem("   "));
  }

  @Test
  void reportsAnOverlongNameByItsLengthBeforeItsHiddenCharacters() {
    assertEquals(
        "The first name may have at most 100 characters; it has 101.",
        nameProblem("\u202E" + "x".repeat(100)));
  }

  @Test
  void measuresTextWithoutTheSpacesAroundIt() {
    assertEquals(Map.of(), problems(new Visit("  " + "n".repeat(20) + "  ", null, 3)));
  }

  @Test
  void refusesControlCharactersButKeepsLineBreaksAndTabsInATextArea() {
    assertEquals(Map.of(), problems(new Visit("line 1\nline\t2", null, 3)));
    assertEquals(
        "The phone number contains characters that cannot be stored.",
        problems(new Visit(null, "555\n0100", 3)).get("phone"));
    assertEquals(
        "The notes contains characters that cannot be stored.",
        problems(new Visit("bell\u0007", null, 3)).get("notes"));
  }

  @Test
  void allowsDirectionMarksInFreeTextWhereArabicOrHebrewNeedsThem() {
    assertEquals(Map.of(), problems(new Visit("مرحبا\u200F ok", null, 3)));
  }

  @Test
  void asksForAMissingNumberWithItsRangeAndRefusesOneOutsideIt() {
    assertEquals(
        "The usual intensity is needed (a number from 0 to 10).",
        problems(new Visit(null, null, null)).get("intensity"));
    assertEquals(
        "The usual intensity must be a number from 0 to 10.",
        problems(new Visit(null, null, 11)).get("intensity"));
  }

  @Test
  void refusesLinesByQuotingTheLineAtFault() {
    assertEquals(
        "Add at least one acknowledgement the client must tick.",
        problems(new Form(List.of())).get("acknowledgements"));
    assertEquals(
        "A form may have at most 3 acknowledgements; this one has 4.",
        problems(new Form(List.of("a", "b", "c", "d"))).get("acknowledgements"));
    assertEquals(
        "The acknowledgement \"i AGREE\" is listed twice.",
        problems(new Form(List.of("I agree", "i AGREE"))).get("acknowledgements"));
    assertEquals(
        "The acknowledgement may have at most 30 characters; it has 31. (\""
            + "y".repeat(31)
            + "\")",
        problems(new Form(List.of("y".repeat(31)))).get("acknowledgements"));
  }

  @Test
  void reportsEveryFieldOnceInTheOrderTheFormDeclaresThem() {
    Map<String, String> problems = problems(new Visit("x".repeat(21) + "\u0000", "\u0000", null));

    assertEquals(List.of("notes", "phone", "intensity"), List.copyOf(problems.keySet()));
    assertEquals("The notes may have at most 20 characters; it has 22.", problems.get("notes"));
  }

  @Test
  void namesAPlainParameterByItselfAndAValueParameterByItsFields() throws NoSuchMethodException {
    Method withdraw = Desk.class.getDeclaredMethod("withdraw", String.class, Visit.class);

    Map<String, String> problems =
        FieldProblems.of(
            validator()
                .forExecutables()
                .validateParameters(
                    new Desk(), withdraw, new Object[] {"  ", new Visit(null, null, 11)}));

    assertEquals(List.of("reason", "intensity"), List.copyOf(problems.keySet()));
    assertEquals("Enter the reason for the withdrawal.", problems.get("reason"));
  }
}
