package org.myochart.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.RuleViolation;

/**
 * The intake a client is filling in on the tablet, kept on the server screen by screen (issue 16).
 * The tablet keeps, locks and sends its own client's draft only; staff see which drafts are open,
 * hand one to the tablet again, or discard it. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class IntakeDrafts {

  public static final String RECORD_TYPE = "IntakeDraft";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject Intakes intakes;
  @Inject ClinicalRecordAccess access;

  /** A draft with its answers read back. */
  public record Kept(IntakeDraft draft, IntakeDraftAnswers answers) {}

  /**
   * Keeps what the client has given so far on the tablet handed over as {@code kioskSession}.
   * Nothing is checked but who is asking: a draft holds whatever was typed.
   */
  public IntakeDraft keep(
      String kioskSession, long clientId, String startedBy, IntakeDraftAnswers answers, int step) {
    access.requireTabletOf(clientId);
    String json = answers.json();
    Optional<IntakeDraft> open = openOn(kioskSession, clientId);
    if (open.isEmpty()) {
      IntakeDraft draft =
          new IntakeDraft(clientId, kioskSession, startedBy, json, step, clock.instant());
      em.persist(draft);
      em.flush();
      audit.recordDetail(
          AuditAction.CREATE,
          RECORD_TYPE,
          draft.getId(),
          new IntakeDraftKept(clientId, step, "kept"));
      return draft;
    }
    IntakeDraft draft = open.get();
    if (draft.keep(json, step, clock.instant())) {
      audit.recordDetail(
          AuditAction.CHANGE,
          RECORD_TYPE,
          draft.getId(),
          new IntakeDraftKept(clientId, step, "kept"));
    }
    return draft;
  }

  /** The answers kept for this hand-over of the tablet, to show the client where they left off. */
  public Optional<Kept> resume(String kioskSession, long clientId) {
    access.requireTabletOf(clientId);
    return openOn(kioskSession, clientId)
        .map(draft -> new Kept(draft, IntakeDraftAnswers.fromJson(draft.getAnswers())));
  }

  /**
   * The tablet was left alone and locks itself: the answers so far are kept, marked as left on a
   * locked tablet, for staff to continue or discard.
   */
  public void lock(
      String kioskSession, long clientId, String startedBy, IntakeDraftAnswers answers, int step) {
    IntakeDraft draft = keep(kioskSession, clientId, startedBy, answers, step);
    draft.lock(clock.instant());
    audit.recordDetail(
        AuditAction.CHANGE,
        RECORD_TYPE,
        draft.getId(),
        new IntakeDraftKept(clientId, step, "locked"));
  }

  /** Sends the intake and closes its draft, in one transaction. */
  public HealthIntake send(String kioskSession, long clientId, IntakeAnswers answers) {
    HealthIntake intake = intakes.submit(clientId, answers, IntakeSource.KIOSK);
    openOn(kioskSession, clientId)
        .ifPresent(
            draft -> {
              draft.close(IntakeDraft.Outcome.SENT, actor.get().name(), clock.instant());
              audit.recordDetail(
                  AuditAction.CHANGE,
                  RECORD_TYPE,
                  draft.getId(),
                  new IntakeDraftKept(clientId, draft.getStep(), "sent"));
            });
    return intake;
  }

  /** The client's unfinished intakes from the tablet, newest first. Staff only. */
  public List<IntakeDraft> openFor(long clientId) {
    requireStaff();
    return em.createQuery(
            "select d from IntakeDraft d where d.clientId = :c and d.outcome is null"
                + " order by d.updatedAt desc, d.id desc",
            IntakeDraft.class)
        .setParameter("c", clientId)
        .getResultList();
  }

  /**
   * Refuses unless the draft is open and the client's: checked before staff hand the tablet over to
   * continue it.
   */
  public IntakeDraft requireOpen(long draftId, long clientId) {
    requireStaff();
    IntakeDraft draft = em.find(IntakeDraft.class, draftId);
    if (draft == null || draft.getClientId() != clientId) {
      throw RuleViolation.notFound("There are no kept answers " + draftId + " for this client.");
    }
    if (!draft.isOpen()) {
      throw RuleViolation.conflict(
          "Those answers were " + draft.getOutcome().name().toLowerCase() + " already.");
    }
    return draft;
  }

  /** Staff hand the tablet over again: the new hand-over continues the kept answers. */
  public void handOver(long draftId, long clientId, String kioskSession) {
    requireOpen(draftId, clientId);
    IntakeDraft draft = em.find(IntakeDraft.class, draftId, LockModeType.PESSIMISTIC_WRITE);
    draft.handOver(kioskSession, clock.instant());
    audit.recordDetail(
        AuditAction.CHANGE,
        RECORD_TYPE,
        draftId,
        new IntakeDraftKept(clientId, draft.getStep(), "handed over"));
  }

  /** Staff discard kept answers the client will not finish. Discarding twice is refused. */
  public void discard(long draftId, long clientId) {
    requireOpen(draftId, clientId);
    IntakeDraft draft = em.find(IntakeDraft.class, draftId, LockModeType.PESSIMISTIC_WRITE);
    draft.close(IntakeDraft.Outcome.DISCARDED, actor.get().name(), clock.instant());
    audit.recordDetail(
        AuditAction.CHANGE,
        RECORD_TYPE,
        draftId,
        new IntakeDraftKept(clientId, draft.getStep(), "discarded"));
  }

  private Optional<IntakeDraft> openOn(String kioskSession, long clientId) {
    return em.createQuery(
            "select d from IntakeDraft d where d.kioskSession = :k and d.clientId = :c"
                + " and d.outcome is null",
            IntakeDraft.class)
        .setParameter("k", kioskSession)
        .setParameter("c", clientId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  private void requireStaff() {
    Actor me = actor.get();
    if (!Actor.SYSTEM.equals(me) && (me.role() == null || !me.role().isStaff())) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "Only staff may see or change answers kept from the tablet.");
    }
  }
}
