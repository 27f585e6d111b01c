package org.myochart.anatomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueEntryTest {

  private static final String SPONDYLOSIS_CAUTION =
      "Work the neck gently: cervical spondylosis restricts neck techniques.";

  private static CatalogueEntry paired() {
    return CatalogueFixtures.muscle("upper-trapezius", "Upper trapezius");
  }

  private static CatalogueEntry midline() {
    return CatalogueFixtures.point("GV16", "GV16 Fengfu", false);
  }

  private static CatalogueEntry withCaution() {
    return CatalogueFixtures.entry(
        CatalogueKind.MUSCLE,
        "scalenes",
        "Scalenes",
        true,
        CautionCondition.CERVICAL_SPONDYLOSIS,
        SPONDYLOSIS_CAUTION);
  }

  @Test
  void aPairedStructureAllowsLeftRightAndBoth() {
    assertTrue(paired().allows(Side.LEFT));
    assertTrue(paired().allows(Side.RIGHT));
    assertTrue(paired().allows(Side.BOTH));
  }

  @Test
  void aPairedStructureRefusesTheMidline() {
    assertFalse(paired().allows(Side.MIDLINE));
  }

  @Test
  void aMidlineStructureAllowsOnlyTheMidline() {
    assertTrue(midline().allows(Side.MIDLINE));
    assertFalse(midline().allows(Side.LEFT));
    assertFalse(midline().allows(Side.RIGHT));
    assertFalse(midline().allows(Side.BOTH));
  }

  @Test
  void noSideIsNeverAllowed() {
    assertFalse(paired().allows(null));
    assertFalse(midline().allows(null));
  }

  @Test
  void theCautionAppliesWhenTheClientHasTheCondition() {
    assertEquals(
        SPONDYLOSIS_CAUTION,
        withCaution().cautionFor(Set.of(CautionCondition.CERVICAL_SPONDYLOSIS)));
    assertEquals(
        SPONDYLOSIS_CAUTION, withCaution().cautionFor(EnumSet.allOf(CautionCondition.class)));
  }

  @Test
  void theCautionDoesNotApplyForOtherConditionsOrNone() {
    assertNull(
        withCaution()
            .cautionFor(Set.of(CautionCondition.PREGNANCY, CautionCondition.BLOOD_THINNER)));
    assertNull(withCaution().cautionFor(Set.of()));
  }

  @Test
  void anEntryWithoutCautionHasNoneForAnyClient() {
    assertNull(paired().cautionFor(EnumSet.allOf(CautionCondition.class)));
  }

  @Test
  void aNewEntryIsActiveAndKeepsWhatItWasGiven() {
    CatalogueEntry entry = withCaution();

    assertTrue(entry.isActive());
    assertEquals(CatalogueKind.MUSCLE, entry.getKind());
    assertEquals("scalenes", entry.getCode());
    assertTrue(entry.isLateral());
    assertEquals(CautionCondition.CERVICAL_SPONDYLOSIS, entry.getCautionCondition());
    assertFalse(entry.isBuiltIn(), "entries added by the owner are not built in");
  }
}
