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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.myochart.client.Client;

/** What therapist and client aim for, e.g. two sessions a week for six weeks. */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "treatment_plan_seq")
  @SequenceGenerator(
      name = "treatment_plan_seq",
      sequenceName = "treatment_plan_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(nullable = false, updatable = false)
  private String goal;

  @Column(name = "sessions_planned", nullable = false, updatable = false)
  private int sessionsPlanned;

  @Column(name = "sessions_per_week", nullable = false, updatable = false)
  private int sessionsPerWeek;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected TreatmentPlan() {}

  TreatmentPlan(
      Client client,
      String goal,
      int sessionsPlanned,
      int sessionsPerWeek,
      LocalDate startsOn,
      String createdBy,
      Instant createdAt) {
    this.client = client;
    this.goal = goal;
    this.sessionsPlanned = sessionsPlanned;
    this.sessionsPerWeek = sessionsPerWeek;
    this.startsOn = startsOn;
    this.active = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void close() {
    this.active = false;
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public String getGoal() {
    return goal;
  }

  /** What the goal aims for in numbers the outcome charts can show; empty when it names none. */
  public java.util.List<GoalTarget> goalTargets() {
    return GoalTarget.in(goal);
  }

  public int getSessionsPlanned() {
    return sessionsPlanned;
  }

  public int getSessionsPerWeek() {
    return sessionsPerWeek;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public boolean isActive() {
    return active;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
