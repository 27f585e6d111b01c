package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;

/** Something that went badly during or after treatment, such as soreness or a headache. */
@Embeddable
public class AdverseResponse implements Serializable {

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

  AdverseResponse copy() {
    return new AdverseResponse(description, severity);
  }

  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public Severity getSeverity() { return severity; }
  public void setSeverity(Severity severity) { this.severity = severity; }
}
