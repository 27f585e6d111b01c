package org.myochart.client;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The short check at the start of each visit: an acute severe attack today means no treatment
 * today; a change since the last visit reopens the intake; the red flags are asked again.
 */
@Entity
@Table(name = "visit_check")
public class VisitCheck implements java.io.Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_check_seq")
  @SequenceGenerator(
      name = "visit_check_seq",
      sequenceName = "visit_check_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(name = "visit_date", nullable = false, updatable = false)
  private LocalDate visitDate;

  @Column(name = "acute_severe_attack", updatable = false)
  private boolean acuteSevereAttack;

  @Column(name = "changed_since_last", updatable = false)
  private boolean changedSinceLast;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "visit_check_red_flag",
      joinColumns = @JoinColumn(name = "visit_check_id"))
  @Column(name = "flag")
  @Enumerated(EnumType.STRING)
  private Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected VisitCheck() {}

  VisitCheck(
      Client client,
      LocalDate visitDate,
      boolean acuteSevereAttack,
      boolean changedSinceLast,
      Set<RedFlag> redFlags,
      String recordedBy,
      Instant now) {
    this.client = client;
    this.visitDate = visitDate;
    this.acuteSevereAttack = acuteSevereAttack;
    this.changedSinceLast = changedSinceLast;
    this.redFlags.addAll(redFlags);
    this.recordedBy = recordedBy;
    this.recordedAt = now;
  }

  public Client getClient() {
    return client;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getVisitDate() {
    return visitDate;
  }

  public boolean isAcuteSevereAttack() {
    return acuteSevereAttack;
  }

  public boolean isChangedSinceLast() {
    return changedSinceLast;
  }

  public Set<RedFlag> getRedFlags() {
    return Set.copyOf(redFlags);
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
