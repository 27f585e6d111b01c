package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.function.Function;

/** Something that went badly during or after treatment, such as soreness or a headache. */
@Embeddable
public class AdverseResponse implements NoteRow, Serializable {

  @Column(nullable = false)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Severity severity;

  public AdverseResponse() {}

  public AdverseResponse(String description, Severity severity) {
    this.description = description;
    this.severity = severity;
  }

  @Override
  public AdverseResponse copy() {
    return new AdverseResponse(description, severity);
  }

  @Override
  public JsonObject canonical(int form) {
    return JSON.createObjectBuilder()
        .add("description", description)
        .add("severity", severity.name())
        .build();
  }

  @Override
  public String readable(Function<String, String> names) {
    return description + " (" + (severity == null ? "?" : severity.label().toLowerCase()) + ")";
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }
}
