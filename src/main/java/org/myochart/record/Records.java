package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentSigned;
import org.myochart.consent.Consents;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.treatment.AddendumSigned;
import org.myochart.treatment.NoteAddendum;
import org.myochart.treatment.NoteSigned;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/**
 * Seals every record the moment it is signed, in the same transaction: if sealing fails, the
 * signature is not kept either. Downloads stream the stored bytes; history is never re-rendered.
 */
@ApplicationScoped
@Transactional
public class Records {

  public static final String CONSENT = "Consent";
  public static final String NOTE = "SoapNote";
  public static final String ADDENDUM = "NoteAddendum";

  @PersistenceContext EntityManager em;
  @Inject ClinicSigningKey key;
  @Inject ClinicSettings settings;
  @Inject AuditTrail audit;
  @Inject Catalogue catalogue;
  @Inject Clock clock;

  void consentSigned(@Observes ConsentSigned event) {
    Consent consent = event.consent();
    List<AuditEntry> trail = new ArrayList<>(audit.forRecord(Consents.CONSENT, consent.getId()));
    if (consent.getKioskSessionId() != null) {
      trail.addAll(audit.forRecord("KioskSession", consent.getKioskSessionId()));
    }
    trail.sort(Comparator.comparing(AuditEntry::getId));
    RecordPdf pdf = RecordDocuments.consent(settings.clinicName(), consent, trail, settings.zone());
    store(CONSENT, consent.getId(), consent.getClient().getId(), pdf, "consent-" + consent.getId() + ".json",
        RecordDocuments.consentSource(consent), consent.getFormVersion().getTitle(), "Consent signed");
  }

  void noteSigned(@Observes NoteSigned event) {
    SoapNote note = event.note();
    List<AuditEntry> trail = new ArrayList<>(audit.forRecord(SoapNotes.NOTE, note.getId()));
    trail.addAll(audit.forRecord(SoapNotes.SESSION, note.getSession().getId()));
    trail.sort(Comparator.comparing(AuditEntry::getId));
    var entries = catalogue.byCode();
    RecordPdf pdf = RecordDocuments.note(settings.clinicName(), note, k -> {
      CatalogueEntry entry = entries.get(k);
      return entry == null ? k : entry.getName();
    }, trail, settings.zone());
    store(NOTE, note.getId(), note.getClient().getId(), pdf, "note-" + note.getId() + ".json", note.canonical(),
        "SOAP note " + note.getId(), "SOAP note signed by the therapist");
  }

  void addendumSigned(@Observes AddendumSigned event) {
    NoteAddendum addendum = event.addendum();
    List<AuditEntry> trail = audit.forRecord(ADDENDUM, addendum.getId());
    RecordPdf pdf = RecordDocuments.addendum(settings.clinicName(), addendum, trail, settings.zone());
    store(ADDENDUM, addendum.getId(), addendum.getNote().getClient().getId(), pdf, "addendum-" + addendum.getId() + ".json",
        RecordDocuments.addendumSource(addendum), "Addendum " + addendum.getId(), "Addendum signed by the therapist");
  }

  private void store(String type, long id, long clientId, RecordPdf pdf, String attachment, String source, String title,
      String reason) {
    var now = clock.instant();
    byte[] unsigned = pdf.render(title, settings.clinicName(), attachment, source, RecordPdf.utc(now));
    byte[] sealed = PadesSeal.seal(unsigned, key.identity(), settings.clinicName(), reason, now);
    SealedRecord record = new SealedRecord(type, id, clientId, sealed, now);
    em.persist(record);
    em.flush();
    audit.record(AuditAction.CREATE, "SealedRecord", record.getId(),
        "{\"recordType\":\"" + type + "\",\"recordId\":" + id + ",\"sha256\":\"" + record.getSha256() + "\"}");
  }

  public Optional<SealedRecord> find(String type, long id) {
    return em.createQuery("select r from SealedRecord r where r.recordType = :t and r.recordId = :i", SealedRecord.class)
        .setParameter("t", type).setParameter("i", id).getResultStream().findFirst();
  }

  /** The stored PDF for download; the download is audited as an export. */
  public SealedRecord export(String type, long id) {
    SealedRecord record = find(type, id).orElseThrow(() -> RuleViolation.notFound("There is no sealed PDF for " + type + " " + id + "."));
    audit.record(AuditAction.EXPORT, type, id, "{\"sha256\":\"" + record.getSha256() + "\"}");
    return record;
  }
}
