package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.function.Function;

/** An area left out of the treatment, and why. */
@Embeddable
public class AvoidedArea implements NoteRow, Serializable {

  @Column(nullable = false)
  private String area;

  @Column(nullable = false)
  private String reason;

  public AvoidedArea() {}

  public AvoidedArea(String area, String reason) {
    this.area = area;
    this.reason = reason;
  }

  @Override
  public AvoidedArea copy() {
    return new AvoidedArea(area, reason);
  }

  @Override
  public JsonObject canonical(int form) {
    return JSON.createObjectBuilder().add("area", area).add("reason", reason).build();
  }

  @Override
  public String readable(Function<String, String> names) {
    return area + ": " + reason;
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
