package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.myochart.anatomy.Side;

/** A pressure point worked on a side, and who applied it (acupressure needs its own training). */
@Embeddable
public class PointUse implements Serializable {

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

  PointUse copy() {
    return new PointUse(point, side, appliedBy);
  }

  public String getPoint() { return point; }
  public void setPoint(String point) { this.point = point; }
  public Side getSide() { return side; }
  public void setSide(Side side) { this.side = side; }
  public String getAppliedBy() { return appliedBy; }
  public void setAppliedBy(String appliedBy) { this.appliedBy = appliedBy; }
}
