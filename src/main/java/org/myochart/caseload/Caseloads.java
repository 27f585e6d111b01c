package org.myochart.caseload;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.myochart.audit.AccessDenials;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.ClinicalRecordAccess;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.IdChunks;
import org.myochart.platform.RuleViolation;
import org.myochart.security.KioskSession;
import org.myochart.staff.Role;

/**
 * Who may open which clinical record (the {@link Caseload} rule against the stored sessions), and
 * break-glass: a therapist's reason grants them one client's record for a while, in the same
 * transaction as its {@code BREAK_GLASS} audit entry; the owner reviews what was opened.
 */
@ApplicationScoped
@Transactional
public class Caseloads implements ClinicalRecordAccess {

  public static final String GRANT = "BreakGlassGrant";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject ClinicSettings settings;
  @Inject Clients clients;
  @Inject AccessDenials denials;

  /** What the person acting now may do with the client's clinical record. */
  public ClinicalAccess access(long clientId) {
    Actor me = actor.get();
    Role role = me.role();
    if (role != Role.THERAPIST) {
      return new Caseload(role, false, false, false).access();
    }
    boolean treatedByThem = sessions(clientId, me.name()) > 0;
    boolean treatedByAnyone = treatedByThem || sessions(clientId, null) > 0;
    boolean reasonGiven =
        !treatedByThem && treatedByAnyone && activeGrant(clientId, me.name()).isPresent();
    return new Caseload(role, treatedByThem, treatedByAnyone, reasonGiven).access();
  }

  /**
   * {@link #access(long)} for many clients at once, in a few queries whatever their number (a list
   * of clients shows clinical columns only where the record opens). Judged by the same {@link
   * Caseload} rule.
   */
  public Map<Long, ClinicalAccess> access(Collection<Long> clientIds) {
    Actor me = actor.get();
    Map<Long, ClinicalAccess> access = new HashMap<>();
    if (me.role() != Role.THERAPIST) {
      ClinicalAccess same = new Caseload(me.role(), false, false, false).access();
      clientIds.forEach(id -> access.put(id, same));
      return access;
    }
    for (List<Long> ids : IdChunks.of(clientIds)) {
      Set<Long> treatedByMe = treated(ids, me.name());
      Set<Long> treatedByAnyone = treated(ids, null);
      Set<Long> granted =
          new HashSet<>(
              em.createQuery(
                      "select g.client.id from BreakGlassGrant g where g.client.id in :ids"
                          + " and g.therapist = :t and g.grantedAt <= :now and g.expiresAt > :now",
                      Long.class)
                  .setParameter("ids", ids)
                  .setParameter("t", me.name())
                  .setParameter("now", clock.instant())
                  .getResultList());
      for (Long id : ids) {
        boolean byMe = treatedByMe.contains(id);
        boolean byAnyone = byMe || treatedByAnyone.contains(id);
        access.put(
            id,
            new Caseload(Role.THERAPIST, byMe, byAnyone, !byMe && byAnyone && granted.contains(id))
                .access());
      }
    }
    return access;
  }

  /**
   * The active clients in the caseload of the person acting, by name: every active client for the
   * owner; for a therapist, the {@link Caseload} rule as a query (clients they have had a session
   * with and clients nobody has treated yet; break-glass opens a record but adds no client here);
   * nobody for anyone else.
   */
  public List<Client> activeCaseload() {
    Actor me = actor.get();
    if (me.role() == Role.OWNER) {
      return em.createQuery(
              "select c from Client c where c.active = :active"
                  + " order by c.lastNameKey, c.firstNameKey, c.id",
              Client.class)
          .setParameter("active", Boolean.TRUE)
          .getResultList();
    }
    if (me.role() != Role.THERAPIST) {
      return List.of();
    }
    // Session rows by entity name, so that this package needs nothing from treatment. Inactive
    // clients are left out after the query: with these subqueries, H2 received `c.active = :active`
    // with the boolean written as 1 and refused to compare it with its boolean column.
    return em
        .createQuery(
            "select c from Client c where"
                + " exists (select s.id from TreatmentSession s where s.client = c and s.therapist = :t)"
                + " or not exists (select s.id from TreatmentSession s where s.client = c)"
                + " order by c.lastNameKey, c.firstNameKey, c.id",
            Client.class)
        .setParameter("t", me.name())
        .getResultList()
        .stream()
        .filter(Client::isActive)
        .toList();
  }

  private Set<Long> treated(List<Long> ids, String therapist) {
    var query =
        em.createQuery(
                "select distinct s.client.id from TreatmentSession s where s.client.id in :ids"
                    + (therapist == null ? "" : " and s.therapist = :t"),
                Long.class)
            .setParameter("ids", ids);
    if (therapist != null) {
      query.setParameter("t", therapist);
    }
    return new HashSet<>(query.getResultList());
  }

  public boolean mayOpen(long clientId) {
    return access(clientId).opens();
  }

  /**
   * The one check every service makes before it reads or writes a client's clinical data (intake,
   * clearances, visit checks, sessions, plans, notes, addenda, sealed PDFs, scans): the owner, or a
   * therapist whose caseload holds the client or whose break-glass reason still holds. Anyone else
   * is refused with an {@code ACCESS_DENIED} entry naming them, written even though the refused
   * action is rolled back; a therapist outside their caseload gets {@link BreakGlassNeeded}. Work
   * outside any request (start-up, batch jobs) runs as the system and is not refused.
   */
  @Override
  public void require(long clientId) {
    Actor me = actor.get();
    if (Actor.SYSTEM.equals(me)) {
      return;
    }
    ClinicalAccess access = access(clientId);
    if (access.opens()) {
      return;
    }
    RuleViolation refusal =
        access == ClinicalAccess.REASON_NEEDED
            ? new BreakGlassNeeded(clientId, clients.get(clientId).getFullName())
            : new RuleViolation(
                RuleViolation.Kind.FORBIDDEN,
                "Only the owner and therapists read clinical records.");
    throw refused(clientId, access, refusal);
  }

  /**
   * For what a client enters on the tablet (intake, signatures): only the kiosk handed to this
   * client may, as the kiosk session on the server names it, never as a request says.
   */
  @Override
  public void requireTabletOf(long clientId) {
    Actor me = actor.get();
    if (Actor.SYSTEM.equals(me)) {
      return;
    }
    if (!me.actsAs(Role.KIOSK) || KioskSession.clientOfActor(me.name()).orElse(-1) != clientId) {
      throw refused(
          clientId,
          null,
          new RuleViolation(
              RuleViolation.Kind.FORBIDDEN,
              "Only the tablet handed to this client can record what the client enters."));
    }
  }

  /** Refuses unless the person acting is the owner (or the system, outside any request). */
  public void requireOwnerFor(long clientId, String what) {
    Actor me = actor.get();
    if (!Actor.SYSTEM.equals(me) && !me.actsAs(Role.OWNER)) {
      throw refused(
          clientId,
          null,
          new RuleViolation(RuleViolation.Kind.FORBIDDEN, "Only the owner may " + what + "."));
    }
  }

  /**
   * Refuses anyone but staff (owner, therapists, front desk), such as a tablet or an anonymous
   * caller.
   */
  public void requireStaffFor(long clientId, String what) {
    Actor me = actor.get();
    if (!Actor.SYSTEM.equals(me) && (me.role() == null || !me.role().isStaff())) {
      throw refused(
          clientId,
          null,
          new RuleViolation(RuleViolation.Kind.FORBIDDEN, "Only staff may " + what + "."));
    }
  }

  private RuleViolation refused(long clientId, ClinicalAccess access, RuleViolation refusal) {
    var detail = JSON.createObjectBuilder().add("client", clientId);
    if (access != null) {
      detail.add("access", access.name());
    }
    actor.request().ifPresent(request -> detail.add("address", request.getRequestURI()));
    denials.record(
        Clients.RECORD_TYPE,
        clientId,
        detail.add("message", refusal.getMessage()).build().toString());
    return refusal;
  }

  /**
   * Opens the client's record for the therapist acting now, for the clinic's break-glass time, with
   * the reason they typed. Refused for clients in their caseload, who need no reason, and for
   * everyone but therapists.
   */
  public BreakGlassGrant breakGlass(long clientId, String typedReason) {
    Actor me = actor.get();
    if (!me.actsAs(Role.THERAPIST)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "Only therapists give a reason to open a record outside their caseload; the owner reads every record.");
    }
    Client client = clients.get(clientId);
    BreakGlassReason reason = BreakGlassReason.of(typedReason);
    if (access(clientId) == ClinicalAccess.CASELOAD) {
      throw RuleViolation.conflict(
          client.getFullName() + " is in your caseload; their record opens without a reason.");
    }
    Instant now = clock.instant();
    Instant until = now.plus(settings.breakGlassAccess());
    AuditEntry entry =
        audit.record(
            AuditAction.BREAK_GLASS,
            Clients.RECORD_TYPE,
            clientId,
            JSON.createObjectBuilder()
                .add("reason", reason.text())
                .add("until", until.toString())
                .build()
                .toString());
    // The grant refers to its entry, so the entry is written first.
    em.flush();
    BreakGlassGrant grant =
        new BreakGlassGrant(client, me.name(), reason, now, until, entry.getId());
    em.persist(grant);
    em.flush();
    return grant;
  }

  /** The therapist's latest grant for the client that still holds, if any. */
  public Optional<BreakGlassGrant> activeGrant(long clientId, String therapist) {
    return em.createQuery(
            "select g from BreakGlassGrant g where g.client.id = :c and g.therapist = :t"
                + " and g.grantedAt <= :now and g.expiresAt > :now order by g.expiresAt desc",
            BreakGlassGrant.class)
        .setParameter("c", clientId)
        .setParameter("t", therapist)
        .setParameter("now", clock.instant())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The acting therapist's grant for the client that still holds, if any. */
  public Optional<BreakGlassGrant> myActiveGrant(long clientId) {
    return activeGrant(clientId, actor.get().name());
  }

  /** Break-glass access given within the period, newest first: the owner's dashboard. */
  public List<BreakGlassGrant> recent(Duration period) {
    requireOwner("review break-glass access");
    return em.createQuery(
            "select g from BreakGlassGrant g join fetch g.client where g.grantedAt >= :from"
                + " order by g.grantedAt desc, g.id desc",
            BreakGlassGrant.class)
        .setParameter("from", clock.instant().minus(period))
        .getResultList();
  }

  /** The owner has looked at this access; the review is an audit entry of its own. */
  public BreakGlassGrant markReviewed(long grantId) {
    Actor me = requireOwner("mark break-glass access reviewed");
    BreakGlassGrant grant = em.find(BreakGlassGrant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
    if (grant == null) {
      throw RuleViolation.notFound("There is no break-glass access " + grantId + ".");
    }
    grant.review(me.name(), clock.instant());
    em.flush();
    audit.record(
        AuditAction.CHANGE,
        GRANT,
        grantId,
        JSON.createObjectBuilder()
            .add("reviewed", true)
            .add("breakGlassEntry", grant.getAuditEntryId())
            .add("client", grant.getClient().getId())
            .add("therapist", grant.getTherapist())
            .build()
            .toString());
    return grant;
  }

  private Actor requireOwner(String what) {
    Actor me = actor.get();
    if (!me.actsAs(Role.OWNER)) {
      throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "Only the owner may " + what + ".");
    }
    return me;
  }

  private long sessions(long clientId, String therapist) {
    // Counted by name so that this package needs nothing from treatment, which depends on it.
    var query =
        em.createQuery(
                "select count(s) from TreatmentSession s where s.client.id = :c"
                    + (therapist == null ? "" : " and s.therapist = :t"),
                Long.class)
            .setParameter("c", clientId);
    if (therapist != null) {
      query.setParameter("t", therapist);
    }
    return query.getSingleResult();
  }
}
