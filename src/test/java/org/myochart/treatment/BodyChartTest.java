package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;

class BodyChartTest {

  private static final String TRAPEZIUS = "upper-trapezius";
  private static final String TECHNIQUE = "myofascial-release";

  private static List<TreatedMuscle> rows(TreatedMuscle... rows) {
    return new ArrayList<>(List.of(rows));
  }

  private static TreatedMuscle row(String muscle, Side side) {
    return new TreatedMuscle(muscle, side, "trigger-point-therapy", Pressure.FIRM, 12);
  }

  @Test
  void aTapOnTheLeftAddsALeftRow() {
    List<TreatedMuscle> rows = rows();

    BodyChart.toggle(rows, TRAPEZIUS, Side.LEFT, TECHNIQUE);

    assertEquals(1, rows.size());
    TreatedMuscle added = rows.get(0);
    assertEquals(TRAPEZIUS, added.getMuscle());
    assertEquals(Side.LEFT, added.getSide());
    assertEquals(TECHNIQUE, added.getTechnique());
    assertEquals(Pressure.MODERATE, added.getPressure());
    assertEquals(5, added.getMinutes());
  }

  @Test
  void aTapOnTheRightOfALeftRowMakesItBoth() {
    TreatedMuscle left = row(TRAPEZIUS, Side.LEFT);
    List<TreatedMuscle> rows = rows(left);

    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);

    assertEquals(1, rows.size());
    assertSame(left, rows.get(0));
    assertEquals(Side.BOTH, left.getSide());
    assertEquals(
        "trigger-point-therapy", left.getTechnique(), "the row keeps what was written in it");
    assertEquals(Pressure.FIRM, left.getPressure());
    assertEquals(12, left.getMinutes());
  }

  @Test
  void aTapOnTheLeftOfABothRowLeavesTheRight() {
    List<TreatedMuscle> rows = rows(row(TRAPEZIUS, Side.BOTH));

    BodyChart.toggle(rows, TRAPEZIUS, Side.LEFT, TECHNIQUE);

    assertEquals(1, rows.size());
    assertEquals(Side.RIGHT, rows.get(0).getSide());
    assertEquals(Pressure.FIRM, rows.get(0).getPressure());
  }

  @Test
  void aTapOnTheRightOfARightRowRemovesIt() {
    List<TreatedMuscle> rows = rows(row("temporalis", Side.LEFT), row(TRAPEZIUS, Side.RIGHT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);

    assertEquals(1, rows.size());
    assertEquals("temporalis", rows.get(0).getMuscle());
  }

  @Test
  void tappingTheSameSideTwiceUndoesTheTap() {
    List<TreatedMuscle> rows = rows(row(TRAPEZIUS, Side.LEFT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);
    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);

    assertEquals(1, rows.size());
    assertEquals(Side.LEFT, rows.get(0).getSide());
  }

  @Test
  void aTapWithoutALeftOrRightSideDoesNothing() {
    List<TreatedMuscle> rows = rows(row(TRAPEZIUS, Side.LEFT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.BOTH, TECHNIQUE);
    BodyChart.toggle(rows, TRAPEZIUS, Side.MIDLINE, TECHNIQUE);
    BodyChart.toggle(rows, "temporalis", Side.BOTH, TECHNIQUE);
    BodyChart.toggle(rows, "temporalis", null, TECHNIQUE);

    assertEquals(1, rows.size());
    assertEquals(TRAPEZIUS, rows.get(0).getMuscle());
    assertEquals(Side.LEFT, rows.get(0).getSide());
  }

  @Test
  void aTapOnOneMuscleLeavesTheOthersAlone() {
    List<TreatedMuscle> rows = rows(row("temporalis", Side.LEFT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.LEFT, TECHNIQUE);

    assertEquals(2, rows.size());
    assertEquals(Side.LEFT, rows.get(0).getSide());
    assertEquals("temporalis", rows.get(0).getMuscle());
    assertEquals(TRAPEZIUS, rows.get(1).getMuscle());
  }

  @Test
  void aMuscleWorkedOnBothSidesIsWorkedOnEither() {
    List<TreatedMuscle> rows = rows(row(TRAPEZIUS, Side.BOTH));

    assertTrue(BodyChart.worked(rows, TRAPEZIUS, Side.LEFT));
    assertTrue(BodyChart.worked(rows, TRAPEZIUS, Side.RIGHT));
  }

  @Test
  void aMuscleWorkedOnOneSideIsNotWorkedOnTheOther() {
    List<TreatedMuscle> rows = rows(row(TRAPEZIUS, Side.LEFT));

    assertTrue(BodyChart.worked(rows, TRAPEZIUS, Side.LEFT));
    assertFalse(BodyChart.worked(rows, TRAPEZIUS, Side.RIGHT));
    assertFalse(BodyChart.worked(rows, "temporalis", Side.LEFT));
    assertFalse(BodyChart.worked(rows(), TRAPEZIUS, Side.LEFT));
  }

  @Test
  void theChartShowsWhatTheTapsDid() {
    List<TreatedMuscle> rows = rows();

    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);
    assertTrue(BodyChart.worked(rows, TRAPEZIUS, Side.RIGHT));
    assertFalse(BodyChart.worked(rows, TRAPEZIUS, Side.LEFT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.LEFT, TECHNIQUE);
    assertEquals(Side.BOTH, rows.get(0).getSide());

    BodyChart.toggle(rows, TRAPEZIUS, Side.RIGHT, TECHNIQUE);
    assertTrue(BodyChart.worked(rows, TRAPEZIUS, Side.LEFT));
    assertFalse(BodyChart.worked(rows, TRAPEZIUS, Side.RIGHT));

    BodyChart.toggle(rows, TRAPEZIUS, Side.LEFT, TECHNIQUE);
    assertTrue(rows.isEmpty());
  }

  private static List<PointUse> points(PointUse... rows) {
    return new ArrayList<>(List.of(rows));
  }

  @Test
  void aTapOnAPointOnTheLeftAddsALeftPointRowByTheTherapist() {
    List<PointUse> rows = points();

    BodyChart.Tap tap = BodyChart.togglePoint(rows, "LI4", true, Side.LEFT, "Tomás Reyes, LMT");

    assertEquals(1, rows.size());
    assertEquals("LI4", rows.get(0).getPoint());
    assertEquals(Side.LEFT, rows.get(0).getSide());
    assertEquals("Tomás Reyes, LMT", rows.get(0).getAppliedBy());
    assertEquals(BodyChart.Change.ADDED, tap.change());
    assertEquals("LI4 Hegu — client's left: added", tap.said("LI4 Hegu"));
  }

  @Test
  void pointsMergeIntoBothAndSplitAgainLikeMuscles() {
    PointUse right = new PointUse("PC6", Side.RIGHT, "Someone else");
    List<PointUse> rows = points(new PointUse("GB20", Side.LEFT, "A"), right);

    BodyChart.Tap joined = BodyChart.togglePoint(rows, "PC6", true, Side.LEFT, "B");
    assertEquals(2, rows.size());
    assertEquals(Side.BOTH, right.getSide());
    assertEquals("Someone else", right.getAppliedBy(), "the row keeps who applied it");
    assertEquals("PC6 Neiguan — client's left: added; now both sides", joined.said("PC6 Neiguan"));
    assertTrue(BodyChart.pointWorked(rows, "PC6", Side.LEFT));
    assertTrue(BodyChart.pointWorked(rows, "PC6", Side.RIGHT));

    BodyChart.Tap split = BodyChart.togglePoint(rows, "PC6", true, Side.RIGHT, "B");
    assertEquals(Side.LEFT, right.getSide());
    assertEquals("PC6 — client's right: removed; client's left stays", split.said("PC6"));
    assertFalse(BodyChart.pointWorked(rows, "PC6", Side.RIGHT));

    BodyChart.Tap removed = BodyChart.togglePoint(rows, "PC6", true, Side.LEFT, "B");
    assertEquals(BodyChart.Change.REMOVED, removed.change());
    assertEquals(1, rows.size());
    assertEquals("GB20", rows.get(0).getPoint(), "other points stay");
  }

  @Test
  void aMidlinePointIsAddedAndRemovedWithoutASide() {
    List<PointUse> rows = points();

    BodyChart.Tap added = BodyChart.togglePoint(rows, "GV16", false, Side.MIDLINE, "A");
    assertEquals(Side.MIDLINE, rows.get(0).getSide());
    assertEquals("GV16 Fengfu — midline: added", added.said("GV16 Fengfu"));
    assertTrue(BodyChart.pointWorked(rows, "GV16", Side.MIDLINE));

    BodyChart.Tap removed = BodyChart.togglePoint(rows, "GV16", false, Side.MIDLINE, "A");
    assertTrue(rows.isEmpty());
    assertEquals(BodyChart.Change.REMOVED, removed.change());
    assertFalse(BodyChart.pointWorked(rows, "GV16", Side.MIDLINE));
  }

  @Test
  void aSideThePointDoesNotHaveChangesNothing() {
    List<PointUse> rows = points(new PointUse("GB20", Side.LEFT, "A"));

    BodyChart.Tap midlineOnPaired = BodyChart.togglePoint(rows, "GB20", true, Side.MIDLINE, "A");
    BodyChart.Tap leftOnMidline = BodyChart.togglePoint(rows, "GV16", false, Side.LEFT, "A");
    BodyChart.Tap both = BodyChart.togglePoint(rows, "GB20", true, Side.BOTH, "A");

    assertEquals(1, rows.size());
    assertEquals(Side.LEFT, rows.get(0).getSide());
    assertEquals(BodyChart.Change.NONE, midlineOnPaired.change());
    assertEquals(BodyChart.Change.NONE, leftOnMidline.change());
    assertEquals(BodyChart.Change.NONE, both.change());
    assertEquals(
        "GV16 Fengfu: nothing changed (that side does not apply)",
        leftOnMidline.said("GV16 Fengfu"));
  }

  @Test
  void aTapOnAFootAddsAReflexologyRowWhateverTheLastTechnique() {
    List<TreatedMuscle> rows = rows();

    BodyChart.Tap tap = BodyChart.toggle(rows, "foot-reflex-areas", Side.RIGHT, TECHNIQUE);
    BodyChart.toggle(rows, "hand-reflex-areas", Side.LEFT, TECHNIQUE);

    assertEquals("reflexology", rows.get(0).getTechnique());
    assertEquals("reflexology", rows.get(1).getTechnique());
    assertEquals(Side.RIGHT, rows.get(0).getSide());
    assertEquals("Foot reflex areas — client's right: added", tap.said("Foot reflex areas"));
  }

  @Test
  void theOtherFootJoinsTheReflexologyRowWhateverItsTechniqueBecame() {
    TreatedMuscle left =
        new TreatedMuscle("foot-reflex-areas", Side.LEFT, "swedish-relaxation", Pressure.LIGHT, 10);
    List<TreatedMuscle> rows = rows(left);

    BodyChart.toggle(rows, "foot-reflex-areas", Side.RIGHT, TECHNIQUE);

    assertEquals(1, rows.size());
    assertEquals(Side.BOTH, left.getSide());
    assertEquals("swedish-relaxation", left.getTechnique(), "what the therapist chose stays");
  }

  @Test
  void aMuscleTapSaysWhatItDid() {
    List<TreatedMuscle> rows = rows();

    assertEquals(
        "Suboccipitals (group) — client's left: added",
        BodyChart.toggle(rows, "suboccipitals", Side.LEFT, TECHNIQUE)
            .said("Suboccipitals (group)"));
    assertEquals(
        BodyChart.Change.JOINED,
        BodyChart.toggle(rows, "suboccipitals", Side.RIGHT, TECHNIQUE).change());
    assertEquals(
        BodyChart.Change.SPLIT,
        BodyChart.toggle(rows, "suboccipitals", Side.LEFT, TECHNIQUE).change());
    assertEquals(
        BodyChart.Change.NONE,
        BodyChart.toggle(rows, "suboccipitals", Side.MIDLINE, TECHNIQUE).change());
  }
}
