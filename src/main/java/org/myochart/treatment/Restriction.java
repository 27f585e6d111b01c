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

  /** Ends the restriction before its last day (or ends an open-ended one); never twice. */
  void lift(String by, Instant at, String why, ZoneId zone) {
    if (liftedAt != null) {
      throw RuleViolation.conflict("This restriction was already ended.");
    }
    if (!endableOn(LocalDate.ofInstant(at, zone))) {
      throw RuleViolation.conflict("This restriction ended on " + endsOn + " already.");
    }
    this.liftedBy = by;
    this.liftedAt = at;
    this.liftReason = why;
  }

  /**
   * Whether it holds for a session that starts at the moment: from its first day to its last (in
   * the clinic's zone), and not ended before the session began — a restriction ended at 10:00 still
   * holds for the session of 08:00.
   */
  public boolean inForceAt(Instant when, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(when, zone);
    if (day.isBefore(startsOn) || (endsOn != null && day.isAfter(endsOn))) {
      return false;
    }
    return liftedAt == null || when.isBefore(liftedAt);
  }

  /** Whether it can still be ended early on the day: not ended, and its last day not past. */
  public boolean endableOn(LocalDate today) {
    return liftedAt == null && (endsOn == null || !endsOn.isBefore(today));
  }

  /** Where it stands at the moment, in words: "In force", "From …", "Ended …". */
  public String status(Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (liftedAt != null) {
      return "Ended early by "
          + liftedBy
          + " on "
          + LocalDate.ofInstant(liftedAt, zone)
          + ": "
          + liftReason;
    }
    if (inForceAt(now, zone)) {
      return "In force";
    }
    return today.isBefore(startsOn) ? "From " + startsOn : "Ended " + endsOn;
  }

  /** Whether the terms are these, so that a second submit of the same form records nothing. */
  boolean sameAs(RestrictionTerms terms, MedicalClearance from) {
    return java.util.Objects.equals(rule(), terms.rule())
        && startsOn.equals(terms.startsOn())
        && reason.equals(terms.reason())
        && liftedAt == null
        && java.util.Objects.equals(
            clearance == null ? null : clearance.getId(), from == null ? null : from.getId());
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
