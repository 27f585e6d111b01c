package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.treatment.TreatmentFixtures.validDraft;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;

class NoteDraftTest {

  private static Map<String, String> problems(NoteDraft draft) {
    return TreatmentFixtures.problems(draft);
  }

  private static Map<String, String> withMuscleRow(TreatedMuscle row) {
    NoteDraft draft = validDraft();
    draft.getTreatedMuscles().clear();
    draft.getTreatedMuscles().add(row);
    return problems(draft);
  }

  private static Map<String, String> withPointRow(PointUse row) {
    NoteDraft draft = validDraft();
    draft.getPointUses().clear();
    draft.getPointUses().add(row);
    return problems(draft);
  }

  private static Map<String, String> withTriggerPoint(TriggerPoint row) {
    NoteDraft draft = validDraft();
    draft.getTriggerPoints().clear();
    draft.getTriggerPoints().add(row);
    return problems(draft);
  }

  private static Map<String, String> withValue(
      BiConsumer<NoteDraft, Integer> setter, Integer value) {
    NoteDraft draft = validDraft();
    setter.accept(draft, value);
    return problems(draft);
  }

  // ---- a valid note

  @Test
  void aCompleteDraftHasNoProblems() {
    assertEquals(Map.of(), problems(validDraft()));
  }

  @Test
  void anEmptyDraftHasNoProblemsBecauseADraftMayBeUnfinished() {
    assertEquals(Map.of(), problems(new NoteDraft()));
  }

  // ---- ranges

  @Test
  void painIsFromZeroToTen() {
    Map<String, BiConsumer<NoteDraft, Integer>> fields =
        Map.of(
            "currentPain", NoteDraft::setCurrentPain,
            "painBefore", NoteDraft::setPainBefore,
            "painAfter", NoteDraft::setPainAfter);
    fields.forEach(
        (field, setter) -> {
          assertEquals(Set.of(field), withValue(setter, -1).keySet(), field + " -1");
          assertEquals(Set.of(field), withValue(setter, 11).keySet(), field + " 11");
          assertEquals(Map.of(), withValue(setter, 0), field + " 0");
          assertEquals(Map.of(), withValue(setter, 10), field + " 10");
        });
    assertEquals(
        "Current pain must be from 0 to 10.",
        withValue(NoteDraft::setCurrentPain, 11).get("currentPain"));
    assertEquals(
        "Pain before the session must be from 0 to 10.",
        withValue(NoteDraft::setPainBefore, -1).get("painBefore"));
    assertEquals(
        "Pain after the session must be from 0 to 10.",
        withValue(NoteDraft::setPainAfter, 11).get("painAfter"));
  }

  @Test
  void sleepAndStressAreFromOneToFive() {
    assertEquals(
        "Sleep quality must be from 1 to 5.",
        withValue(NoteDraft::setSleepQuality, 0).get("sleepQuality"));
    assertEquals(Set.of("sleepQuality"), withValue(NoteDraft::setSleepQuality, 6).keySet());
    assertEquals(
        "Stress must be from 1 to 5.", withValue(NoteDraft::setStressLevel, 6).get("stressLevel"));
    assertEquals(Set.of("stressLevel"), withValue(NoteDraft::setStressLevel, 0).keySet());

    assertEquals(Map.of(), withValue(NoteDraft::setSleepQuality, 1));
    assertEquals(Map.of(), withValue(NoteDraft::setSleepQuality, 5));
    assertEquals(Map.of(), withValue(NoteDraft::setStressLevel, 1));
    assertEquals(Map.of(), withValue(NoteDraft::setStressLevel, 5));
  }

  @Test
  void headacheDaysCannotBeNegativeOrMoreThanAYear() {
    assertEquals(
        Set.of("headacheDaysSinceLast"),
        withValue(NoteDraft::setHeadacheDaysSinceLast, -1).keySet());
    assertEquals(
        Set.of("headacheDaysSinceLast"),
        withValue(NoteDraft::setHeadacheDaysSinceLast, 367).keySet());
    assertEquals(Map.of(), withValue(NoteDraft::setHeadacheDaysSinceLast, 0));
  }

  @Test
  void rangeOfMotionIsInPlausibleDegrees() {
    Map<String, BiConsumer<NoteDraft, Integer>> upTo120 =
        Map.of(
            "romFlexion", NoteDraft::setRomFlexion,
            "romExtension", NoteDraft::setRomExtension,
            "romRotationLeft", NoteDraft::setRomRotationLeft,
            "romRotationRight", NoteDraft::setRomRotationRight);
    upTo120.forEach(
        (field, setter) -> {
          assertEquals(Set.of(field), withValue(setter, -1).keySet(), field + " -1");
          assertEquals(Set.of(field), withValue(setter, 121).keySet(), field + " 121");
          assertEquals(Map.of(), withValue(setter, 0), field + " 0");
          assertEquals(Map.of(), withValue(setter, 120), field + " 120");
        });
    Map<String, BiConsumer<NoteDraft, Integer>> upTo90 =
        Map.of(
            "romSideBendLeft", NoteDraft::setRomSideBendLeft,
            "romSideBendRight", NoteDraft::setRomSideBendRight);
    upTo90.forEach(
        (field, setter) -> {
          assertEquals(Set.of(field), withValue(setter, -1).keySet(), field + " -1");
          assertEquals(Set.of(field), withValue(setter, 91).keySet(), field + " 91");
          assertEquals(Map.of(), withValue(setter, 90), field + " 90");
        });
    assertEquals(
        "Cervical flexion must be from 0 to 120.",
        withValue(NoteDraft::setRomFlexion, 121).get("romFlexion"));
    assertEquals(
        "Cervical side-bend to the left must be from 0 to 90.",
        withValue(NoteDraft::setRomSideBendLeft, 95).get("romSideBendLeft"));
  }

  @Test
  void everyWrongValueIsReportedAtOnce() {
    NoteDraft draft = validDraft();
    draft.setCurrentPain(12);
    draft.setStressLevel(0);
    draft.setRomExtension(200);
    draft.getTreatedMuscles().get(0).setMinutes(0);
    draft.getPointUses().get(0).setAppliedBy(null);

    assertEquals(
        Set.of("currentPain", "stressLevel", "romExtension", "treatedMuscles", "pointUses"),
        problems(draft).keySet());
  }

  // ---- treated muscles

  @Test
  void minutesAreFromOneToOneHundredTwenty() {
    String message = "Treatment row 1: minutes must be from 1 to 120.";
    for (Integer minutes : new Integer[] {0, -5, 121, null}) {
      assertEquals(
          Map.of("treatedMuscles", message),
          withMuscleRow(
              new TreatedMuscle(
                  "temporalis", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, minutes)),
          "minutes " + minutes);
    }
    assertEquals(
        Map.of(),
        withMuscleRow(
            new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 1)));
    assertEquals(
        Map.of(),
        withMuscleRow(
            new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 120)));
  }

  @Test
  void aMuscleMustComeFromTheCatalogue() {
    assertEquals(
        Map.of("treatedMuscles", "Treatment row 1: choose a muscle from the catalogue."),
        withMuscleRow(
            new TreatedMuscle(
                "biceps-brachii", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 5)));
  }

  @Test
  void aPressurePointIsNotAMuscle() {
    assertEquals(
        Map.of("treatedMuscles", "Treatment row 1: choose a muscle from the catalogue."),
        withMuscleRow(
            new TreatedMuscle("GB20", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 5)));
  }

  @Test
  void aTechniqueMustComeFromTheCatalogue() {
    String message = "Treatment row 1: choose a technique from the catalogue.";
    assertEquals(
        Map.of("treatedMuscles", message),
        withMuscleRow(new TreatedMuscle("temporalis", Side.LEFT, "reiki", Pressure.LIGHT, 5)));
    assertEquals(
        Map.of("treatedMuscles", message),
        withMuscleRow(
            new TreatedMuscle("temporalis", Side.LEFT, "upper-trapezius", Pressure.LIGHT, 5)),
        "a muscle is not a technique");
    assertEquals(
        Map.of("treatedMuscles", message),
        withMuscleRow(new TreatedMuscle("temporalis", Side.LEFT, null, Pressure.LIGHT, 5)));
  }

  @Test
  void aTreatmentRowNeedsAPressure() {
    assertEquals(
        Map.of("treatedMuscles", "Treatment row 1: choose light, moderate or firm pressure."),
        withMuscleRow(new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", null, 5)));
  }

  @Test
  void aPairedMuscleIsNotWorkedOnTheMidline() {
    assertEquals(
        Map.of(
            "treatedMuscles",
            "Treatment row 1: Upper trapezius is paired: choose left, right or both."),
        withMuscleRow(
            new TreatedMuscle(
                "upper-trapezius", Side.MIDLINE, "myofascial-release", Pressure.LIGHT, 5)));
  }

  @Test
  void aTreatmentRowNeedsASide() {
    assertEquals(
        Map.of("treatedMuscles", "Treatment row 1: choose the side."),
        withMuscleRow(
            new TreatedMuscle("upper-trapezius", null, "myofascial-release", Pressure.LIGHT, 5)));
  }

  @Test
  void theMessageNamesTheFirstWrongRow() {
    NoteDraft draft = validDraft();
    draft
        .getTreatedMuscles()
        .add(new TreatedMuscle("temporalis", Side.LEFT, "reiki", Pressure.LIGHT, 5));
    draft
        .getTreatedMuscles()
        .add(new TreatedMuscle("masseter-unknown", Side.LEFT, "reiki", Pressure.LIGHT, 5));

    assertEquals(
        "Treatment row 3: choose a technique from the catalogue.",
        problems(draft).get("treatedMuscles"));
  }

  // ---- row count

  @Test
  void oneHundredTreatmentRowsAreRefusedWithOneClearMessage() {
    NoteDraft draft = new NoteDraft();
    for (int i = 0; i < 100; i++) {
      // Each row is also wrong on its own; only the count is reported.
      draft.getTreatedMuscles().add(new TreatedMuscle("unknown-" + i, Side.LEFT, "reiki", null, 0));
    }
    // Nor are the other rows checked, so the therapist sees the one thing to fix first.
    draft.getPointUses().add(new PointUse("GV16", Side.LEFT, null));
    draft.getAdverseResponses().add(new AdverseResponse(null, null));

    assertEquals(
        Map.of(
            "treatedMuscles",
            "A note holds at most 40 rows of each kind; this one has 100 rows of one kind. Group the work by muscle and side."),
        problems(draft));
  }

  @Test
  void fortyRowsOfAKindAreAllowed() {
    NoteDraft draft = validDraft();
    draft.getTreatedMuscles().clear();
    draft.getPointUses().clear();
    for (int i = 0; i < NoteDraft.MOST_ROWS; i++) {
      draft
          .getTreatedMuscles()
          .add(new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 1));
      draft.getPointUses().add(new PointUse("GV16", Side.MIDLINE, "Ingrid"));
    }

    assertEquals(Map.of(), problems(draft));
  }

  @Test
  void tooManyRowsOfAnyKindAreRefused() {
    NoteDraft points = validDraft();
    NoteDraft triggers = validDraft();
    NoteDraft avoided = validDraft();
    NoteDraft adverse = validDraft();
    points.getPointUses().clear();
    triggers.getTriggerPoints().clear();
    avoided.getAvoidedAreas().clear();
    adverse.getAdverseResponses().clear();
    for (int i = 0; i <= NoteDraft.MOST_ROWS; i++) {
      points.getPointUses().add(new PointUse("GV16", Side.MIDLINE, "Ingrid"));
      triggers.getTriggerPoints().add(new TriggerPoint("temporalis", Side.LEFT, 1, null));
      avoided.getAvoidedAreas().add(new AvoidedArea("Left knee", "Sore."));
      adverse.getAdverseResponses().add(new AdverseResponse("Tired", Severity.MILD));
    }

    for (NoteDraft draft : new NoteDraft[] {points, triggers, avoided, adverse}) {
      Map<String, String> problems = problems(draft);
      assertEquals(1, problems.size(), problems.toString());
      assertEquals(
          "A note holds at most 40 rows of each kind; this one has 41 rows of one kind."
              + " Group the work by muscle and side.",
          problems.values().iterator().next());
    }
  }

  // ---- pressure points

  @Test
  void aMidlinePointHasNoSide() {
    assertEquals(
        Map.of("pointUses", "Pressure point row 1: GV16 Fengfu is on the midline and has no side."),
        withPointRow(new PointUse("GV16", Side.LEFT, "Ingrid")));
    assertEquals(
        Map.of("pointUses", "Pressure point row 1: GV16 Fengfu is on the midline and has no side."),
        withPointRow(new PointUse("GV16", Side.BOTH, "Ingrid")));
    assertEquals(Map.of(), withPointRow(new PointUse("GV16", Side.MIDLINE, "Ingrid")));
  }

  @Test
  void aPairedPointIsNotOnTheMidline() {
    assertEquals(
        Map.of(
            "pointUses",
            "Pressure point row 1: GB20 Fengchi is paired: choose left, right or both."),
        withPointRow(new PointUse("GB20", Side.MIDLINE, "Ingrid")));
    assertEquals(Map.of(), withPointRow(new PointUse("GB20", Side.LEFT, "Ingrid")));
  }

  @Test
  void aPointMustComeFromTheCatalogue() {
    assertEquals(
        Map.of("pointUses", "Pressure point row 1: choose a pressure point from the catalogue."),
        withPointRow(new PointUse("ST36", Side.LEFT, "Ingrid")));
    assertEquals(
        Map.of("pointUses", "Pressure point row 1: choose a pressure point from the catalogue."),
        withPointRow(new PointUse("temporalis", Side.LEFT, "Ingrid")),
        "a muscle is not a point");
  }

  @Test
  void aPointRowSaysWhoAppliedIt() {
    String message =
        "Pressure point row 1: say who applied it (acupressure needs its own training).";
    assertEquals(Map.of("pointUses", message), withPointRow(new PointUse("GB20", Side.BOTH, null)));
    assertEquals(
        Map.of("pointUses", message), withPointRow(new PointUse("GB20", Side.BOTH, "   ")));
    assertEquals(
        Map.of("pointUses", message),
        withPointRow(new PointUse("GB20", Side.BOTH, "x".repeat(121))));
    assertEquals(Map.of(), withPointRow(new PointUse("GB20", Side.BOTH, "x".repeat(120))));
  }

  // ---- trigger points

  @Test
  void tendernessIsFromZeroToThree() {
    String message = "Trigger point row 1: tenderness is 0 (none) to 3 (severe).";
    for (Integer tenderness : new Integer[] {-1, 4, null}) {
      assertEquals(
          Map.of("triggerPoints", message),
          withTriggerPoint(new TriggerPoint("temporalis", Side.LEFT, tenderness, null)),
          "tenderness " + tenderness);
    }
    assertEquals(Map.of(), withTriggerPoint(new TriggerPoint("temporalis", Side.LEFT, 0, null)));
    assertEquals(Map.of(), withTriggerPoint(new TriggerPoint("temporalis", Side.LEFT, 3, null)));
  }

  @Test
  void aTriggerPointIsInACatalogueMuscleOnAFittingSide() {
    assertEquals(
        Map.of("triggerPoints", "Trigger point row 1: choose a muscle from the catalogue."),
        withTriggerPoint(new TriggerPoint("GB20", Side.LEFT, 2, null)));
    assertEquals(
        Map.of(
            "triggerPoints",
            "Trigger point row 1: Temporalis is paired: choose left, right or both."),
        withTriggerPoint(new TriggerPoint("temporalis", Side.MIDLINE, 2, null)));
  }

  @Test
  void whereATriggerPointRefersIsAtMostTwoHundredCharacters() {
    assertEquals(
        Map.of(
            "triggerPoints",
            "Trigger point row 1: say where the pain refers in at most 200 characters."),
        withTriggerPoint(new TriggerPoint("temporalis", Side.LEFT, 2, "t".repeat(201))));
    assertEquals(
        Map.of(), withTriggerPoint(new TriggerPoint("temporalis", Side.LEFT, 2, "t".repeat(200))));
  }

  // ---- avoided areas and adverse responses

  @Test
  void anAvoidedAreaNeedsAReason() {
    String message = "Avoided area row 1: name the area and say why it was avoided.";
    for (AvoidedArea row :
        new AvoidedArea[] {
          new AvoidedArea("Left shoulder", null),
          new AvoidedArea("Left shoulder", "  "),
          new AvoidedArea(null, "Bruise."),
          new AvoidedArea(" ", "Bruise.")
        }) {
      NoteDraft draft = validDraft();
      draft.getAvoidedAreas().clear();
      draft.getAvoidedAreas().add(row);
      assertEquals(
          Map.of("avoidedAreas", message),
          problems(draft),
          row.getArea() + " / " + row.getReason());
    }
  }

  @Test
  void anAdverseResponseNeedsASeverityAndADescription() {
    String message = "Adverse response row 1: describe it and choose its severity.";
    for (AdverseResponse row :
        new AdverseResponse[] {
          new AdverseResponse("Headache that evening", null),
          new AdverseResponse(null, Severity.MODERATE),
          new AdverseResponse(" ", Severity.MODERATE),
          new AdverseResponse("d".repeat(501), Severity.MILD)
        }) {
      NoteDraft draft = validDraft();
      draft.getAdverseResponses().clear();
      draft.getAdverseResponses().add(row);
      assertEquals(
          Map.of("adverseResponses", message), problems(draft), String.valueOf(row.getSeverity()));
    }
  }

  // ---- free text

  @Test
  void textIsAtMostFourThousandCharacters() {
    NoteDraft draft = validDraft();
    draft.setTriggers("a".repeat(20_001));
    draft.setHomeCare("b".repeat(20_001));

    Map<String, String> problems = problems(draft);
    assertEquals(
        "Triggers may have at most 20000 characters; it has 20001.", problems.get("triggers"));
    assertEquals(
        "Home care may have at most 20000 characters; it has 20001.", problems.get("homeCare"));
    assertEquals(Set.of("triggers", "homeCare"), problems.keySet());

    draft.setTriggers("a".repeat(20_000));
    draft.setHomeCare("b".repeat(20_000));
    assertEquals(Map.of(), problems(draft));
  }

  @Test
  void textMayHaveLineBreaksButNotOtherControlCharacters() {
    NoteDraft draft = validDraft();
    draft.setPalpationNotes("Left side:\n\ttaut band");
    assertEquals(Map.of(), problems(draft));

    draft.setPalpationNotes("Left side \u0007 taut");
    assertEquals(Set.of("palpationNotes"), problems(draft).keySet());
    assertEquals(
        "Palpation contains characters that cannot be stored.",
        problems(draft).get("palpationNotes"));
  }

  @Test
  void blankTextIsStoredAsNothing() {
    NoteDraft draft = new NoteDraft();
    draft.setProgress("   ");

    assertNull(draft.getProgress());
  }

  // ---- before signing

  @Test
  void anEmptyDraftLacksEverythingASignatureNeeds() {
    assertEquals(
        Set.of("currentPain", "painBefore", "painAfter", "tolerance", "treatedMuscles"),
        new NoteDraft().missingForSignature().keySet());
  }

  @Test
  void aCompleteDraftCanBeSigned() {
    assertEquals(Map.of(), validDraft().missingForSignature());
  }

  @Test
  void eachMissingAnswerIsNamed() {
    NoteDraft draft = validDraft();
    draft.setCurrentPain(null);
    assertEquals(
        Map.of("currentPain", "Record the client's current pain (0–10) before signing."),
        draft.missingForSignature());

    draft = validDraft();
    draft.setPainBefore(null);
    assertEquals(Set.of("painBefore"), draft.missingForSignature().keySet());

    draft = validDraft();
    draft.setPainAfter(null);
    assertEquals(Set.of("painAfter"), draft.missingForSignature().keySet());

    draft = validDraft();
    draft.setTolerance(null);
    assertEquals(Set.of("tolerance"), draft.missingForSignature().keySet());
  }

  @Test
  void noPainIsAnAnswer() {
    NoteDraft draft = validDraft();
    draft.setCurrentPain(0);
    draft.setPainBefore(0);
    draft.setPainAfter(0);

    assertEquals(Map.of(), draft.missingForSignature());
  }

  @Test
  void aSignedNoteNeedsAMuscleOrAPoint() {
    NoteDraft neither = validDraft();
    neither.getTreatedMuscles().clear();
    neither.getPointUses().clear();
    assertEquals(
        Map.of(
            "treatedMuscles", "Add at least one treated muscle or pressure point before signing."),
        neither.missingForSignature());

    NoteDraft onlyPoints = validDraft();
    onlyPoints.getTreatedMuscles().clear();
    assertEquals(Map.of(), onlyPoints.missingForSignature());

    NoteDraft onlyMuscles = validDraft();
    onlyMuscles.getPointUses().clear();
    assertEquals(Map.of(), onlyMuscles.missingForSignature());
  }

  @Test
  void triggerPointsAloneAreNotTreatment() {
    NoteDraft draft = validDraft();
    draft.getTreatedMuscles().clear();
    draft.getPointUses().clear();

    assertFalse(draft.getTriggerPoints().isEmpty());
    assertTrue(draft.missingForSignature().containsKey("treatedMuscles"));
  }

  // ---- copy

  @Test
  void aCopyHasEveryAnswer() {
    NoteDraft original = validDraft();

    NoteDraft copy = original.copy();

    assertEquals(
        NoteComparison.readable(original, key -> key), NoteComparison.readable(copy, key -> key));
    assertEquals(original.getRomSideBendRight(), copy.getRomSideBendRight());
    assertEquals(original.getClientWords(), copy.getClientWords());
  }

  @Test
  void aCopyKeepsEachAnswerExactlyAsStored() {
    NoteDraft stored = validDraft();
    TreatmentFixtures.set(stored, "homeCare", "  Chin tucks, written before text was trimmed  ");
    TreatmentFixtures.set(stored, "posture", "");

    NoteDraft copy = stored.copy();

    assertEquals("  Chin tucks, written before text was trimmed  ", copy.getHomeCare());
    assertEquals("", copy.getPosture());
    for (NoteField field : NoteField.answers()) {
      assertEquals(field.valueIn(stored), field.valueIn(copy), field.key());
    }
  }

  @Test
  void changingTheRowsOfACopyLeavesTheOriginalAlone() {
    NoteDraft original = validDraft();
    NoteDraft copy = original.copy();

    copy.getTreatedMuscles().get(0).setSide(Side.LEFT);
    copy.getTreatedMuscles().get(0).setMinutes(30);
    copy.getTreatedMuscles()
        .add(new TreatedMuscle("temporalis", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 3));
    copy.getPointUses().get(0).setAppliedBy("Someone else");
    copy.getPointUses().remove(1);
    copy.getTriggerPoints().get(0).setTenderness(0);
    copy.getAvoidedAreas().get(0).setReason("Changed");
    copy.getAdverseResponses().get(0).setSeverity(Severity.SEVERE);
    copy.getAdverseResponses().clear();

    NoteDraft expected = validDraft();
    assertEquals(
        NoteComparison.readable(expected, key -> key),
        NoteComparison.readable(original, key -> key));
    assertEquals(Side.BOTH, original.getTreatedMuscles().get(0).getSide());
    assertEquals(8, original.getTreatedMuscles().get(0).getMinutes());
    assertEquals(2, original.getTreatedMuscles().size());
    assertEquals(2, original.getPointUses().size());
    assertEquals(TreatmentFixtures.THERAPIST_NAME, original.getPointUses().get(0).getAppliedBy());
    assertEquals(2, original.getTriggerPoints().get(0).getTenderness());
    assertEquals("Recent bruise.", original.getAvoidedAreas().get(0).getReason());
    assertEquals(Severity.MILD, original.getAdverseResponses().get(0).getSeverity());
  }

  @Test
  void changingTheOriginalLeavesTheCopyAlone() {
    NoteDraft original = validDraft();
    NoteDraft copy = original.copy();

    original.getTreatedMuscles().get(1).setTechnique("craniosacral-therapy");
    original.setCurrentPain(9);

    assertEquals("myofascial-release", copy.getTreatedMuscles().get(1).getTechnique());
    assertEquals(6, copy.getCurrentPain());
  }

  @Test
  void aDraftAsTypedComesBackFromItsJsonExactlyIncompleteRowsAndOutOfRangeValuesIncluded() {
    NoteDraft typed = validDraft();
    typed.setRomFlexion(500);
    typed.setClientWords("She said: \"like a band\"\nand then stopped");
    typed.getTreatedMuscles().add(new TreatedMuscle(null, null, null, null, null));
    typed.getAdverseResponses().add(new AdverseResponse("Light-headed", null));

    NoteDraft back = NoteDraft.fromJson(typed.json());

    assertEquals(typed.json(), back.json());
    assertEquals(500, back.getRomFlexion());
    assertEquals(typed.getClientWords(), back.getClientWords());
    assertEquals(typed.getTreatedMuscles().size(), back.getTreatedMuscles().size());
    assertNull(back.getTreatedMuscles().get(back.getTreatedMuscles().size() - 1).getMuscle());
    assertEquals(problems(typed), problems(back));
    // Rows the JSON leaves out come back as empty lists.
    assertTrue(NoteDraft.fromJson("{\"currentPain\":3}").getTreatedMuscles().isEmpty());
  }

  @Test
  void onlyMoreRowsThanANoteHoldsStopsADraftFromBeingKept() {
    NoteDraft draft = validDraft();
    draft.setPainBefore(12);
    assertTrue(draft.tooManyRows().isEmpty());
    for (int i = 0; i <= NoteDraft.MOST_ROWS; i++) {
      draft.getPointUses().add(new PointUse("LI4", Side.LEFT, "T"));
    }
    assertTrue(draft.tooManyRows().get("treatedMuscles").contains("at most 40"));
  }
}
