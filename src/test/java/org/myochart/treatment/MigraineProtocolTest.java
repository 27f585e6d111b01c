package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.Side;

class MigraineProtocolTest {

  private static final String NAME = "Ingrid Halvorsen, LMT";
  private static final List<String> MUSCLES =
      List.of(
          "upper-trapezius",
          "levator-scapulae",
          "sternocleidomastoid",
          "suboccipitals",
          "temporalis");

  private static NoteDraft applied(CautionCondition... conditions) {
    NoteDraft draft = new NoteDraft();
    MigraineProtocol.applyTo(
        draft, NAME, conditions.length == 0 ? Set.of() : EnumSet.of(conditions[0], conditions));
    return draft;
  }

  private static Map<String, TreatedMuscle> byMuscle(NoteDraft draft) {
    return draft.getTreatedMuscles().stream()
        .collect(Collectors.toMap(TreatedMuscle::getMuscle, Function.identity()));
  }

  @Test
  void addsTheFiveMusclesOnBothSides() {
    NoteDraft draft = applied();

    assertEquals(
        MUSCLES, draft.getTreatedMuscles().stream().map(TreatedMuscle::getMuscle).toList());
    draft
        .getTreatedMuscles()
        .forEach(row -> assertEquals(Side.BOTH, row.getSide(), row.getMuscle()));
    assertEquals("trigger-point-therapy", byMuscle(draft).get("upper-trapezius").getTechnique());
    assertEquals(Pressure.MODERATE, byMuscle(draft).get("upper-trapezius").getPressure());
    assertEquals("myofascial-release", byMuscle(draft).get("suboccipitals").getTechnique());
  }

  @Test
  void addsGb20OnBothSidesAndGv16OnTheMidlineAppliedByTheTherapist() {
    List<PointUse> points = applied().getPointUses();

    assertEquals(2, points.size());
    assertEquals("GB20", points.get(0).getPoint());
    assertEquals(Side.BOTH, points.get(0).getSide());
    assertEquals(NAME, points.get(0).getAppliedBy());
    assertEquals("GV16", points.get(1).getPoint());
    assertEquals(Side.MIDLINE, points.get(1).getSide());
    assertEquals(NAME, points.get(1).getAppliedBy());
  }

  @Test
  void theProtocolGivesAValidNoteForEveryCombinationOfCautions() {
    for (Set<CautionCondition> conditions :
        List.of(
            Set.<CautionCondition>of(),
            EnumSet.allOf(CautionCondition.class),
            Set.of(CautionCondition.PREGNANCY),
            Set.of(CautionCondition.CERVICAL_SPONDYLOSIS))) {
      NoteDraft draft = new NoteDraft();
      MigraineProtocol.applyTo(draft, NAME, conditions);
      assertEquals(Map.of(), TreatmentFixtures.problems(draft), conditions.toString());
    }
  }

  @Test
  void withoutCautionsNothingIsAvoided() {
    assertTrue(applied().getAvoidedAreas().isEmpty());
  }

  @Test
  void doesNotDuplicateAMuscleAlreadyInTheNote() {
    NoteDraft draft = new NoteDraft();
    draft
        .getTreatedMuscles()
        .add(
            new TreatedMuscle(
                "upper-trapezius", Side.LEFT, "swedish-relaxation", Pressure.FIRM, 20));

    MigraineProtocol.applyTo(draft, NAME, Set.of());

    assertEquals(5, draft.getTreatedMuscles().size());
    TreatedMuscle kept = byMuscle(draft).get("upper-trapezius");
    assertEquals(Side.LEFT, kept.getSide());
    assertEquals("swedish-relaxation", kept.getTechnique());
    assertEquals(Pressure.FIRM, kept.getPressure());
    assertEquals(20, kept.getMinutes());
  }

  @Test
  void applyingTwiceAddsNothingMore() {
    NoteDraft draft = applied(CautionCondition.PREGNANCY, CautionCondition.CERVICAL_SPONDYLOSIS);

    MigraineProtocol.applyTo(
        draft, NAME, EnumSet.of(CautionCondition.PREGNANCY, CautionCondition.CERVICAL_SPONDYLOSIS));

    assertEquals(5, draft.getTreatedMuscles().size());
    assertEquals(2, draft.getPointUses().size());
    assertEquals(2, draft.getAvoidedAreas().size());
  }

  @Test
  void aPointAlreadyInTheNoteKeepsWhoAppliedIt() {
    NoteDraft draft = new NoteDraft();
    draft.getPointUses().add(new PointUse("GB20", Side.LEFT, "Tor Hansen"));

    MigraineProtocol.applyTo(draft, NAME, Set.of());

    assertEquals(2, draft.getPointUses().size());
    assertEquals("Tor Hansen", draft.getPointUses().get(0).getAppliedBy());
    assertEquals(Side.LEFT, draft.getPointUses().get(0).getSide());
  }

  @Test
  void aBloodThinnerMeansLightPressureEverywhere() {
    NoteDraft draft = applied(CautionCondition.BLOOD_THINNER);

    assertEquals(5, draft.getTreatedMuscles().size());
    draft
        .getTreatedMuscles()
        .forEach(row -> assertEquals(Pressure.LIGHT, row.getPressure(), row.getMuscle()));
  }

  @Test
  void cervicalSpondylosisMeansCraniosacralWorkOnTheNeckAndAnAvoidedArea() {
    NoteDraft draft = applied(CautionCondition.CERVICAL_SPONDYLOSIS);

    assertEquals("craniosacral-therapy", byMuscle(draft).get("sternocleidomastoid").getTechnique());
    assertEquals("craniosacral-therapy", byMuscle(draft).get("suboccipitals").getTechnique());
    assertEquals("trigger-point-therapy", byMuscle(draft).get("upper-trapezius").getTechnique());
    assertEquals(1, draft.getAvoidedAreas().size());
    assertEquals(
        "End-range neck stretches and rotations", draft.getAvoidedAreas().get(0).getArea());
    assertEquals("Cervical spondylosis in the intake.", draft.getAvoidedAreas().get(0).getReason());
  }

  @Test
  void withoutSpondylosisTheNeckIsWorkedNormally() {
    NoteDraft draft = applied(CautionCondition.BLOOD_THINNER);

    assertEquals(
        "trigger-point-therapy", byMuscle(draft).get("sternocleidomastoid").getTechnique());
    assertEquals("myofascial-release", byMuscle(draft).get("suboccipitals").getTechnique());
  }

  @Test
  void pregnancyAvoidsLi4AndGb21() {
    NoteDraft draft = applied(CautionCondition.PREGNANCY);

    assertEquals(1, draft.getAvoidedAreas().size());
    assertEquals("LI4 and GB21", draft.getAvoidedAreas().get(0).getArea());
    assertEquals("Pregnancy in the intake.", draft.getAvoidedAreas().get(0).getReason());
    assertTrue(
        draft.getPointUses().stream()
            .noneMatch(p -> p.getPoint().equals("LI4") || p.getPoint().equals("GB21")));
  }

  @Test
  void addsHomeCareWhenThereIsNone() {
    assertTrue(applied().getHomeCare().startsWith("Self-massage of the upper trapezius"));
  }

  @Test
  void keepsHomeCareAlreadyWritten() {
    NoteDraft draft = new NoteDraft();
    draft.setHomeCare("Heat pack on the neck each evening.");

    MigraineProtocol.applyTo(draft, NAME, Set.of());

    assertEquals("Heat pack on the neck each evening.", draft.getHomeCare());
  }
}
