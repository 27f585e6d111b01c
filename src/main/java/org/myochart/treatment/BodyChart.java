package org.myochart.treatment;

import java.util.List;
import org.myochart.anatomy.Side;

/**
 * The rule behind the body chart: tapping a muscle on one side adds that side to the treatment rows
 * or takes it away, merging left and right into "both" and splitting them again.
 */
public final class BodyChart {

  private BodyChart() {}

  /** Whether the rows work this muscle on this side. */
  public static boolean worked(List<TreatedMuscle> rows, String muscle, Side side) {
    return rows.stream()
        .anyMatch(
            row ->
                muscle.equals(row.getMuscle())
                    && (row.getSide() == side || row.getSide() == Side.BOTH));
  }

  /** Applies one tap on {@code muscle} at {@code side} (left or right) to the rows. */
  public static void toggle(List<TreatedMuscle> rows, String muscle, Side side, String technique) {
    if (side != Side.LEFT && side != Side.RIGHT) {
      return;
    }
    Side other = side == Side.LEFT ? Side.RIGHT : Side.LEFT;
    for (TreatedMuscle row : rows) {
      if (!muscle.equals(row.getMuscle())) {
        continue;
      }
      if (row.getSide() == side) {
        rows.remove(row);
        return;
      }
      if (row.getSide() == Side.BOTH) {
        row.setSide(other);
        return;
      }
      if (row.getSide() == other) {
        row.setSide(Side.BOTH);
        return;
      }
    }
    rows.add(new TreatedMuscle(muscle, side, technique, Pressure.MODERATE, 5));
  }
}
