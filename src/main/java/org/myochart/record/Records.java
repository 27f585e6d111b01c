package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.RecordKind;
import org.myochart.caseload.Caseloads;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentSigned;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.treatment.AddendumSigned;
import org.myochart.treatment.NoteAddendum;
import org.myochart.treatment.NoteSigned;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/**
 * Seals every record the moment it is signed, in the same transaction: if sealing fails (also when
 * a configured timestamp authority fails, ADR-024), the signature is not kept either. Downloads
 * stream the stored bytes; history is never re-rendered.
 */
@ApplicationScoped
@Transactional
public class Records {

  private static final Logger LOG = Logger.getLogger(Records.class.getName());

  @Inject Caseloads caseloads;
  @PersistenceContext EntityManager em;
  @Inject ClinicSigningKey key;
  @Inject ClinicTimestampAuthority timestamps;
  @Inject ClinicSettings settings;
  @Inject ClinicContacts contacts;
  @Inject AuditTrail audit;
  @Inject Catalogue catalogue;
  @Inject Clock clock;

  void consentSigned(@Observes ConsentSigned event) {
    Consent consent = event.consent();
    List<AuditEntry> trail = new ArrayList<>(audit.forRecord(RecordKind.CONSENT, consent.getId()));
    if (consent.getKioskSessionId() != null) {
      trail.addAll(audit.forRecord("KioskSession", consent.getKioskSessionId()));
    }
    RecordPdf pdf =
        RecordDocuments.consent(
            contacts.letterhead(), consent, upToSigning(trail, event.signing()), settings.zone());
    store(
        RecordKind.CONSENT,
        consent.getId(),
        consent.getClient().getId(),
        pdf,
        "consent-" + consent.getId() + ".json",
        RecordDocuments.consentSource(consent),
        consent.getFormVersion().getTitle(),
        "Consent signed",
        event.signing());
  }

  void noteSigned(@Observes NoteSigned event) {
    SoapNote note = event.note();
    List<AuditEntry> trail = new ArrayList<>(audit.forRecord(RecordKind.SOAP_NOTE, note.getId()));
    trail.addAll(audit.forRecord(SoapNotes.SESSION, note.getSession().getId()));
    var entries = catalogue.byCode();
    RecordPdf pdf =
        RecordDocuments.note(
            contacts.letterhead(),
            note,
            k -> {
              CatalogueEntry entry = entries.get(k);
              return entry == null ? k : entry.getName();
            },
            event.overrides(),
            upToSigning(trail, event.signing()),
            settings.zone());
    store(
        RecordKind.SOAP_NOTE,
        note.getId(),
        note.getClient().getId(),
        pdf,
        "note-" + note.getId() + ".json",
        note.canonical(),
        "SOAP note " + note.getId(),
        "SOAP note signed by the therapist",
        event.signing());
  }

  void addendumSigned(@Observes AddendumSigned event) {
    NoteAddendum addendum = event.addendum();
    List<AuditEntry> trail =
        new ArrayList<>(audit.forRecord(RecordKind.NOTE_ADDENDUM, addendum.getId()));
    RecordPdf pdf =
        RecordDocuments.addendum(
            contacts.letterhead(), addendum, upToSigning(trail, event.signing()), settings.zone());
    store(
        RecordKind.NOTE_ADDENDUM,
        addendum.getId(),
        addendum.getNote().getClient().getId(),
        pdf,
        "addendum-" + addendum.getId() + ".json",
        RecordDocuments.addendumSource(addendum),
        "Addendum " + addendum.getId(),
        "Addendum signed by the therapist",
        event.signing());
  }

  /**
   * The stored entries in id order, then the signature's own entry, stamped but not yet appended.
   */
  private static List<AuditEntry> upToSigning(List<AuditEntry> stored, AuditEntry signing) {
    stored.sort(Comparator.comparing(AuditEntry::getId));
    if (!signing.isAppended()) {
      stored.add(signing);
    }
    return stored;
  }

  /**
   * Seals before appending anything (ADR-041): the PDF prints the signature's entry as it will be
   * stored, and sealing is the slow part of a signing. Then the signature's entry and the seal's
   * are appended one after the other.
   */
  private void store(
      RecordKind kind,
      long id,
      long clientId,
      RecordPdf pdf,
      String attachment,
      String source,
      String title,
      String reason,
      AuditEntry signing) {
    var now = clock.instant();
    byte[] sealed = sealOrRefuse(kind + " " + id, pdf, attachment, source, title, reason, now);
    SealedRecord record = new SealedRecord(kind, id, clientId, sealed, now);
    em.persist(record);
    em.flush();
    audit.append(signing);
    audit.recordDetail(
        AuditAction.CREATE, "SealedRecord", record.getId(), new RecordSealed(record));
  }

  /**
   * The sealed PDF. A failing timestamp authority becomes a refusal the person signing can read
   * (shown on the page, 409 from the API), which also rolls the signing back (ADR-024).
   */
  byte[] sealOrRefuse(
      String record,
      RecordPdf pdf,
      String attachment,
      String source,
      String title,
      String reason,
      Instant now) {
    try {
      return sealed(
          pdf,
          title,
          settings.clinicName(),
          attachment,
          source,
          reason,
          key.identity(),
          timestamps.authority().orElse(null),
          now);
    } catch (TimestampUnavailable e) {
      LOG.log(
          Level.WARNING,
          e.getMessage() + " The signing of " + record + " was rolled back.",
          e.getCause());
      throw RuleViolation.conflict(
          "This record could not be sealed because the clinic's timestamp service is not "
              + "answering properly, so nothing was saved. Please try again in a moment; if it keeps failing, tell the clinic owner.");
    }
  }

  /**
   * Renders a record and seals it, B-T when {@code timestamps} is given: all that signing costs
   * besides the database (ConsentSealBenchmark measures this for a consent).
   */
  /**
   * Printed at the end of a record sealed without a timestamp authority: nothing but the clinic's
   * own server vouches for its time.
   */
  static final String SERVER_CLOCK_ONLY =
      "Time: the times in this record rest on the clinic server's clock. No independent timestamp"
          + " authority confirmed when it was sealed.";

  static byte[] sealed(
      RecordPdf pdf,
      String title,
      String clinic,
      String attachment,
      String source,
      String reason,
      SigningIdentity identity,
      TimestampAuthority timestamps,
      Instant now) {
    if (timestamps == null) {
      pdf.add(RecordPdf.Style.SMALL, SERVER_CLOCK_ONLY);
    }
    byte[] unsigned = pdf.render(title, clinic, attachment, source, RecordPdf.utc(now));
    return PadesSeal.seal(unsigned, identity, clinic, reason, now, timestamps);
  }

  public Optional<SealedRecord> find(RecordKind kind, long id) {
    return em.createQuery(
            "select r from SealedRecord r where r.recordType = :t and r.recordId = :i",
            SealedRecord.class)
        .setParameter("t", kind.typeName())
        .setParameter("i", id)
        .getResultStream()
        .findFirst();
  }

  /** The stored PDF for download; the download is audited as an export. */
  public SealedRecord export(RecordKind kind, long id) {
    return export(
        find(kind, id)
            .orElseThrow(
                () ->
                    RuleViolation.notFound("There is no sealed PDF for " + kind + " " + id + ".")));
  }

  /** A record already found, handed out for download; audited as an export. */
  public SealedRecord export(SealedRecord record) {
    if (record.kind() == RecordKind.CONSENT) {
      caseloads.requireStaffFor(record.getClientId(), "download a signed consent");
    } else {
      caseloads.require(record.getClientId());
    }
    audit.recordDetail(
        AuditAction.EXPORT,
        record.kind(),
        record.getRecordId(),
        new RecordHandedOut(record.getSha256(), record.getClientId()));
    return record;
  }
}
