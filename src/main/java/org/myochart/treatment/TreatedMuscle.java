package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.myochart.anatomy.Side;

/** One row of the treatment: a muscle on a side, worked with a technique at a pressure for some minutes. */
@Embeddable
public class TreatedMuscle implements Serializable {

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

  public TreatedMuscle(String muscle, Side side, String technique, Pressure pressure, Integer minutes) {
    this.muscle = muscle;
    this.side = side;
    this.technique = technique;
    this.pressure = pressure;
    this.minutes = minutes;
  }

  TreatedMuscle copy() {
    return new TreatedMuscle(muscle, side, technique, pressure, minutes);
  }

  public String getMuscle() { return muscle; }
  public void setMuscle(String muscle) { this.muscle = muscle; }
  public Side getSide() { return side; }
  public void setSide(Side side) { this.side = side; }
  public String getTechnique() { return technique; }
  public void setTechnique(String technique) { this.technique = technique; }
  public Pressure getPressure() { return pressure; }
  public void setPressure(Pressure pressure) { this.pressure = pressure; }
  public Integer getMinutes() { return minutes; }
  public void setMinutes(Integer minutes) { this.minutes = minutes; }
}
