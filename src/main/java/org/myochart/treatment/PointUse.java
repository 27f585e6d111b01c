package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.Side;

/** A pressure point worked on a side, and who applied it (acupressure needs its own training). */
@Embeddable
public class PointUse implements NoteRow, Serializable {

  /**
   * The code of acupressure among the techniques a treatment consent lets the client accept or
   * decline.
   */
  public static final String ACUPRESSURE = "acupressure-on-points-of-the-head";

  /**
   * Whether a technique a consent offers is acupressure: the default form's item, or any item an
   * owner wrote that names acupressure, so that a clinic's own wording still raises the caution.
   */
  public static boolean isAcupressure(String code, String text) {
    return ACUPRESSURE.equals(code)
        || (code != null && code.toLowerCase(java.util.Locale.ROOT).contains("acupressure"))
        || (text != null && text.toLowerCase(java.util.Locale.ROOT).contains("acupressure"));
  }

  @Column(name = "point", nullable = false)
  private String point;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Side side;

  @Column(name = "applied_by", nullable = false)
  private String appliedBy;

  public PointUse() {}

  public PointUse(String point, Side side, String appliedBy) {
    this.point = point;
    this.side = side;
    this.appliedBy = appliedBy;
  }

  @Override
  public PointUse copy() {
    return new PointUse(point, side, appliedBy);
  }

  @Override
  public JsonObject canonical(int form) {
    return JSON.createObjectBuilder()
        .add("point", point)
        .add("side", side.name())
        .add("appliedBy", appliedBy)
        .build();
  }

  /**
   * What to mind in this row: the catalogue's caution for the point under the client's conditions,
   * and whether the client declined acupressure in a consent in force.
   */
  public List<String> cautions(
      Map<String, CatalogueEntry> catalogue,
      Set<CautionCondition> conditions,
      boolean acupressureDeclined) {
    List<String> cautions = new ArrayList<>();
    NoteRow.addCaution(cautions, catalogue, CatalogueKind.POINT, point, conditions);
    if (acupressureDeclined) {
      cautions.add("The client declined acupressure in their consent.");
    }
    return cautions;
  }

  @Override
  public String readable(Function<String, String> names) {
    return names.apply(CatalogueKind.POINT + ":" + point)
        + " "
        + NoteRow.side(side)
        + " · applied by "
        + appliedBy;
  }

  public String getPoint() {
    return point;
  }

  public void setPoint(String point) {
    this.point = point;
  }

  public Side getSide() {
    return side;
  }

  public void setSide(Side side) {
    this.side = side;
  }

  public String getAppliedBy() {
    return appliedBy;
  }

  public void setAppliedBy(String appliedBy) {
    this.appliedBy = appliedBy;
  }
}
