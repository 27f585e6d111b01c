package org.myochart.consent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * The two forms every new clinic starts with, written by the MyoChart team: consent to migraine
 * massage and the electronic records disclosure. Installed once, on an empty database; owners edit
 * them by publishing new versions.
 */
@ApplicationScoped
public class DefaultConsentForms {

  public static final String MIGRAINE_MASSAGE = "migraine-massage";
  public static final String ELECTRONIC_RECORDS = "electronic-records";

  @PersistenceContext EntityManager em;
  @Inject ConsentForms forms;

  @Transactional
  public void installIfMissing(
      @Observes @Priority(StartupOrder.REFERENCE_DATA) SchemaMigrated migrated) {
    long existing =
        em.createQuery("select count(f) from ConsentForm f", Long.class).getSingleResult();
    if (existing > 0) {
      return;
    }
    forms.create(
        ELECTRONIC_RECORDS,
        FormKind.ERECORDS_DISCLOSURE,
        false,
        new FormDraft(
            "Consent to electronic records and signatures",
            text("electronic-records-disclosure.md"),
            List.of(
                "I have read this disclosure and agree to sign and keep my records electronically.",
                "I understand that I may ask for paper forms and paper copies instead, at any time."),
            List.of(),
            120,
            false,
            false));
    forms.create(
        MIGRAINE_MASSAGE,
        FormKind.TREATMENT,
        true,
        new FormDraft(
            "Informed consent to therapeutic massage for migraine",
            text("migraine-massage-consent.md"),
            List.of(
                "I understand that massage is a complementary treatment and not a cure for migraine.",
                "I understand that massage does not replace medical care, and I will keep seeing my physician.",
                "I have been told about the possible benefits and risks, and I had the chance to ask questions.",
                "I have told my therapist about my health, and I will tell them about any change before each session.",
                "I know I can ask for lighter pressure, leave out any technique or area, or stop at any time.",
                "I know I can withdraw this consent at any time."),
            List.of(
                "Acupressure on points of the head, neck, shoulders and hands",
                "Craniosacral techniques",
                "Deep pressure on the muscles of the neck",
                "Work inside the mouth on the jaw muscles (with gloves)"),
            12,
            false,
            false));
  }

  private static String text(String resource) {
    try (InputStream in = DefaultConsentForms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing default form text " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
