package org.myochart.anatomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CatalogueCodeTest {

  @Test
  void aNameBecomesALowerCaseSlug() {
    assertEquals("upper-trapezius", Catalogue.code("Upper trapezius"));
    assertEquals(
        "rectus-capitis-posterior-major", Catalogue.code("Rectus capitis posterior major"));
  }

  @Test
  void punctuationAndRunsOfSpacesBecomeOneHyphen() {
    assertEquals("swedish-relaxation-massage", Catalogue.code("Swedish / relaxation   massage"));
    assertEquals("reflexology-hands-and-feet", Catalogue.code("Reflexology (hands and feet)"));
    assertEquals("gb20-fengchi", Catalogue.code("GB20 Fengchi"));
  }

  @Test
  void noHyphenAtEitherEnd() {
    assertEquals("suboccipitals-group", Catalogue.code("  (Suboccipitals) -- group!  "));
  }

  @Test
  void accentsAreDropped() {
    assertEquals("traitement-cranien-leger", Catalogue.code("Traitement crânien léger"));
  }

  @Test
  void theSameNameAlwaysGivesTheSameCode() {
    String name = "Sternocleidomastoid (clavicular head)";

    assertEquals(Catalogue.code(name), Catalogue.code(name));
    assertEquals(Catalogue.code(name), Catalogue.code(name.toUpperCase()));
    assertEquals("sternocleidomastoid-clavicular-head", Catalogue.code(name));
  }

  @Test
  void aNameWithoutLettersOrDigitsStillGetsACode() {
    assertEquals("entry", Catalogue.code("!!! ---"));
    assertEquals("entry", Catalogue.code(""));
  }

  @Test
  void aLongNameIsCutToFortyCharactersWithoutATrailingHyphen() {
    // The 40th character of the slug is a hyphen, which must not be kept.
    String name = "Obliquus capitis inferior and superiors, deep suboccipital group";
    String code = Catalogue.code(name);

    assertTrue(code.length() <= 40, code);
    assertFalse(code.endsWith("-"), code);
    assertEquals("obliquus-capitis-inferior-and-superiors", code);
  }

  @Test
  void aLongNameCutMidWordKeepsFortyCharacters() {
    String code = Catalogue.code("Abcdefghij".repeat(6));

    assertEquals(40, code.length());
    assertEquals("abcdefghij".repeat(4), code);
  }
}
