package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A restriction a signed note broke on purpose, with the reason its therapist gave when signing.
 * Written in the signing transaction, printed in the sealed note, never changed.
 */
@Entity
@Table(name = "restriction_override")
public class RestrictionOverride implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "restriction_override_seq")
  @SequenceGenerator(
      name = "restriction_override_seq",
      sequenceName = "restriction_override_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "note_id", updatable = false)
  private SoapNote note;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "restriction_id", updatable = false)
  private Restriction restriction;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "overridden_by", nullable = false, updatable = false)
  private String overriddenBy;

  @Column(name = "overridden_at", nullable = false, updatable = false)
  private Instant overriddenAt;

  protected RestrictionOverride() {}

  RestrictionOverride(
      SoapNote note, Restriction restriction, String reason, String by, Instant at) {
    this.note = note;
    this.restriction = restriction;
    this.reason = reason;
    this.overriddenBy = by;
    this.overriddenAt = at;
  }

  public Long getId() {
    return id;
  }

  public SoapNote getNote() {
    return note;
  }

  public Restriction getRestriction() {
    return restriction;
  }

  public String getReason() {
    return reason;
  }

  public String getOverriddenBy() {
    return overriddenBy;
  }

  public Instant getOverriddenAt() {
    return overriddenAt;
  }
}
