package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.testsupport.Constraints.problems;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.client.Client;

class ConsentsSignerTest {

  private static final Client ADULT =
      ConsentFixtures.client("Anna", "Bergström", LocalDate.of(1986, 4, 12));
  private static final Client MINOR =
      ConsentFixtures.client("Léa", "Brandt", LocalDate.of(2012, 6, 1));

  private static Map<String, String> adultSigns(String typedName) {
    return problems(Signer.of(ADULT, false, typedName, null));
  }

  private static Map<String, String> guardianSigns(String typedName, String relationship) {
    return problems(Signer.of(MINOR, true, typedName, relationship));
  }

  @Test
  void anAdultSignsWithTheirFullName() {
    Signer typed = Signer.of(ADULT, false, "  Anna Bergström ", null);

    assertEquals(Map.of(), problems(typed));
    SignedBy signer = typed.signedBy();
    assertEquals("Anna Bergström", signer.name());
    assertEquals(SignerRole.CLIENT, signer.role());
    assertNull(signer.guardianRelationship());
  }

  @Test
  void anAdultsNameIsMatchedWithoutCaseOrAccents() {
    assertEquals(Map.of(), adultSigns("anna bergstrom"));
    assertEquals(Map.of(), adultSigns("ANNA BERGSTRÖM"));
    assertEquals(Map.of(), adultSigns("Bergström, Anna"));
  }

  @Test
  void anAdultMayAddAMiddleName() {
    assertEquals(Map.of(), adultSigns("Anna Maria Bergström"));
  }

  @Test
  void anAdultTypingSomeoneElsesNameIsRefused() {
    assertEquals(
        "Please type your full name as the clinic has it: Anna Bergström.",
        adultSigns("Maria Olsen").get("typedName"));
  }

  @Test
  void anAdultTypingOnlyPartOfTheirNameIsRefused() {
    assertTrue(adultSigns("Anna").containsKey("typedName"));
    assertTrue(adultSigns("Bergström").containsKey("typedName"));
    assertTrue(adultSigns("A. Bergström").containsKey("typedName"));
  }

  @Test
  void nameMatchingIsByWholeWords() {
    assertTrue(adultSigns("Annabel Bergström").containsKey("typedName"));
    assertTrue(adultSigns("Anna Bergströmsson").containsKey("typedName"));
    assertTrue(adultSigns("AnnaBergström").containsKey("typedName"));
  }

  @Test
  void anAdultMustTypeAName() {
    assertEquals("Enter the full name.", adultSigns("   ").get("typedName"));
    assertEquals("Enter the full name.", adultSigns(null).get("typedName"));
    assertEquals(
        "The full name may have at most 200 characters; it has 201.",
        adultSigns("A".repeat(201)).get("typedName"));
  }

  @Test
  void anAdultsNameWithControlCharactersIsRefused() {
    assertTrue(adultSigns("Anna\u0000 Bergström").containsKey("typedName"));
  }

  @Test
  void aGuardianSignsForAMinorWithTheirOwnNameAndRelationship() {
    Signer typed = Signer.of(MINOR, true, " Kari Brandt ", " mother ");

    assertEquals(Map.of(), problems(typed));
    SignedBy signer = typed.signedBy();
    assertEquals("Kari Brandt", signer.name());
    assertEquals(SignerRole.GUARDIAN, signer.role());
    assertEquals("mother", signer.guardianRelationship());
  }

  @Test
  void aGuardianMustGiveNameAndRelationship() {
    Map<String, String> neither = guardianSigns(" ", null);
    assertEquals("Enter the parent's or guardian's full name.", neither.get("typedName"));
    assertEquals("Enter the relationship to Léa.", neither.get("guardianRelationship"));

    assertEquals(
        Map.of("guardianRelationship", "Enter the relationship to Léa."),
        guardianSigns("Kari Brandt", "  "));
    assertTrue(guardianSigns(null, "father").containsKey("typedName"));
    assertFalse(guardianSigns(null, "father").containsKey("guardianRelationship"));
  }

  @Test
  void aGuardianTypingTheMinorsNameIsRefused() {
    String refusal = "Léa is under 18: a parent or guardian signs with their own name.";

    assertEquals(refusal, guardianSigns("Léa Brandt", "mother").get("typedName"));
    assertEquals(refusal, guardianSigns("lea brandt", "mother").get("typedName"));
    assertEquals(refusal, guardianSigns("LEA  BRANDT", "mother").get("typedName"));
  }

  @Test
  void aGuardianMayShareTheMinorsSurname() {
    assertEquals(Map.of(), guardianSigns("Lars Brandt", "father"));
  }

  @Test
  void aMinorsOwnNameIsNotEnoughEvenWithoutARelationship() {
    Map<String, String> problems = guardianSigns("Léa Brandt", null);

    assertTrue(problems.get("typedName").contains("under 18"));
    assertTrue(problems.containsKey("guardianRelationship"));
  }

  @Test
  void anOverlongOrHiddenCharacterNameIsRefusedBeforeItIsCompared() {
    assertEquals(
        Map.of(
            "typedName",
            "The full name contains an invisible or text-direction character; type it again"
                + " without copying it from elsewhere."),
        adultSigns("Anna\u202E Bergström"));
    assertEquals(
        Map.of("typedName", "The full name may have at most 200 characters; it has 201."),
        guardianSigns("K".repeat(201), "mother"));
  }
}
