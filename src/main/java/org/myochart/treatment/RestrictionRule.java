package org.myochart.treatment;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;

/**
 * What a restriction rules out, and the rule for a note's rows: a row it concerns lies where it
 * speaks of (its region, or its one muscle or point; anywhere when neither) on its side, with its
 * technique when it names one; the row breaks it when worked firmer than its pressure limit, or at
 * all when it sets no limit.
 *
 * @param structure one muscle or point as "MUSCLE:scalenes" or "POINT:LI4"
 * @param endsOn its last day, or null until further notice
 */
public record RestrictionRule(
    BodyRegion region,
    String structure,
    Side side,
    String technique,
    Pressure maxPressure,
    LocalDate endsOn)
    implements Serializable {

  /** Whether a treated muscle row is one this restriction speaks of. */
  public boolean concerns(TreatedMuscle row, Map<String, CatalogueEntry> catalogue) {
    return row.getMuscle() != null
        && at(CatalogueKind.MUSCLE, row.getMuscle(), row.getSide(), catalogue)
        && (technique == null || technique.equals(row.getTechnique()));
  }

  /** Whether a pressure point row is one it speaks of: a technique restriction does not. */
  public boolean concerns(PointUse row, Map<String, CatalogueEntry> catalogue) {
    return row.getPoint() != null
        && technique == null
        && at(CatalogueKind.POINT, row.getPoint(), row.getSide(), catalogue);
  }

  public boolean brokenBy(TreatedMuscle row, Map<String, CatalogueEntry> catalogue) {
    return concerns(row, catalogue)
        && (maxPressure == null
            || (row.getPressure() != null && row.getPressure().compareTo(maxPressure) > 0));
  }

  /**
   * Pressure on a point is pressure itself: a point row it concerns breaks it unless the limit
   * allows moderate pressure.
   */
  public boolean brokenBy(PointUse row, Map<String, CatalogueEntry> catalogue) {
    return concerns(row, catalogue) && maxPressure != Pressure.MODERATE;
  }

  /** The rows of the draft that break it, in words ("Scalenes (left) · …"). */
  public List<String> brokenRows(NoteDraft draft, Map<String, CatalogueEntry> catalogue) {
    Function<String, String> names = names(catalogue);
    List<String> rows = new ArrayList<>();
    for (TreatedMuscle row : draft.getTreatedMuscles()) {
      if (brokenBy(row, catalogue)) {
        rows.add(row.readable(names));
      }
    }
    for (PointUse row : draft.getPointUses()) {
      if (brokenBy(row, catalogue)) {
        rows.add(row.readable(names));
      }
    }
    return rows;
  }

  /** In a sentence: "Neck (cervical): no pressure firmer than moderate, until 2027-01-04." */
  public String describe(Function<String, String> names) {
    StringBuilder text = new StringBuilder();
    if (structure != null) {
      text.append(names.apply(structure));
    } else if (region != null) {
      text.append(region.label());
    } else {
      text.append("Anywhere");
    }
    if (side == Side.LEFT || side == Side.RIGHT) {
      text.append(", ").append(side.label().toLowerCase(Locale.ROOT)).append(" side");
    }
    text.append(": ");
    String named =
        technique == null ? null : names.apply(CatalogueKind.TECHNIQUE + ":" + technique);
    if (maxPressure == null) {
      text.append(named == null ? "no treatment" : "no " + named);
    } else {
      text.append(named == null ? "no pressure" : named + " with no pressure")
          .append(" firmer than ")
          .append(maxPressure.label().toLowerCase(Locale.ROOT));
    }
    text.append(endsOn == null ? ", until further notice" : ", until " + endsOn);
    return text.append('.').toString();
  }

  private boolean at(
      CatalogueKind kind, String code, Side rowSide, Map<String, CatalogueEntry> catalogue) {
    String key = kind + ":" + code;
    boolean place;
    if (structure != null) {
      place = structure.equals(key);
    } else if (region != null) {
      CatalogueEntry entry = catalogue.get(key);
      place = entry != null && entry.regions().contains(region);
    } else {
      place = true;
    }
    return place && onSide(rowSide);
  }

  private boolean onSide(Side rowSide) {
    if (side != Side.LEFT && side != Side.RIGHT) {
      return true;
    }
    // A row on both sides, on the midline or without a side yet reaches the restricted side.
    return rowSide == null || rowSide == side || rowSide == Side.BOTH || rowSide == Side.MIDLINE;
  }

  static Function<String, String> names(Map<String, CatalogueEntry> catalogue) {
    return key -> {
      CatalogueEntry entry = catalogue.get(key);
      return entry == null ? key : entry.getName();
    };
  }
}
