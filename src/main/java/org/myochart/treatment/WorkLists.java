package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.ClinicalAccess;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.consent.TreatmentGate;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.IdChunks;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * The lists a therapist works from: their day ({@link Workday}) and where each client of a list
 * stands ({@link ClientStanding}). A therapist sees their caseload, the owner the whole clinic; the
 * caseload, the treatment gate and the note rules are the ones every clinical page uses, asked for
 * many clients at once so that a list costs a few queries, not a few per row.
 */
@ApplicationScoped
@Transactional
public class WorkLists {

  /** How many recently seen clients the day shows. */
  public static final int RECENT = 10;

  /** The newest sessions read to find the recent clients: enough for any day's repeat visits. */
  private static final int RECENT_SESSIONS_READ = 500;

  /** How many clients on hold the day lists; the rest are counted. */
  public static final int ON_HOLD_SHOWN = 30;

  @PersistenceContext EntityManager em;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject ClinicSettings settings;
  @Inject Caseloads caseloads;
  @Inject TreatmentGate gate;
  @Inject AuditTrail audit;

  /**
   * The day of the therapist acting now: sessions today with clients of their caseload, their
   * recently treated clients, their unsigned notes and the clients of their caseload on hold. For
   * the owner, the same for the whole clinic. Reading it is one audit entry with the rows shown.
   */
  public Workday workday() {
    Actor me = actor.get();
    boolean owner = me.actsAs(Role.OWNER);
    if (!owner && !me.actsAs(Role.THERAPIST)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only therapists and the owner have a day of sessions.");
    }
    Instant now = clock.instant();
    List<TodaysSession> today = today(owner ? null : me.name(), now);
    List<RecentClient> recent = recent(owner ? null : me.name());
    List<UnsignedNote> unsigned = unsigned(owner ? null : me.name());
    List<Client> caseload = caseloads.activeCaseload();
    Map<Long, ClientStanding> standings = standings(caseload);
    // Red flags first: they wait for a physician, the rest for paperwork.
    List<ClientStanding> onHold =
        caseload.stream()
            .map(client -> standings.get(client.getId()))
            .filter(standing -> standing != null && standing.onHold())
            .sorted(Comparator.comparing(standing -> !standing.redFlagged()))
            .toList();
    audit.record(
        AuditAction.VIEW,
        Clients.LIST_RECORD_TYPE,
        null,
        JSON.createObjectBuilder()
            .add("list", "workday")
            .add("today", today.size())
            .add("recent", recent.size())
            .add("unsigned", unsigned.size())
            .add("onHold", Math.min(onHold.size(), ON_HOLD_SHOWN))
            .build()
            .toString());
    return new Workday(
        now,
        settings.unsignedNoteAlert(),
        today,
        recent,
        unsigned,
        onHold.subList(0, Math.min(onHold.size(), ON_HOLD_SHOWN)),
        onHold.size());
  }

  /**
   * Where each of these clients stands for the person acting now, by client id. The reasons for a
   * hold and the count of unsigned notes are filled only where that person may open the record.
   */
  public Map<Long, ClientStanding> standings(Collection<Client> clients) {
    List<Long> ids = clients.stream().map(Client::getId).toList();
    Map<Long, ClinicalAccess> access = caseloads.access(ids);
    Map<Long, TreatmentGate.Standing> gates = gate.standings(ids);
    Map<Long, Long> unsignedNotes = unsignedCounts(ids);
    Map<Long, ClientStanding> standings = new HashMap<>();
    for (Client client : clients) {
      TreatmentGate.Standing standing = gates.get(client.getId());
      if (standing == null) {
        continue;
      }
      boolean clinical = access.getOrDefault(client.getId(), ClinicalAccess.REFUSED).opens();
      standings.put(
          client.getId(),
          new ClientStanding(
              client.getId(),
              client.getFullName(),
              clinical,
              standing,
              clinical ? unsignedNotes.getOrDefault(client.getId(), 0L) : 0L));
    }
    return standings;
  }

  private List<TodaysSession> today(String therapist, Instant now) {
    ZoneId zone = settings.zone();
    LocalDate day = LocalDate.ofInstant(now, zone);
    TypedQuery<TodaysSession> query =
        em.createQuery(
                "select new org.myochart.treatment.TodaysSession(n.id, c.id, c.firstName,"
                    + " c.lastName, s.startsAt, s.kind, n.status, s.therapistName)"
                    + " from SoapNote n join n.session s join s.client c"
                    + " where s.startsAt >= :from and s.startsAt < :to"
                    + (therapist == null
                        ? ""
                        : " and exists (select m.id from TreatmentSession m"
                            + " where m.client = c and m.therapist = :t)")
                    + " order by s.startsAt, s.id",
                TodaysSession.class)
            .setParameter("from", day.atStartOfDay(zone).toInstant())
            .setParameter("to", day.plusDays(1).atStartOfDay(zone).toInstant());
    if (therapist != null) {
      query.setParameter("t", therapist);
    }
    return query.getResultList();
  }

  private List<RecentClient> recent(String therapist) {
    // Sessions newest first, each client kept at their newest: max() over the start time would
    // reach the converter as the driver's own type on PostgreSQL (a Timestamp, not the stored
    // OffsetDateTime), so the newest is found by the order instead.
    TypedQuery<RecentClient> query =
        em.createQuery(
                "select new org.myochart.treatment.RecentClient(c.id, c.firstName, c.lastName,"
                    + " s.startsAt) from TreatmentSession s join s.client c"
                    + " where c.active = :active"
                    + (therapist == null ? "" : " and s.therapist = :t")
                    + " order by s.startsAt desc, s.id desc",
                RecentClient.class)
            .setParameter("active", Boolean.TRUE);
    if (therapist != null) {
      query.setParameter("t", therapist);
    }
    Map<Long, RecentClient> newest = new java.util.LinkedHashMap<>();
    for (RecentClient row : query.setMaxResults(RECENT_SESSIONS_READ).getResultList()) {
      newest.putIfAbsent(row.clientId(), row);
      if (newest.size() == RECENT) {
        break;
      }
    }
    return List.copyOf(newest.values());
  }

  /** Oldest first: the note that has waited longest is the first to sign. */
  private List<UnsignedNote> unsigned(String therapist) {
    TypedQuery<UnsignedNote> query =
        em.createQuery(
                "select new org.myochart.treatment.UnsignedNote(n.id, c.id, c.firstName,"
                    + " c.lastName, s.startsAt, s.kind, s.therapistName)"
                    + " from SoapNote n join n.session s join n.client c where n.status = :draft"
                    + (therapist == null ? "" : " and n.therapist = :t")
                    + " order by s.startsAt, n.id",
                UnsignedNote.class)
            .setParameter("draft", NoteStatus.DRAFT);
    if (therapist != null) {
      query.setParameter("t", therapist);
    }
    return query.getResultList();
  }

  private Map<Long, Long> unsignedCounts(List<Long> clientIds) {
    Map<Long, Long> counts = new HashMap<>();
    for (List<Long> ids : IdChunks.of(clientIds)) {
      em.createQuery(
              "select new org.myochart.treatment.UnsignedCount(n.client.id, count(n))"
                  + " from SoapNote n where n.status = :draft and n.client.id in :ids"
                  + " group by n.client.id",
              UnsignedCount.class)
          .setParameter("draft", NoteStatus.DRAFT)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(count -> counts.put(count.clientId(), count.notes()));
    }
    return counts;
  }
}
