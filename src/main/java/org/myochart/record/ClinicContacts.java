package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Text;
import org.myochart.staff.Role;

/**
 * The clinic's contact details for its records' letterhead and its letters: the owner's, kept in
 * MyoChart; until the owner saves them, the environment's (MYOCHART_CLINIC_ADDRESS, _PHONE,
 * _LICENCES). The clinic's name stays the environment's, as the seal certificate carries it.
 */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class ClinicContacts {

  public static final String RECORD_TYPE = "ClinicContact";

  @PersistenceContext EntityManager em;
  @Inject ClinicSettings settings;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;

  /** The owner's saved details, if saved. */
  public Optional<ClinicContact> saved() {
    return Optional.ofNullable(em.find(ClinicContact.class, ClinicContact.ONLY_ROW));
  }

  /** Address, phone and licences as records print them; empty when none is known. */
  public String contactDetails() {
    return saved()
        .map(c -> ClinicContact.joined(c.getAddress(), c.getPhone(), c.getLicences()))
        .orElseGet(settings::contactDetails);
  }

  /** The clinic's name and its contact details, as the head of its records prints it. */
  public String letterhead() {
    return settings.letterheadWith(contactDetails());
  }

  /**
   * The owner saves the details; {@code seenVersion} is the version the form showed (null when none
   * was saved yet), so that two owners' edits cannot overwrite each other unseen.
   */
  public ClinicContact save(
      @Text(label = "address", max = 200) String address,
      @Text(label = "phone", max = 40) String phone,
      @Text(label = "licence numbers", max = 200) String licences,
      Long seenVersion) {
    if (!actor.get().actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only the owner changes the clinic's details.");
    }
    ClinicContact current =
        em.find(ClinicContact.class, ClinicContact.ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    String by = actor.get().name();
    if (current == null) {
      if (seenVersion != null) {
        throw RuleViolation.stale("clinic's details");
      }
      current = new ClinicContact(address, phone, licences, clock.instant(), by);
      em.persist(current);
      try {
        em.flush();
      } catch (jakarta.persistence.PersistenceException savedMeanwhile) {
        // Another owner's first save won the single row a moment earlier.
        throw RuleViolation.stale("clinic's details");
      }
    } else {
      if (seenVersion == null || current.getVersion() != seenVersion) {
        throw RuleViolation.stale("clinic's details");
      }
      current.change(address, phone, licences, clock.instant(), by);
    }
    em.flush();
    audit.recordDetail(
        AuditAction.CHANGE,
        RECORD_TYPE,
        ClinicContact.ONLY_ROW,
        new ContactChanged(current.getAddress(), current.getPhone(), current.getLicences()));
    return current;
  }
}
