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
}
