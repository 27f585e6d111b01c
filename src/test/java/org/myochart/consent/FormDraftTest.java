package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.testsupport.Constraints.problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.myochart.platform.Sha256;

class FormDraftTest {

  private static final List<String> ACKNOWLEDGEMENTS =
      List.of("I have told my therapist about my health", "I can stop the treatment at any time");

  private static FormDraft draft(
      String title,
      String body,
      List<String> acknowledgements,
      List<String> techniques,
      Integer validityMonths) {
    return new FormDraft(title, body, acknowledgements, techniques, validityMonths, false, false);
  }

  private static FormDraft withAcknowledgements(List<String> acknowledgements) {
    return draft("Consent", "Text", acknowledgements, List.of(), 12);
  }

  private static List<String> numbered(String prefix, int count) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      items.add(prefix + " " + i);
    }
    return items;
  }

  @Test
  void aCompleteDraftHasNoProblems() {
    assertEquals(Map.of(), problems(ConsentFixtures.draft(12, true, true)));
  }

  @Test
  void everyMissingPartIsReportedAtOnce() {
    Map<String, String> problems = problems(draft("  ", " \n ", List.of(" "), null, null));

    assertEquals("Enter the title.", problems.get("title"));
    assertEquals("Enter the text of the form.", problems.get("body"));
    assertEquals(
        "Add at least one acknowledgement the client must tick.", problems.get("acknowledgements"));
    assertEquals(
        "Enter for how many months a signature stays valid.", problems.get("validityMonths"));
    assertFalse(problems.containsKey("techniques"), "techniques are optional");
  }

  @Test
  void nullPartsAreMissingRatherThanFailing() {
    Map<String, String> problems = problems(draft(null, null, null, null, null));

    assertEquals(Set.of("title", "body", "acknowledgements", "validityMonths"), problems.keySet());
  }

  @Test
  void validityRunsFromOneMonthToTenYears() {
    assertEquals(
        "A signature stays valid for 1 to 120 months.",
        problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of(), 0)).get("validityMonths"));
    assertTrue(
        problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of(), 121))
            .containsKey("validityMonths"));
    assertTrue(
        problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of(), -12))
            .containsKey("validityMonths"));

    assertTrue(problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of(), 1)).isEmpty());
    assertTrue(problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of(), 120)).isEmpty());
  }

  @Test
  void refusesTheSameAcknowledgementTwiceWhateverItsCase() {
    String problem =
        problems(
                withAcknowledgements(
                    List.of(
                        "I consent to treatment",
                        "I will tell my therapist",
                        "I CONSENT to Treatment")))
            .get("acknowledgements");

    assertEquals("The acknowledgement \"I CONSENT to Treatment\" is listed twice.", problem);
  }

  @Test
  void refusesTheSameTechniqueTwice() {
    FormDraft draft =
        draft(
            "Consent", "Text", ACKNOWLEDGEMENTS, List.of("Cupping", "Dry needling", "cupping"), 12);

    assertTrue(problems(draft).get("techniques").contains("listed twice"));
  }

  @Test
  void theSameWordingMayBeBothAnAcknowledgementAndATechnique() {
    FormDraft draft = draft("Consent", "Text", List.of("Cupping"), List.of("Cupping"), 12);

    assertTrue(problems(draft).isEmpty());
  }

  @Test
  void refusesMoreItemsThanAFormHolds() {
    assertEquals(
        "A form may have at most 30 acknowledgements; this one has 31.",
        problems(withAcknowledgements(numbered("Statement", FormDraft.MOST_ITEMS + 1)))
            .get("acknowledgements"));
    assertTrue(
        problems(
                draft(
                    "Consent",
                    "Text",
                    ACKNOWLEDGEMENTS,
                    numbered("Technique", FormDraft.MOST_ITEMS + 1),
                    12))
            .containsKey("techniques"));

    assertTrue(
        problems(withAcknowledgements(numbered("Statement", FormDraft.MOST_ITEMS))).isEmpty());
  }

  @Test
  void refusesOverlongWording() {
    assertTrue(
        problems(draft("T".repeat(201), "Text", ACKNOWLEDGEMENTS, List.of(), 12))
            .containsKey("title"));
    assertTrue(
        problems(
                draft(
                    "Consent",
                    "x".repeat(FormDraft.LONGEST_BODY + 1),
                    ACKNOWLEDGEMENTS,
                    List.of(),
                    12))
            .containsKey("body"));
    assertTrue(
        problems(withAcknowledgements(List.of("a".repeat(1001))))
            .get("acknowledgements")
            .contains("1000"));

    assertTrue(
        problems(
                draft(
                    "T".repeat(200),
                    "x".repeat(FormDraft.LONGEST_BODY),
                    List.of("a".repeat(1000)),
                    List.of(),
                    12))
            .isEmpty());
  }

  @Test
  void refusesControlCharacters() {
    assertTrue(
        problems(draft("Con\u0007sent", "Text", ACKNOWLEDGEMENTS, List.of(), 12))
            .containsKey("title"));
    assertTrue(
        problems(draft("Consent", "Text\u0000", ACKNOWLEDGEMENTS, List.of(), 12))
            .containsKey("body"));
    String problem =
        problems(withAcknowledgements(List.of("Fine", "Not\u001bfine"))).get("acknowledgements");
    assertTrue(problem.contains("cannot be stored"), problem);
    assertTrue(problem.contains("Not\u001bfine"), "names the offending line");
    assertTrue(
        problems(draft("Consent", "Text", ACKNOWLEDGEMENTS, List.of("Cup\tping"), 12))
            .containsKey("techniques"));
  }

  @Test
  void theBodyMayHaveLineBreaksAndTabs() {
    assertTrue(
        problems(
                draft(
                    "Consent",
                    "# Heading\n\n- one\n\t- two\r\nlast",
                    ACKNOWLEDGEMENTS,
                    List.of(),
                    12))
            .isEmpty());
  }

  @Test
  void blankLinesAreDroppedAndItemsTrimmed() {
    FormDraft draft =
        draft(
            "  Consent  ",
            "\n  Text\r\nmore  \n",
            Arrays.asList("  First  ", "", "   ", null, "Second"),
            FormDraft.splitLines("Cupping\r\n\r\n  Deep tissue \n\n"),
            12);

    assertEquals("Consent", draft.title());
    assertEquals("Text\nmore", draft.body());
    assertEquals(List.of("First", "Second"), draft.acknowledgements());
    assertEquals(List.of("Cupping", "Deep tissue"), draft.techniques());
    assertTrue(problems(draft).isEmpty());
  }

  @Test
  void splittingTextWithoutAnyLinesGivesNoItems() {
    assertEquals(
        List.of(),
        draft("Consent", "Text", FormDraft.splitLines(null), FormDraft.splitLines(" \n \n"), 12)
            .techniques());
  }

  @Test
  void codesAreStableSlugsOfTheWording() {
    assertEquals("deep-tissue-massage", FormDraft.code("Deep tissue massage", new HashSet<>()));
    assertEquals(
        "deep-tissue-massage", FormDraft.code("  Deep tissue -- MASSAGE!  ", new HashSet<>()));
    assertEquals(
        FormDraft.code("Hot stones (60 °C)", new HashSet<>()),
        FormDraft.code("Hot stones (60 °C)", new HashSet<>()));
    assertEquals("hot-stones-60-c", FormDraft.code("Hot stones (60 °C)", new HashSet<>()));
  }

  @Test
  void codesFoldAccents() {
    assertEquals(
        "creme-brulee-a-la-bergstrom",
        FormDraft.code("Crème brûlée à la Bergström", new HashSet<>()));
    assertEquals("naive-cafe", FormDraft.code("Naïve café", new HashSet<>()));
  }

  @Test
  void codesWithoutLatinLettersFallBackToItem() {
    assertEquals("item", FormDraft.code("按摩", new HashSet<>()));
    assertEquals("item", FormDraft.code("?!", new HashSet<>()));
  }

  @Test
  void codesAreShortAndDoNotEndInAHyphen() {
    String code =
        FormDraft.code(
            "I understand that massage therapy is not a substitute for medical care",
            new HashSet<>());

    assertTrue(code.length() <= 34, code);
    assertTrue(code.startsWith("i-understand-that-massage"), code);
    assertFalse(code.endsWith("-"), code);
    // The 34th character is a space in the wording; the hyphen it becomes is trimmed.
    assertEquals(
        "abcdefghijklmnopqrstuvwxyz-abcdef",
        FormDraft.code("abcdefghijklmnopqrstuvwxyz abcdef ghij", new HashSet<>()));
  }

  @Test
  void aTakenCodeGetsANumberSuffix() {
    Set<String> taken = new HashSet<>();

    assertEquals("cupping", FormDraft.code("Cupping", taken));
    assertEquals("cupping-2", FormDraft.code("Cupping!", taken));
    assertEquals("cupping-3", FormDraft.code("cupping?", taken));
    assertEquals(Set.of("cupping", "cupping-2", "cupping-3"), taken);
  }

  @Test
  void itemsListAcknowledgementsFirstEachWithItsOwnCode() {
    FormDraft draft =
        draft(
            "Consent",
            "Text",
            List.of("Cupping?", "I agree"),
            List.of("Cupping", "Hot stones"),
            12);

    List<FormItem> items = draft.items();

    assertEquals(
        List.of("cupping", "i-agree", "cupping-2", "hot-stones"),
        items.stream().map(FormItem::getCode).toList());
    assertEquals(
        List.of(true, true, false, false),
        items.stream().map(FormItem::isAcknowledgement).toList());
    assertEquals(
        List.of("Cupping?", "I agree", "Cupping", "Hot stones"),
        items.stream().map(FormItem::getText).toList());
  }

  @Test
  void shownTextHasEveryPartTheClientReads() {
    FormDraft draft = ConsentFixtures.draft(24, false, true);

    String shown = draft.shownText();

    assertTrue(shown.startsWith(ConsentFixtures.TITLE + "\n\n"));
    assertTrue(shown.contains(draft.body()));
    draft
        .acknowledgements()
        .forEach(line -> assertTrue(shown.contains("[ ] " + line + "\n"), line));
    draft.techniques().forEach(line -> assertTrue(shown.contains("( ) " + line + "\n"), line));
    assertTrue(shown.contains("Valid for 24 months from signing."));
    assertTrue(shown.contains("A staff member witnesses the signature."));
  }

  @Test
  void shownTextSaysOneMonthInTheSingularAndLeavesOutEmptySections() {
    String shown = draft("Consent", "Text", List.of("I agree"), List.of(), 1).shownText();

    assertTrue(shown.contains("Valid for 1 month from signing."), shown);
    assertFalse(shown.contains("Optional techniques"));
    assertFalse(shown.contains("witness"));
  }

  @Test
  void theTextHashChangesWithAnyWording() {
    String base = Sha256.of(ConsentFixtures.draft(12, false, false).shownText());

    assertEquals(
        base,
        Sha256.of(ConsentFixtures.draft(12, false, false).shownText()),
        "the same draft hashes the same");
    assertTrue(base.matches("[0-9a-f]{64}"));
    List<String> changedAcknowledgement =
        new ArrayList<>(ConsentFixtures.draft(12, false, false).acknowledgements());
    changedAcknowledgement.set(1, "I can stop the treatment at any time.");
    FormDraft original = ConsentFixtures.draft(12, false, false);
    FormDraft edited =
        new FormDraft(
            original.title(),
            original.body(),
            changedAcknowledgement,
            original.techniques(),
            12,
            false,
            false);

    assertNotEquals(base, Sha256.of(edited.shownText()));
    assertNotEquals(base, Sha256.of(ConsentFixtures.draft(13, false, false).shownText()));
    assertNotEquals(base, Sha256.of(ConsentFixtures.draft(12, false, true).shownText()));
  }

  @Test
  void movingALineBetweenAcknowledgementsAndTechniquesChangesTheText() {
    String asAcknowledgement =
        draft("Consent", "Text", List.of("I agree", "Cupping"), List.of(), 12).shownText();
    String asTechnique =
        draft("Consent", "Text", List.of("I agree"), List.of("Cupping"), 12).shownText();

    assertNotEquals(Sha256.of(asAcknowledgement), Sha256.of(asTechnique));
  }

  @Test
  void sha256IsTheKnownDigest() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(""));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc"));
  }

  @Test
  void anOwnerEditsFromThePublishedWording() {
    FormDraft draft = ConsentFixtures.draft(12, true, false);
    ConsentFormVersion version = ConsentFixtures.version(ConsentFixtures.form(), 3, draft);

    assertEquals(draft, version.toDraft());
    assertEquals(Sha256.of(draft.shownText()), version.getTextSha256());
    assertEquals(3, version.getVersionNumber());
  }
}
