package org.myochart.client;

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
import java.time.Instant;
import org.myochart.platform.RuleViolation;

/**
 * A health intake the client is filling in on the tablet, kept screen by screen so that nothing
 * typed is lost when the client is slow, the tablet sleeps, or the tablet locks itself after being
 * left alone. It belongs to one hand-over of the tablet at a time; staff hand it over again to
 * continue, or discard it. Sending the intake closes it. Never deleted.
 */
@Entity
@Table(name = "intake_draft")
public class IntakeDraft implements java.io.Serializable {

  /** How a draft ended. */
  public enum Outcome {
    SENT,
    DISCARDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_draft_seq")
  @SequenceGenerator(
      name = "intake_draft_seq",
      sequenceName = "intake_draft_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "client_id", nullable = false, updatable = false)
  private long clientId;

  @Column(name = "kiosk_session", nullable = false)
  private String kioskSession;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(nullable = false)
  private String answers;

  @Column(nullable = false)
  private int step;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "locked_at")
  private Instant lockedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome")
  private Outcome outcome;

  @Version private long version;

  protected IntakeDraft() {}

  IntakeDraft(
      long clientId, String kioskSession, String startedBy, String answers, int step, Instant now) {
    this.clientId = clientId;
    this.kioskSession = kioskSession;
    this.startedBy = startedBy;
    this.answers = answers;
    this.step = step;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Keeps the answers so far and the screen the client is on; false when nothing changed, so that
   * nothing is written.
   */
  boolean keep(String newAnswers, int newStep, Instant now) {
    requireOpen();
    if (answers.equals(newAnswers) && step == newStep) {
      return false;
    }
    answers = newAnswers;
    step = newStep;
    updatedAt = now;
    return true;
  }

  /** The tablet locked itself while this draft was on it. */
  void lock(Instant now) {
    requireOpen();
    lockedAt = now;
  }

  /** Staff hand the tablet over again to continue this draft. */
  void handOver(String newKioskSession, Instant now) {
    requireOpen();
    kioskSession = newKioskSession;
    lockedAt = null;
    updatedAt = now;
  }

  void close(Outcome how, String by, Instant now) {
    requireOpen();
    outcome = how;
    closedBy = by;
    closedAt = now;
  }

  private void requireOpen() {
    if (outcome != null) {
      throw RuleViolation.conflict(
          outcome == Outcome.SENT
              ? "These answers were sent already."
              : "These answers were discarded; start the health questions again.");
    }
  }

  public boolean isOpen() {
    return outcome == null;
  }

  public Long getId() {
    return id;
  }

  public long getClientId() {
    return clientId;
  }

  public String getKioskSession() {
    return kioskSession;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public String getAnswers() {
    return answers;
  }

  public int getStep() {
    return step;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getLockedAt() {
    return lockedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public long getVersion() {
    return version;
  }
}
