package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.anatomy.CatalogueFixtures.inRegions;
import static org.myochart.anatomy.CatalogueFixtures.muscle;
import static org.myochart.anatomy.CatalogueFixtures.point;
import static org.myochart.anatomy.CatalogueFixtures.technique;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.Side;

class RestrictionRuleTest {

  private static final Map<String, CatalogueEntry> CATALOGUE =
      Map.of(
          "MUSCLE:upper-trapezius",
          inRegions(
              muscle("upper-trapezius", "Upper trapezius"), BodyRegion.NECK, BodyRegion.SHOULDERS),
          "MUSCLE:scalenes",
          inRegions(muscle("scalenes", "Scalenes"), BodyRegion.NECK),
          "MUSCLE:temporalis",
          inRegions(muscle("temporalis", "Temporalis"), BodyRegion.HEAD),
          "POINT:GB20",
          inRegions(point("GB20", "GB20 Fengchi", true), BodyRegion.NECK),
          "POINT:LI4",
          inRegions(point("LI4", "LI4 Hegu", true), BodyRegion.ARMS_AND_HANDS),
          "TECHNIQUE:trigger-point-therapy",
          technique("trigger-point-therapy", "Trigger point therapy"),
          "TECHNIQUE:swedish-relaxation",
          technique("swedish-relaxation", "Swedish / relaxation massage"));

  private static final LocalDate UNTIL = LocalDate.parse("2027-01-04");

  private static TreatedMuscle row(String muscle, Side side, String technique, Pressure pressure) {
    return new TreatedMuscle(muscle, side, technique, pressure, 5);
  }

  private static String names(String key) {
    CatalogueEntry entry = CATALOGUE.get(key);
    return entry == null ? key : entry.getName();
  }

  @Test
  void aPressureLimitOnARegionIsBrokenOnlyByFirmerWorkOnAMuscleInIt() {
    RestrictionRule neck =
        new RestrictionRule(BodyRegion.NECK, null, null, null, Pressure.LIGHT, UNTIL);

    TreatedMuscle firmTrapezius =
        row("upper-trapezius", Side.LEFT, "swedish-relaxation", Pressure.MODERATE);
    TreatedMuscle lightScalenes = row("scalenes", Side.BOTH, "swedish-relaxation", Pressure.LIGHT);
    TreatedMuscle firmTemporalis =
        row("temporalis", Side.LEFT, "swedish-relaxation", Pressure.FIRM);

    assertTrue(neck.brokenBy(firmTrapezius, CATALOGUE), "upper trapezius lies in the neck too");
    assertTrue(neck.concerns(lightScalenes, CATALOGUE));
    assertFalse(neck.brokenBy(lightScalenes, CATALOGUE), "light is within the limit");
    assertFalse(neck.concerns(firmTemporalis, CATALOGUE), "the head is not the neck");
    assertEquals(
        "Neck (cervical): no pressure firmer than light, until 2027-01-04.",
        neck.describe(RestrictionRuleTest::names));
  }

  @Test
  void aRestrictionWithoutALimitRulesOutTreatmentThereAndAPointRowTooUnlessModerateIsAllowed() {
    RestrictionRule noNeckWork = new RestrictionRule(BodyRegion.NECK, null, null, null, null, null);
    RestrictionRule lightNeck =
        new RestrictionRule(BodyRegion.NECK, null, null, null, Pressure.LIGHT, null);
    RestrictionRule moderateNeck =
        new RestrictionRule(BodyRegion.NECK, null, null, null, Pressure.MODERATE, null);
    PointUse gb20 = new PointUse("GB20", Side.BOTH, "The therapist");
    PointUse li4 = new PointUse("LI4", Side.LEFT, "The therapist");

    assertTrue(
        noNeckWork.brokenBy(
            row("scalenes", Side.LEFT, "swedish-relaxation", Pressure.LIGHT), CATALOGUE));
    assertTrue(noNeckWork.brokenBy(gb20, CATALOGUE));
    assertTrue(lightNeck.brokenBy(gb20, CATALOGUE), "acupressure is more than light pressure");
    assertFalse(moderateNeck.brokenBy(gb20, CATALOGUE));
    assertFalse(noNeckWork.concerns(li4, CATALOGUE), "LI4 is on the hand");
    assertEquals(
        "Neck (cervical): no treatment, until further notice.",
        noNeckWork.describe(RestrictionRuleTest::names));
  }

  @Test
  void aTechniqueRestrictionConcernsOnlyRowsWithThatTechniqueAndNoPointRows() {
    RestrictionRule noTriggerPoints =
        new RestrictionRule(null, null, null, "trigger-point-therapy", null, UNTIL);

    assertTrue(
        noTriggerPoints.brokenBy(
            row("temporalis", Side.LEFT, "trigger-point-therapy", Pressure.LIGHT), CATALOGUE),
        "anywhere, with that technique");
    assertFalse(
        noTriggerPoints.concerns(
            row("temporalis", Side.LEFT, "swedish-relaxation", Pressure.FIRM), CATALOGUE));
    assertFalse(
        noTriggerPoints.concerns(new PointUse("GB20", Side.BOTH, "The therapist"), CATALOGUE));
    assertEquals(
        "Anywhere: no Trigger point therapy, until 2027-01-04.",
        noTriggerPoints.describe(RestrictionRuleTest::names));
  }

  @Test
  void aPressureLimitAnywhereConcernsEveryRowAndAMidlineRowReachesAOneSidedRestriction() {
    RestrictionRule lightEverywhere =
        new RestrictionRule(null, null, null, null, Pressure.LIGHT, null);
    RestrictionRule leftNeck =
        new RestrictionRule(BodyRegion.NECK, null, Side.LEFT, null, null, null);

    assertTrue(
        lightEverywhere.brokenBy(
            row("temporalis", Side.LEFT, "swedish-relaxation", Pressure.MODERATE), CATALOGUE));
    assertEquals(
        "Anywhere: no pressure firmer than light, until further notice.",
        lightEverywhere.describe(RestrictionRuleTest::names));
    assertTrue(
        leftNeck.concerns(new PointUse("GB20", Side.MIDLINE, "The therapist"), CATALOGUE),
        "a row on the midline reaches the left side");
  }

  @Test
  void aRestrictionOnOneSideOfOneMuscleLeavesTheOtherSideFreeButNotBoth() {
    RestrictionRule leftScalenes =
        new RestrictionRule(null, "MUSCLE:scalenes", Side.LEFT, null, Pressure.LIGHT, UNTIL);

    assertTrue(
        leftScalenes.brokenBy(
            row("scalenes", Side.BOTH, "swedish-relaxation", Pressure.FIRM), CATALOGUE),
        "both sides include the left");
    assertTrue(
        leftScalenes.brokenBy(
            row("scalenes", Side.LEFT, "swedish-relaxation", Pressure.MODERATE), CATALOGUE));
    assertFalse(
        leftScalenes.concerns(
            row("scalenes", Side.RIGHT, "swedish-relaxation", Pressure.FIRM), CATALOGUE));
    assertFalse(
        leftScalenes.concerns(
            row("upper-trapezius", Side.LEFT, "swedish-relaxation", Pressure.FIRM), CATALOGUE),
        "another muscle in the same region");
    assertEquals(
        "Scalenes, left side: no pressure firmer than light, until 2027-01-04.",
        leftScalenes.describe(RestrictionRuleTest::names));
  }

  @Test
  void theBrokenRowsOfADraftAreNamedInWords() {
    RestrictionRule neck =
        new RestrictionRule(BodyRegion.NECK, null, null, null, Pressure.LIGHT, UNTIL);
    NoteDraft draft = new NoteDraft();
    draft.getTreatedMuscles().add(row("scalenes", Side.RIGHT, "swedish-relaxation", Pressure.FIRM));
    draft
        .getTreatedMuscles()
        .add(row("temporalis", Side.LEFT, "swedish-relaxation", Pressure.FIRM));
    draft.getPointUses().add(new PointUse("GB20", Side.BOTH, "The therapist"));

    List<String> rows = neck.brokenRows(draft, CATALOGUE);

    assertEquals(2, rows.size(), rows.toString());
    assertTrue(rows.get(0).startsWith("Scalenes (right)"), rows.get(0));
    assertTrue(rows.get(1).startsWith("GB20 Fengchi"), rows.get(1));
  }
}
