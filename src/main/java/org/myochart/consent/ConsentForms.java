package org.myochart.consent;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.RefusesInvalidInput;

/** The clinic's consent forms and their published versions. */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class ConsentForms {

  public static final String FORM = "ConsentForm";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  public List<ConsentForm> all() {
    return em.createQuery(
            "select f from ConsentForm f order by f.kind desc, f.id", ConsentForm.class)
        .getResultList();
  }

  public ConsentForm form(long formId) {
    ConsentForm form = em.find(ConsentForm.class, formId);
    if (form == null) {
      throw RuleViolation.notFound("There is no consent form " + formId + ".");
    }
    return form;
  }

  public ConsentFormVersion latest(ConsentForm form) {
    return em.createQuery(
            "select v from ConsentFormVersion v where v.form = :f and v.versionNumber = :n",
            ConsentFormVersion.class)
        .setParameter("f", form)
        .setParameter("n", form.getLatestVersionNumber())
        .getSingleResult();
  }

  public ConsentFormVersion latest(long formId) {
    return latest(form(formId));
  }

  public ConsentFormVersion version(long versionId) {
    ConsentFormVersion version = em.find(ConsentFormVersion.class, versionId);
    if (version == null) {
      throw RuleViolation.notFound("There is no consent form version " + versionId + ".");
    }
    return version;
  }

  public List<ConsentFormVersion> versions(long formId) {
    return em.createQuery(
            "select v from ConsentFormVersion v where v.form.id = :f order by v.versionNumber desc",
            ConsentFormVersion.class)
        .setParameter("f", formId)
        .getResultList();
  }

  /** The latest version of every active form of the kind. */
  public List<ConsentFormVersion> activeLatest(FormKind kind) {
    return em.createQuery(
            "select v from ConsentFormVersion v where v.form.kind = :k and v.form.active = true"
                + " and v.versionNumber = v.form.latestVersionNumber order by v.form.id",
            ConsentFormVersion.class)
        .setParameter("k", kind)
        .getResultList();
  }

  /** The latest version of every active form that treatment needs. */
  public List<ConsentFormVersion> requiredForTreatment() {
    return em.createQuery(
            "select v from ConsentFormVersion v where v.form.requiredForTreatment = true and v.form.active = true"
                + " and v.versionNumber = v.form.latestVersionNumber order by v.form.id",
            ConsentFormVersion.class)
        .getResultList();
  }

  public Optional<ConsentFormVersion> disclosure() {
    return activeLatest(FormKind.ERECORDS_DISCLOSURE).stream().findFirst();
  }

  /** The newest version after the given one that asks everyone to consent again. */
  public Optional<ConsentFormVersion> requiredSuccessor(ConsentFormVersion signed) {
    return em.createQuery(
            "select v from ConsentFormVersion v where v.form = :f and v.versionNumber > :n"
                + " and v.requiresReconsent = true order by v.versionNumber desc",
            ConsentFormVersion.class)
        .setParameter("f", signed.getForm())
        .setParameter("n", signed.getVersionNumber())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Creates a form with its first version. */
  public ConsentFormVersion create(
      String code,
      @NotNull(message = "{consent.kind.required}") FormKind kind,
      boolean requiredForTreatment,
      @Valid FormDraft draft) {
    if (kind == FormKind.ERECORDS_DISCLOSURE && disclosure().isPresent()) {
      throw RuleViolation.conflict(
          "The clinic already has an electronic records disclosure; publish a new version of it instead.");
    }
    String formCode =
        code != null
            ? code
            : FormDraft.code(
                draft.title(),
                new java.util.HashSet<>(
                    em.createQuery("select f.code from ConsentForm f", String.class)
                        .getResultList()));
    ConsentForm form = new ConsentForm(formCode, kind, requiredForTreatment, clock.instant());
    em.persist(form);
    return publishOn(form, draft);
  }

  /**
   * Publishes the draft as the form's next version. {@code seenVersionNumber} is the version the
   * editor started from; if someone published in the meantime the edit is refused, not merged.
   */
  public ConsentFormVersion publish(long formId, int seenVersionNumber, @Valid FormDraft draft) {
    ConsentForm form = em.find(ConsentForm.class, formId, LockModeType.PESSIMISTIC_WRITE);
    if (form == null) {
      throw RuleViolation.notFound("There is no consent form " + formId + ".");
    }
    if (form.getLatestVersionNumber() != seenVersionNumber) {
      throw new RuleViolation(
          RuleViolation.Kind.STALE,
          "Version "
              + form.getLatestVersionNumber()
              + " of this form was published while you were editing. Reload the form to see it, then make your change again.");
    }
    return publishOn(form, draft);
  }

  private ConsentFormVersion publishOn(ConsentForm form, FormDraft draft) {
    ConsentFormVersion version =
        new ConsentFormVersion(
            form, form.nextVersionNumber(), draft, actor.get().name(), clock.instant());
    em.persist(version);
    em.flush();
    audit.record(
        AuditAction.PUBLISH,
        FORM,
        form.getId(),
        JSON.createObjectBuilder()
            .add("version", version.getVersionNumber())
            .add("versionId", version.getId())
            .add("textSha256", version.getTextSha256())
            .add("requiresReconsent", version.isRequiresReconsent())
            .build()
            .toString());
    return version;
  }

  /**
   * Whether the form is in use and whether treatment needs it; wording changes need a new version.
   */
  public ConsentForm configure(
      long formId, long seenVersion, boolean active, boolean requiredForTreatment) {
    ConsentForm form = form(formId);
    if (form.getVersion() != seenVersion) {
      throw RuleViolation.stale("consent form");
    }
    form.setActive(active);
    form.setRequiredForTreatment(requiredForTreatment);
    em.flush();
    audit.record(
        AuditAction.CHANGE,
        FORM,
        formId,
        JSON.createObjectBuilder()
            .add("active", active)
            .add("requiredForTreatment", form.isRequiredForTreatment())
            .build()
            .toString());
    return form;
  }
}
