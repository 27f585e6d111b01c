package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** An area left out of the treatment, and why. */
@Embeddable
public class AvoidedArea implements Serializable {

  @Column(nullable = false)
  private String area;

  @Column(nullable = false)
  private String reason;

  public AvoidedArea() {}

  public AvoidedArea(String area, String reason) {
    this.area = area;
    this.reason = reason;
  }

  AvoidedArea copy() {
    return new AvoidedArea(area, reason);
  }

  public String getArea() { return area; }
  public void setArea(String area) { this.area = area; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
