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
import java.time.Duration;
import java.time.Instant;
import org.myochart.client.Client;
import org.myochart.platform.RuleViolation;

/** One visit: a client treated by a therapist, from start to end. */
@Entity
@Table(name = "treatment_session")
public class TreatmentSession implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "treatment_session_seq")
  @SequenceGenerator(
      name = "treatment_session_seq",
      sequenceName = "treatment_session_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "plan_id", updatable = false)
  private TreatmentPlan plan;

  @Column(nullable = false, updatable = false)
  private String therapist;

  @Column(name = "therapist_name", nullable = false, updatable = false)
  private String therapistName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SessionKind kind;

  @Column(name = "starts_at", nullable = false, updatable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected TreatmentSession() {}

  TreatmentSession(
      Client client,
      TreatmentPlan plan,
      String therapist,
      String therapistName,
      SessionKind kind,
      Instant startsAt,
      Instant createdAt) {
    this.client = client;
    this.plan = plan;
    this.therapist = therapist;
    this.therapistName = therapistName;
    this.kind = kind;
    this.startsAt = startsAt;
    this.createdAt = createdAt;
  }

  /** Records when the session ended; not before it began, not longer than eight hours. */
  void end(Instant at) {
    if (at.isBefore(startsAt)) {
      throw RuleViolation.invalidFields(
          java.util.Map.of("endsAt", "A session cannot end before it started."));
    }
    if (Duration.between(startsAt, at).compareTo(Duration.ofHours(8)) > 0) {
      throw RuleViolation.invalidFields(
          java.util.Map.of("endsAt", "A session lasts at most eight hours."));
    }
    this.endsAt = at;
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public TreatmentPlan getPlan() {
    return plan;
  }

  public String getTherapist() {
    return therapist;
  }

  public String getTherapistName() {
    return therapistName;
  }

  public SessionKind getKind() {
    return kind;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
