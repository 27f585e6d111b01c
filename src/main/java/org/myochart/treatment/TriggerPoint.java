package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.function.Function;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;

/**
 * A palpation finding: a trigger point in a muscle on a side, how tender (0–3) and where it refers.
 */
@Embeddable
public class TriggerPoint implements NoteRow, Serializable {

  @Column(name = "muscle", nullable = false)
  private String muscle;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Side side;

  @Column(nullable = false)
  private Integer tenderness;

  @Column(name = "refers_to")
  private String refersTo;

  public TriggerPoint() {}

  public TriggerPoint(String muscle, Side side, Integer tenderness, String refersTo) {
    this.muscle = muscle;
    this.side = side;
    this.tenderness = tenderness;
    this.refersTo = refersTo;
  }

  @Override
  public TriggerPoint copy() {
    return new TriggerPoint(muscle, side, tenderness, refersTo);
  }

  @Override
  public JsonObject canonical(int form) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("muscle", muscle)
            .add("side", side.name())
            .add("tenderness", tenderness);
    if (form == 1) {
      // Version 1 wrote a missing referral as the word "null"; notes signed so keep it.
      return json.add("refersTo", String.valueOf(refersTo)).build();
    }
    return (refersTo == null ? json.addNull("refersTo") : json.add("refersTo", refersTo)).build();
  }

  @Override
  public String readable(Function<String, String> names) {
    return names.apply(CatalogueKind.MUSCLE + ":" + muscle)
        + " "
        + NoteRow.side(side)
        + ", tenderness "
        + tenderness
        + "/3"
        + (refersTo == null ? "" : ", refers to " + refersTo);
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

  public Integer getTenderness() {
    return tenderness;
  }

  public void setTenderness(Integer tenderness) {
    this.tenderness = tenderness;
  }

  public String getRefersTo() {
    return refersTo;
  }

  public void setRefersTo(String refersTo) {
    this.refersTo = refersTo;
  }
}
