package org.myochart.treatment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.audit.RowsRead;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.MedicalClearance;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;
import org.myochart.staff.Role;

/**
 * Restrictions on a client's treatment: recorded by a therapist (from a physician's clearance or on
 * their own judgement), ended early with a reason, and checked against a note's rows for the
 * session's day. Signing a note that breaks one needs a reason ({@link SoapNotes#sign}).
 */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class Restrictions {

  public static final String RECORD_TYPE = "Restriction";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject Catalogue catalogue;
  @Inject ClinicSettings settings;

  /** Where a restriction stands now, in words, and whether it can still be ended early. */
  public record Standing(String status, boolean endable) {}

  public Standing standingOf(Restriction restriction) {
    java.time.Instant now = clock.instant();
    return new Standing(
        restriction.status(now, settings.zone()),
        restriction.endableOn(LocalDate.ofInstant(now, settings.zone())));
  }

  /** A restriction the note's rows break, with those rows in words. */
  public record Broken(Restriction restriction, String description, List<String> rows) {}

  /** Records a restriction for the client; the therapist or owner who treats them. */
  public Restriction record(long clientId, @Valid RestrictionTerms terms) {
    caseloads.require(clientId);
    Actor me = requireTherapist();
    Client client = clients.get(clientId);
    Map<String, CatalogueEntry> entries = catalogue.byCode();
    if (terms.structure() != null) {
      CatalogueEntry entry = entries.get(terms.structure());
      if (entry == null || entry.getKind() == CatalogueKind.TECHNIQUE) {
        throw RuleViolation.invalidFields(
            Map.of("structure", "Choose a muscle or pressure point from the catalogue."));
      }
      if (!entry.isLateral() && (terms.side() == Side.LEFT || terms.side() == Side.RIGHT)) {
        throw RuleViolation.invalidFields(
            Map.of("side", entry.getName() + " lies on the midline and has no sides."));
      }
    }
    if (terms.technique() != null
        && !entries.containsKey(CatalogueKind.TECHNIQUE + ":" + terms.technique())) {
      throw RuleViolation.invalidFields(
          Map.of("technique", "Choose a technique from the catalogue."));
    }
    MedicalClearance clearance = null;
    if (terms.clearance() != null) {
      clearance = em.find(MedicalClearance.class, terms.clearance());
      if (clearance == null || !clearance.getClient().getId().equals(clientId)) {
        throw RuleViolation.invalidFields(
            Map.of("clearance", "Choose one of this client's medical clearances."));
      }
    }
    MedicalClearance from = clearance;
    Optional<Restriction> already =
        recordedOf(clientId).stream().filter(r -> r.sameAs(terms, from)).findFirst();
    if (already.isPresent()) {
      // A second submit of the same form (a double tap) records nothing more.
      return already.get();
    }
    Restriction restriction = new Restriction(client, clearance, terms, me.name(), clock.instant());
    em.persist(restriction);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        RECORD_TYPE,
        restriction.getId(),
        new RestrictionRecorded(
            clientId, terms.clearance(), restriction.describe(names(entries)), terms.reason()));
    return restriction;
  }

  /** Ends a restriction before its last day; the restriction itself stays on record. */
  public Restriction lift(
      long restrictionId,
      long seenVersion,
      @Required(label = "reason", message = "{restriction.lift.reason.missing}")
          @Text(label = "reason", max = 1000, multiline = true)
          String reason) {
    Restriction restriction =
        em.find(Restriction.class, restrictionId, LockModeType.PESSIMISTIC_WRITE);
    if (restriction == null) {
      throw RuleViolation.notFound("There is no restriction " + restrictionId + ".");
    }
    long clientId = restriction.getClient().getId();
    caseloads.require(clientId);
    Actor me = requireTherapist();
    if (restriction.getVersion() != seenVersion) {
      throw RuleViolation.stale("restriction");
    }
    String why = TypedText.clean(reason);
    restriction.lift(me.name(), clock.instant(), why, settings.zone());
    em.flush();
    audit.recordDetail(
        AuditAction.CHANGE, RECORD_TYPE, restrictionId, new RestrictionLifted(clientId, why));
    return restriction;
  }

  /**
   * Every restriction of the client, newest first, those in force and those that ended; reading
   * them is audited.
   */
  public List<Restriction> of(long clientId) {
    caseloads.require(clientId);
    List<Restriction> found = recordedOf(clientId);
    audit.recordDetail(
        AuditAction.VIEW, RECORD_TYPE, "client:" + clientId, new RowsRead(clientId, found.size()));
    return found;
  }

  private List<Restriction> recordedOf(long clientId) {
    return em.createQuery(
            "select r from Restriction r where r.client.id = :c order by r.recordedAt desc, r.id desc",
            Restriction.class)
        .setParameter("c", clientId)
        .getResultList();
  }

  /** The restrictions that hold for the note's session, oldest first. */
  public List<Restriction> inForceFor(SoapNote note) {
    caseloads.require(note.getClient().getId());
    return inForceAt(note.getClient().getId(), note.getSession().getStartsAt());
  }

  /** The restrictions in force for the note's session that the draft's rows break. */
  public List<Broken> brokenBy(SoapNote note, NoteDraft draft) {
    caseloads.require(note.getClient().getId());
    Map<String, CatalogueEntry> entries = catalogue.byCode();
    return inForceAt(note.getClient().getId(), note.getSession().getStartsAt()).stream()
        .map(r -> new Broken(r, r.describe(names(entries)), r.rule().brokenRows(draft, entries)))
        .filter(broken -> !broken.rows().isEmpty())
        .toList();
  }

  /** The day of the session in the clinic's time zone. */
  public LocalDate sessionDay(SoapNote note) {
    return LocalDate.ofInstant(note.getSession().getStartsAt(), settings.zone());
  }

  /** The overrides a signed note holds, in the order they were given; for those who read it. */
  public List<RestrictionOverride> overridesOf(long noteId) {
    SoapNote note = em.find(SoapNote.class, noteId);
    if (note == null) {
      throw RuleViolation.notFound("There is no note " + noteId + ".");
    }
    caseloads.require(note.getClient().getId());
    return em.createQuery(
            "select o from RestrictionOverride o join fetch o.restriction where o.note.id = :n order by o.id",
            RestrictionOverride.class)
        .setParameter("n", noteId)
        .getResultList();
  }

  /** Written by {@link SoapNotes#sign} in the signing transaction. */
  List<RestrictionOverride> override(SoapNote note, List<Broken> broken, String reason) {
    List<RestrictionOverride> written =
        broken.stream()
            .map(
                b ->
                    new RestrictionOverride(
                        note, b.restriction(), reason, note.getSignedBy(), note.getSignedAt()))
            .toList();
    written.forEach(em::persist);
    return written;
  }

  private List<Restriction> inForceAt(long clientId, Instant sessionStart) {
    LocalDate day = LocalDate.ofInstant(sessionStart, settings.zone());
    return em
        .createQuery(
            "select r from Restriction r where r.client.id = :c and r.startsOn <= :d"
                + " and (r.endsOn is null or r.endsOn >= :d) order by r.startsOn, r.id",
            Restriction.class)
        .setParameter("c", clientId)
        .setParameter("d", day)
        .getResultList()
        .stream()
        .filter(r -> r.inForceAt(sessionStart, settings.zone()))
        .toList();
  }

  private Actor requireTherapist() {
    Actor me = actor.get();
    if (!me.actsAs(Role.THERAPIST) && !me.actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "Only therapists and the owner record or end a client's restrictions.");
    }
    return me;
  }

  private static Function<String, String> names(Map<String, CatalogueEntry> entries) {
    return RestrictionRule.names(entries);
  }
}
