package org.myochart.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * A consent form the clinic uses. Its wording lives in immutable {@link ConsentFormVersion}s; this
 * row only says which kind it is, whether treatment needs it, and whether it is in use.
 */
@Entity
@Table(name = "consent_form")
public class ConsentForm implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_form_seq")
  @SequenceGenerator(
      name = "consent_form_seq",
      sequenceName = "consent_form_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private FormKind kind;

  @Column(name = "required_for_treatment", nullable = false)
  private boolean requiredForTreatment;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "latest_version_number", nullable = false)
  private int latestVersionNumber;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected ConsentForm() {}

  ConsentForm(String code, FormKind kind, boolean requiredForTreatment, Instant createdAt) {
    this.code = code;
    this.kind = kind;
    this.requiredForTreatment = requiredForTreatment && kind == FormKind.TREATMENT;
    this.active = true;
    this.createdAt = createdAt;
  }

  /** Takes the next version number; the caller publishes the version with it. */
  int nextVersionNumber() {
    return ++latestVersionNumber;
  }

  void setRequiredForTreatment(boolean required) {
    this.requiredForTreatment = required && kind == FormKind.TREATMENT;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public FormKind getKind() {
    return kind;
  }

  public boolean isRequiredForTreatment() {
    return requiredForTreatment;
  }

  public boolean isActive() {
    return active;
  }

  public int getLatestVersionNumber() {
    return latestVersionNumber;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
