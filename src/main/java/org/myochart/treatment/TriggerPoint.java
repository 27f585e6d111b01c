package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.myochart.anatomy.Side;

/** A palpation finding: a trigger point in a muscle on a side, how tender (0–3) and where it refers. */
@Embeddable
public class TriggerPoint implements Serializable {

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

  TriggerPoint copy() {
    return new TriggerPoint(muscle, side, tenderness, refersTo);
  }

  public String getMuscle() { return muscle; }
  public void setMuscle(String muscle) { this.muscle = muscle; }
  public Side getSide() { return side; }
  public void setSide(Side side) { this.side = side; }
  public Integer getTenderness() { return tenderness; }
  public void setTenderness(Integer tenderness) { this.tenderness = tenderness; }
  public String getRefersTo() { return refersTo; }
  public void setRefersTo(String refersTo) { this.refersTo = refersTo; }
}
