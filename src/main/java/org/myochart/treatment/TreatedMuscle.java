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

/**
 * One row of the treatment: a muscle on a side, worked with a technique at a pressure for some
 * minutes.
 */
@Embeddable
public class TreatedMuscle implements NoteRow, Serializable {

  @Column(name = "muscle", nullable = false)
  private String muscle;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Side side;

  @Column(nullable = false)
  private String technique;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Pressure pressure;

  @Column(nullable = false)
  private Integer minutes;

  public TreatedMuscle() {}

  public TreatedMuscle(
      String muscle, Side side, String technique, Pressure pressure, Integer minutes) {
    this.muscle = muscle;
    this.side = side;
    this.technique = technique;
    this.pressure = pressure;
    this.minutes = minutes;
  }

  @Override
  public TreatedMuscle copy() {
    return new TreatedMuscle(muscle, side, technique, pressure, minutes);
  }

  @Override
  public JsonObject canonical(int form) {
    return JSON.createObjectBuilder()
        .add("muscle", muscle)
        .add("side", side.name())
        .add("technique", technique)
        .add("pressure", pressure.name())
        .add("minutes", minutes)
        .build();
  }

  /**
   * What to mind in this row: the catalogue's cautions for the muscle and the technique under the
   * client's conditions, and no firm pressure on a client taking a blood thinner.
   */
  public List<String> cautions(
      Map<String, CatalogueEntry> catalogue, Set<CautionCondition> conditions) {
    List<String> cautions = new ArrayList<>();
    NoteRow.addCaution(cautions, catalogue, CatalogueKind.MUSCLE, muscle, conditions);
    NoteRow.addCaution(cautions, catalogue, CatalogueKind.TECHNIQUE, technique, conditions);
    if (pressure == Pressure.FIRM && conditions.contains(CautionCondition.BLOOD_THINNER)) {
      cautions.add("Blood thinner: avoid firm pressure.");
    }
    return cautions;
  }

  @Override
  public String readable(Function<String, String> names) {
    return names.apply(CatalogueKind.MUSCLE + ":" + muscle)
        + " "
        + NoteRow.side(side)
        + " · "
        + names.apply(CatalogueKind.TECHNIQUE + ":" + technique)
        + " · "
        + (pressure == null ? "?" : pressure.label().toLowerCase())
        + " · "
        + minutes
        + " min";
  }

  public String getMuscle() {
    return muscle;
  }

  public void setMuscle(String muscle) {
    this.muscle = muscle;
  }

  public Side getSide() {
    return side;
  }

  public void setSide(Side side) {
    this.side = side;
  }

  public String getTechnique() {
    return technique;
  }

  public void setTechnique(String technique) {
    this.technique = technique;
  }

  public Pressure getPressure() {
    return pressure;
  }

  public void setPressure(Pressure pressure) {
    this.pressure = pressure;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }
}
