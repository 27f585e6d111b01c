package org.myochart.anatomy;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.RefusesInvalidInput;

/** The muscles, pressure points and techniques notes refer to. */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class Catalogue {

  public static final String RECORD_TYPE = "CatalogueEntry";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Every entry of the kind, active first, by name. */
  public List<CatalogueEntry> all(CatalogueKind kind) {
    return em.createQuery(
            "select e from CatalogueEntry e where e.kind = :k order by e.active desc, e.id",
            CatalogueEntry.class)
        .setParameter("k", kind)
        .getResultList();
  }

  public List<CatalogueEntry> active(CatalogueKind kind) {
    return em.createQuery(
            "select e from CatalogueEntry e where e.kind = :k and e.active = true order by e.id",
            CatalogueEntry.class)
        .setParameter("k", kind)
        .getResultList();
  }

  public Optional<CatalogueEntry> find(CatalogueKind kind, String code) {
    if (code == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select e from CatalogueEntry e where e.kind = :k and e.code = :c",
            CatalogueEntry.class)
        .setParameter("k", kind)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  /**
   * All entries by code, for checking a note's rows in one go. Read-only: the entries are not
   * registered in the transaction's persistence context, so a page that keeps them for its view
   * does not keep that whole context alive with them (docs/performance.md, "What the sessions
   * hold"); nothing may change them.
   */
  public Map<String, CatalogueEntry> byCode() {
    Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    em.createQuery("select e from CatalogueEntry e order by e.id", CatalogueEntry.class)
        .setHint("eclipselink.read-only", true)
        .getResultList()
        .forEach(entry -> entries.put(entry.getKind() + ":" + entry.getCode(), entry));
    return entries;
  }

  /** Turns "MUSCLE:upper-trapezius" into the entry's name; an unknown code stays as it is. */
  public java.util.function.Function<String, String> names() {
    Map<String, CatalogueEntry> entries = byCode();
    return kindAndCode -> {
      CatalogueEntry entry = entries.get(kindAndCode);
      return entry == null ? kindAndCode : entry.getName();
    };
  }

  /** The owner adds an entry; its code is made from the name and never changes. */
  public CatalogueEntry add(@Valid NewEntry newEntry) {
    CatalogueKind kind = newEntry.kind();
    String cleanName = newEntry.name();
    String cleanDescription = newEntry.description();
    boolean lateral = newEntry.lateral();
    CautionCondition cautionCondition = newEntry.cautionCondition();
    String cleanCaution = newEntry.cautionText();
    String code = code(cleanName);
    if (em.createQuery(
                "select count(e) from CatalogueEntry e where lower(e.name) = :n or e.code = :c",
                Long.class)
            .setParameter("n", cleanName.toLowerCase(Locale.ROOT))
            .setParameter("c", code)
            .getSingleResult()
        > 0) {
      throw RuleViolation.invalidFields(
          Map.of("name", "The catalogue already has \"" + cleanName + "\"."));
    }
    CatalogueEntry entry =
        new CatalogueEntry(
            kind,
            code,
            cleanName,
            cleanDescription,
            lateral,
            cautionCondition,
            cleanCaution,
            clock.instant());
    em.persist(entry);
    em.flush();
    audit.record(
        AuditAction.CREATE,
        RECORD_TYPE,
        entry.getId(),
        JSON.createObjectBuilder().add("kind", kind.name()).add("code", code).build().toString());
    return entry;
  }

  /** Retired entries stay readable in old notes but are not offered for new ones. */
  public CatalogueEntry setActive(long id, long seenVersion, boolean active) {
    CatalogueEntry entry = em.find(CatalogueEntry.class, id);
    if (entry == null) {
      throw RuleViolation.notFound("There is no catalogue entry " + id + ".");
    }
    if (entry.getVersion() != seenVersion) {
      throw RuleViolation.stale("catalogue entry");
    }
    entry.setActive(active);
    em.flush();
    audit.record(active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE, RECORD_TYPE, id, null);
    return entry;
  }

  static String code(String name) {
    return org.myochart.platform.Slugs.of(name, 40, "entry");
  }
}
