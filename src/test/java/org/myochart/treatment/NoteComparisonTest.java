package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.treatment.TreatmentFixtures.validDraft;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.CatalogueFixtures;
import org.myochart.anatomy.Side;

class NoteComparisonTest {

  private static List<String[]> differences(NoteDraft mine, NoteDraft theirs) {
    return NoteComparison.differences(mine, theirs, CatalogueFixtures::name);
  }

  @Test
  void identicalNotesHaveNoDifferences() {
    assertTrue(differences(validDraft(), validDraft()).isEmpty());
    assertTrue(differences(new NoteDraft(), new NoteDraft()).isEmpty());
  }

  @Test
  void onlyTheDifferingAnswersAreReturnedWithBothValues() {
    NoteDraft mine = validDraft();
    NoteDraft theirs = validDraft();
    theirs.setCurrentPain(8);
    theirs.setTolerance(Tolerance.FAIR);

    List<String[]> differences = differences(mine, theirs);

    assertEquals(2, differences.size());
    assertArrayEquals(new String[] {"Current pain (0–10)", "6", "8"}, differences.get(0));
    assertArrayEquals(new String[] {"Tolerance", "Good", "Fair"}, differences.get(1));
  }

  @Test
  void aSavesChangeLogHoldsBeforeAndAfterOfEachChangedFieldOnly() {
    NoteDraft before = validDraft();
    NoteDraft after = validDraft();
    after.setCurrentPain(3);
    after.setHomeCare(null);
    after.setPosture(before.getPosture() + " Better today.");

    jakarta.json.JsonArray changes = NoteComparison.changes(before, after, CatalogueFixtures::name);

    assertEquals(3, changes.size(), changes.toString());
    jakarta.json.JsonObject pain = changes.getJsonObject(0);
    assertEquals("Current pain (0–10)", pain.getString("field"));
    assertEquals("6", pain.getString("before"));
    assertEquals("3", pain.getString("after"));
    jakarta.json.JsonObject posture = changes.getJsonObject(1);
    assertEquals("Posture", posture.getString("field"));
    assertEquals(before.getPosture() + " Better today.", posture.getString("after"));
    jakarta.json.JsonObject homeCare = changes.getJsonObject(2);
    assertEquals("Home care", homeCare.getString("field"));
    assertEquals(before.getHomeCare(), homeCare.getString("before"));
    assertTrue(homeCare.isNull("after"));
    assertTrue(
        NoteComparison.changes(validDraft(), validDraft(), CatalogueFixtures::name).isEmpty());
  }

  @Test
  void aChangedRowShowsTheWholeListOnEachSide() {
    NoteDraft mine = validDraft();
    NoteDraft theirs = validDraft();
    theirs.getTreatedMuscles().get(1).setSide(Side.LEFT);

    List<String[]> differences = differences(mine, theirs);

    assertEquals(1, differences.size());
    assertEquals("Treated muscles", differences.get(0)[0]);
    assertEquals(
        "Upper trapezius (both) · Trigger point therapy · moderate · 8 min\n"
            + "Suboccipitals (group) (both) · Myofascial release · light · 6 min",
        differences.get(0)[1]);
    assertEquals(
        "Upper trapezius (both) · Trigger point therapy · moderate · 8 min\n"
            + "Suboccipitals (group) (left) · Myofascial release · light · 6 min",
        differences.get(0)[2]);
  }

  @Test
  void anAnswerOnlyOneSideGaveIsShownAgainstADash() {
    NoteDraft mine = validDraft();
    NoteDraft theirs = validDraft();
    mine.setReferralReason("Sudden worst headache: see a physician today");
    theirs.setProgress(null);

    List<String[]> differences = differences(mine, theirs);

    assertEquals(2, differences.size());
    assertArrayEquals(
        new String[] {"Progress toward the goal", "Headache days down from 9 to 4", "—"},
        differences.get(0));
    assertArrayEquals(
        new String[] {
          "Referral to a physician", "Sudden worst headache: see a physician today", "—"
        },
        differences.get(1));
  }

  @Test
  void readableNamesMusclesPointsAndTechniquesThroughTheSuppliedFunction() {
    Map<String, String> text = NoteComparison.readable(validDraft(), CatalogueFixtures::name);

    assertEquals(
        "Upper trapezius (both) · Trigger point therapy · moderate · 8 min\n"
            + "Suboccipitals (group) (both) · Myofascial release · light · 6 min",
        text.get("Treated muscles"));
    assertEquals(
        "GB20 Fengchi (both) · applied by Ingrid Halvorsen, LMT\n"
            + "GV16 Fengfu (midline) · applied by Ingrid Halvorsen, LMT",
        text.get("Pressure points"));
    assertEquals(
        "Upper trapezius (right), tenderness 2/3, refers to Right temple",
        text.get("Trigger points"));
  }

  @Test
  void readableAsksForNamesByKindAndCode() {
    Map<String, String> text = NoteComparison.readable(validDraft(), key -> "[" + key + "]");

    assertTrue(
        text.get("Treated muscles")
            .startsWith("[MUSCLE:upper-trapezius] (both) · [TECHNIQUE:trigger-point-therapy]"),
        text.get("Treated muscles"));
    assertTrue(
        text.get("Pressure points").startsWith("[POINT:GB20] (both)"), text.get("Pressure points"));
  }

  @Test
  void readableShowsTheNumbersAndLeavesOutWhatWasNotAnswered() {
    NoteDraft draft = new NoteDraft();
    draft.setPainBefore(6);
    draft.setPainAfter(3);
    draft.setRomRotationLeft(70);
    draft.setRomSideBendRight(35);
    draft
        .getAdverseResponses()
        .add(new AdverseResponse("Headache that evening", Severity.MODERATE));

    Map<String, String> text = NoteComparison.readable(draft, CatalogueFixtures::name);

    assertEquals("6", text.get("Pain before the session (0–10)"));
    assertEquals("3", text.get("Pain after the session (0–10)"));
    assertEquals("70", text.get("Cervical rotation to the left (degrees)"));
    assertEquals("35", text.get("Cervical side-bend to the right (degrees)"));
    assertEquals("Headache that evening (moderate)", text.get("Adverse responses"));
    assertFalse(text.containsKey("Current pain (0–10)"));
    assertFalse(text.containsKey("Treated muscles"));
    assertEquals(
        List.of(
            "Cervical rotation to the left (degrees)",
            "Cervical side-bend to the right (degrees)",
            "Pain before the session (0–10)",
            "Pain after the session (0–10)",
            "Adverse responses"),
        List.copyOf(text.keySet()));
  }

  @Test
  void theReadableLabelsAreTheFieldsOwn() {
    Map<String, String> text = NoteComparison.readable(validDraft(), CatalogueFixtures::name);

    assertEquals("4", text.get("Headache days since the last visit"));
    assertEquals("Sumatriptan 50 mg twice", text.get("Medication since the last visit"));
    assertEquals(
        NoteField.values().length - 1,
        text.size(),
        "every answered field once; the referral is empty");
  }

  @Test
  void anEmptyNoteReadsAsNothing() {
    assertTrue(NoteComparison.readable(new NoteDraft(), CatalogueFixtures::name).isEmpty());
  }
}
