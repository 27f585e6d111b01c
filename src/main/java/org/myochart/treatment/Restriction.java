package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Side;
import org.myochart.client.Client;
import org.myochart.client.MedicalClearance;
import org.myochart.platform.RuleViolation;

/**
 * What a physician (through a clearance) or the therapist rules out for a time: treatment in a
 * region or of one muscle or point (on a side or both), one technique, or pressure above a limit —
 * or a combination ("no deep pressure on the neck"). A note whose rows break one in force on the
 * session's day is signed only with a reason for overriding it. Never deleted; ending one early
 * records who ended it and why.
 */
@Entity
@Table(name = "treatment_restriction")
public class Restriction implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "treatment_restriction_seq")
  @SequenceGenerator(
      name = "treatment_restriction_seq",
      sequenceName = "treatment_restriction_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "clearance_id", updatable = false)
  private MedicalClearance clearance;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private BodyRegion region;

  /** One muscle or point, as "MUSCLE:scalenes" or "POINT:LI4"; null when a region or none. */
  @Column(updatable = false)
  private String structure;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private Side side;

  @Column(updatable = false)
  private String technique;

  @Enumerated(EnumType.STRING)
  @Column(name = "max_pressure", updatable = false)
  private Pressure maxPressure;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", updatable = false)
  private LocalDate endsOn;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "lifted_by")
  private String liftedBy;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  @Column(name = "lift_reason")
  private String liftReason;

  @Version private long version;

  protected Restriction() {}

  Restriction(
      Client client,
      MedicalClearance clearance,
      RestrictionTerms terms,
      String recordedBy,
      Instant recordedAt) {
    this.client = client;
    this.clearance = clearance;
    this.region = terms.region();
    this.structure = terms.structure();
    this.side = terms.side();
    this.technique = terms.technique();
    this.maxPressure = terms.maxPressure();
    this.startsOn = terms.startsOn();
    this.endsOn = terms.endsOn();
    this.reason = terms.reason();
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** Ends the restriction before its end date (or ends an open-ended one); never twice. */
  void lift(String by, Instant at, String why) {
    if (liftedAt != null) {
      throw RuleViolation.conflict("This restriction was already ended.");
    }
    this.liftedBy = by;
    this.liftedAt = at;
    this.liftReason = why;
  }

  /**
   * Whether it holds on the day: from its first day to its last, and not ended before that day
   * (ended on a day means it no longer holds that day).
   */
  public boolean inForceOn(LocalDate day, ZoneId zone) {
    if (day.isBefore(startsOn) || (endsOn != null && day.isAfter(endsOn))) {
      return false;
    }
    return liftedAt == null || day.isBefore(LocalDate.ofInstant(liftedAt, zone));
  }

  /** What it rules out, as a value the note page can keep and check rows against. */
  public RestrictionRule rule() {
    return new RestrictionRule(region, structure, side, technique, maxPressure, endsOn);
  }

  /** What it rules out, in a sentence: "Neck (cervical): no pressure firmer than moderate, …". */
  public String describe(Function<String, String> names) {
    return rule().describe(names);
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public MedicalClearance getClearance() {
    return clearance;
  }

  public BodyRegion getRegion() {
    return region;
  }

  public String getStructure() {
    return structure;
  }

  public Side getSide() {
    return side;
  }

  public String getTechnique() {
    return technique;
  }

  public Pressure getMaxPressure() {
    return maxPressure;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getLiftedBy() {
    return liftedBy;
  }

  public Instant getLiftedAt() {
    return liftedAt;
  }

  public String getLiftReason() {
    return liftReason;
  }

  public boolean isLifted() {
    return liftedAt != null;
  }

  public long getVersion() {
    return version;
  }
}
