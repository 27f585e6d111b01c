package org.myochart.treatment;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.myochart.anatomy.Side;

/**
 * The rule behind the body chart: tapping a muscle or a pressure point on one side adds that side
 * to the treatment rows or takes it away, merging left and right into "both" and splitting them
 * again. A point on the midline has no side: a tap adds it or takes it away. A tap on a hand or a
 * foot adds a row for its reflex areas worked with reflexology.
 */
public final class BodyChart {

  /** The technique a row for a hand or a foot starts with. */
  public static final String REFLEXOLOGY = "reflexology";

  /** The places on the chart that are reflex areas rather than muscles (migration V29). */
  public static final Set<String> REFLEX_AREAS = Set.of("hand-reflex-areas", "foot-reflex-areas");

  /** What a tap did to the rows. */
  public enum Change {
    /** A new row for this side. */
    ADDED,
    /** The other side's row now covers both sides. */
    JOINED,
    /** The row for this side is gone. */
    REMOVED,
    /** The row for both sides now covers only the other side. */
    SPLIT,
    /** Nothing: the tap named a side the structure does not have. */
    NONE
  }

  /** One tap's outcome, in words for the readout beside the chart. */
  public record Tap(Side side, Change change) {

    /** For example "Suboccipitals (group) — client's left: added; now both sides". */
    public String said(String name) {
      String where = name + " — " + words(side);
      return switch (change) {
        case ADDED -> where + ": added";
        case JOINED -> where + ": added; now both sides";
        case REMOVED -> where + ": removed";
        case SPLIT -> where + ": removed; " + words(other(side)) + " stays";
        case NONE -> name + ": nothing changed (that side does not apply)";
      };
    }
  }

  private BodyChart() {}

  /** "client's left", "client's right" or "midline": the chart always speaks of the client. */
  public static String words(Side side) {
    return switch (side) {
      case LEFT -> "client's left";
      case RIGHT -> "client's right";
      case BOTH -> "both sides";
      case MIDLINE -> "midline";
    };
  }

  /** Whether the rows work this muscle on this side. */
  public static boolean worked(List<TreatedMuscle> rows, String muscle, Side side) {
    return worked(rows, TreatedMuscle::getMuscle, TreatedMuscle::getSide, muscle, side);
  }

  /** Whether the rows use this point on this side; a midline point is used by any row for it. */
  public static boolean pointWorked(List<PointUse> rows, String point, Side side) {
    return worked(rows, PointUse::getPoint, PointUse::getSide, point, side);
  }

  /** The technique a new row for this place starts with: reflexology on a hand or a foot. */
  public static String techniqueFor(String muscle, String usualTechnique) {
    return REFLEX_AREAS.contains(muscle) ? REFLEXOLOGY : usualTechnique;
  }

  /**
   * Applies one tap on {@code muscle} at {@code side} (left or right) to the rows; a new row gets
   * {@code technique}, or reflexology for a hand or a foot.
   */
  public static Tap toggle(List<TreatedMuscle> rows, String muscle, Side side, String technique) {
    return toggle(
        rows,
        TreatedMuscle::getMuscle,
        TreatedMuscle::getSide,
        muscle,
        true,
        side,
        (row, newSide) -> row.setSide(newSide),
        () ->
            new TreatedMuscle(muscle, side, techniqueFor(muscle, technique), Pressure.MODERATE, 5));
  }

  /**
   * Applies one tap on {@code point} to the rows: on a paired point as on a muscle, on a midline
   * point ({@code lateral} false, side {@link Side#MIDLINE}) adding or removing its row.
   */
  public static Tap togglePoint(
      List<PointUse> rows, String point, boolean lateral, Side side, String appliedBy) {
    return toggle(
        rows,
        PointUse::getPoint,
        PointUse::getSide,
        point,
        lateral,
        side,
        (row, newSide) -> row.setSide(newSide),
        () -> new PointUse(point, side, appliedBy));
  }

  private static <R> boolean worked(
      List<R> rows, Function<R, String> code, Function<R, Side> sideOf, String place, Side side) {
    return rows.stream()
        .anyMatch(
            row ->
                place.equals(code.apply(row))
                    && (side == Side.MIDLINE
                        || sideOf.apply(row) == side
                        || sideOf.apply(row) == Side.BOTH));
  }

  private static <R> Tap toggle(
      List<R> rows,
      Function<R, String> code,
      Function<R, Side> sideOf,
      String place,
      boolean lateral,
      Side side,
      java.util.function.BiConsumer<R, Side> setSide,
      Supplier<R> newRow) {
    boolean fits = lateral ? side == Side.LEFT || side == Side.RIGHT : side == Side.MIDLINE;
    if (!fits) {
      return new Tap(side == null ? Side.MIDLINE : side, Change.NONE);
    }
    for (R row : rows) {
      if (!place.equals(code.apply(row))) {
        continue;
      }
      Side rowSide = sideOf.apply(row);
      if (!lateral || rowSide == side) {
        rows.remove(row);
        return new Tap(side, Change.REMOVED);
      }
      if (rowSide == Side.BOTH) {
        setSide.accept(row, other(side));
        return new Tap(side, Change.SPLIT);
      }
      if (rowSide == other(side)) {
        setSide.accept(row, Side.BOTH);
        return new Tap(side, Change.JOINED);
      }
    }
    rows.add(newRow.get());
    return new Tap(side, Change.ADDED);
  }

  private static Side other(Side side) {
    return side == Side.LEFT ? Side.RIGHT : Side.LEFT;
  }
}
