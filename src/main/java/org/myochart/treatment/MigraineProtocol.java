package org.myochart.treatment;

import java.util.Set;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.Side;

/**
 * The clinic's usual migraine session as a starting point: the muscles whose trigger points refer
 * into the head, GB20 and GV16, and home care. It adapts to the intake's cautions; the therapist
 * then changes the rows to what was actually done.
 */
public final class MigraineProtocol {

  private MigraineProtocol() {}

  public static void applyTo(
      NoteDraft draft, String therapistName, Set<CautionCondition> conditions) {
    boolean gentle = conditions.contains(CautionCondition.BLOOD_THINNER);
    boolean neckRestricted = conditions.contains(CautionCondition.CERVICAL_SPONDYLOSIS);
    addMuscle(
        draft,
        "upper-trapezius",
        "trigger-point-therapy",
        gentle ? Pressure.LIGHT : Pressure.MODERATE,
        8);
    addMuscle(
        draft,
        "levator-scapulae",
        "myofascial-release",
        gentle ? Pressure.LIGHT : Pressure.MODERATE,
        5);
    addMuscle(
        draft,
        "sternocleidomastoid",
        neckRestricted ? "craniosacral-therapy" : "trigger-point-therapy",
        Pressure.LIGHT,
        4);
    addMuscle(
        draft,
        "suboccipitals",
        neckRestricted ? "craniosacral-therapy" : "myofascial-release",
        Pressure.LIGHT,
        6);
    addMuscle(draft, "temporalis", "swedish-relaxation", Pressure.LIGHT, 3);
    addPoint(draft, "GB20", Side.BOTH, therapistName);
    addPoint(draft, "GV16", Side.MIDLINE, therapistName);
    if (neckRestricted) {
      addAvoided(
          draft, "End-range neck stretches and rotations", "Cervical spondylosis in the intake.");
    }
    if (conditions.contains(CautionCondition.PREGNANCY)) {
      addAvoided(draft, "LI4 and GB21", "Pregnancy in the intake.");
    }
    if (draft.getHomeCare() == null) {
      draft.setHomeCare(
          "Self-massage of the upper trapezius and the base of the skull, 5 minutes twice a day; "
              + "gentle chin tucks; regular sleep and meal times.");
    }
  }

  private static void addMuscle(
      NoteDraft draft, String muscle, String technique, Pressure pressure, int minutes) {
    if (draft.getTreatedMuscles().stream().noneMatch(row -> muscle.equals(row.getMuscle()))) {
      draft
          .getTreatedMuscles()
          .add(new TreatedMuscle(muscle, Side.BOTH, technique, pressure, minutes));
    }
  }

  private static void addPoint(NoteDraft draft, String point, Side side, String appliedBy) {
    if (draft.getPointUses().stream().noneMatch(row -> point.equals(row.getPoint()))) {
      draft.getPointUses().add(new PointUse(point, side, appliedBy));
    }
  }

  private static void addAvoided(NoteDraft draft, String area, String reason) {
    if (draft.getAvoidedAreas().stream().noneMatch(row -> area.equals(row.getArea()))) {
      draft.getAvoidedAreas().add(new AvoidedArea(area, reason));
    }
  }
}
