package org.myochart.fhir;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.caseload.Caseloads;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.client.Medication;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;
import org.myochart.client.TreatmentBlock;
import org.myochart.consent.Consent;
import org.myochart.consent.ConsentStanding;
import org.myochart.consent.Consents;
import org.myochart.consent.FormKind;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.Sha256;
import org.myochart.record.SealedRecord;
import org.myochart.treatment.NoteAddendum;
import org.myochart.treatment.NoteComparison;
import org.myochart.treatment.NoteDraft;
import org.myochart.treatment.NoteField;
import org.myochart.treatment.NoteStatus;
import org.myochart.treatment.PointUse;
import org.myochart.treatment.Restriction;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.TreatedMuscle;

/**
 * A client's record as a FHIR R4 Bundle for their physician: the same access rule as every clinical
 * read ({@code Caseloads.require}: the owner, or a therapist whose caseload holds the client), one
 * {@code EXPORT} entry naming what left the clinic and the SHA-256 of the bytes handed out. The
 * records are read here without the per-list {@code VIEW} entries of the pages; the export entry
 * stands for them.
 */
@ApplicationScoped
@Transactional
public class FhirExports {

  /** The audit record type of an export; its id is the client's. */
  public static final String AUDIT_TYPE = "FhirBundle";

  /** The note's numbers that become Observations; the pain scores are on the 0–10 scale. */
  private static final List<NoteField> MEASURED =
      List.of(
          NoteField.HEADACHE_DAYS_SINCE_LAST,
          NoteField.CURRENT_PAIN,
          NoteField.SLEEP_QUALITY,
          NoteField.STRESS_LEVEL,
          NoteField.PAIN_BEFORE,
          NoteField.PAIN_AFTER);

  private static final Set<NoteField> PAIN =
      Set.of(NoteField.CURRENT_PAIN, NoteField.PAIN_BEFORE, NoteField.PAIN_AFTER);

  /** The Bundle as FHIR JSON, with its SHA-256 and what it holds. */
  public record FhirExport(String json, String sha256, Map<String, Integer> resources) {}

  @PersistenceContext EntityManager em;
  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Caseloads caseloads;
  @Inject Consents consents;
  @Inject Catalogue catalogue;
  @Inject ClinicSettings settings;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * The client's Bundle, audited as an export. An unknown client is refused as not found, a client
   * the person may not open as forbidden (with its {@code ACCESS_DENIED} entry).
   *
   * @param apiBase where the clinic's API answers (ending in {@code /api/v1/}), for the links to
   *     the sealed PDFs; null leaves the links out
   */
  public FhirExport export(long clientId, String apiBase) {
    Bundle bundle = FhirMapping.bundle(chart(clientId, apiBase));
    String json = FhirMapping.json(bundle, false);
    return audited(clientId, json, FhirMapping.counts(bundle));
  }

  /**
   * The client's Bundle as one line of FHIR NDJSON, for a bulk export that carries the Bundles of
   * many clients: without links to the API (the archive carries the sealed PDFs itself) and without
   * an {@code EXPORT} entry per client; the bulk export's own entries name the Bundles it carries.
   * The same access rule as {@link #export}; the export job runs as the system.
   */
  public byte[] bulkLine(long clientId) {
    return FhirMapping.ndjsonLine(FhirMapping.bundle(chart(clientId, null)));
  }

  private FhirExport audited(long clientId, String json, Map<String, Integer> counts) {
    String sha256 = Sha256.of(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var resources = JSON.createObjectBuilder();
    counts.forEach(resources::add);
    audit.record(
        AuditAction.EXPORT,
        AUDIT_TYPE,
        clientId,
        JSON.createObjectBuilder()
            .add("resources", resources)
            .add("sha256", sha256)
            .build()
            .toString());
    return new FhirExport(json, sha256, counts);
  }

  /** What the client's Bundle is made of, after the access check. */
  FhirChart chart(long clientId, String apiBase) {
    Client client = clients.get(clientId);
    caseloads.require(clientId);
    ZoneId zone = settings.zone();
    Instant now = clock.instant();
    Map<String, SealedRecord> sealed = new HashMap<>();
    em.createQuery("select r from SealedRecord r where r.clientId = :c", SealedRecord.class)
        .setParameter("c", clientId)
        .getResultList()
        .forEach(r -> sealed.put(r.getRecordType() + ":" + r.getRecordId(), r));
    Map<String, CatalogueEntry> entries = catalogue.byCode();
    Function<String, String> names =
        key -> Optional.ofNullable(entries.get(key)).map(CatalogueEntry::getName).orElse(key);
    Optional<HealthIntake> intake =
        em.createQuery(
                "select i from HealthIntake i where i.client.id = :c order by i.versionNumber desc",
                HealthIntake.class)
            .setParameter("c", clientId)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    List<FhirChart.Warning> warnings = new ArrayList<>(redFlags(clientId, intake, zone));
    warnings.addAll(restrictions(clientId, names, now, zone));
    return new FhirChart(
        settings.clinicName(),
        now,
        person(client),
        intake.map(FhirExports::medications).orElse(List.of()),
        warnings,
        consents(clientId, sealed, apiBase),
        notes(clientId, sealed, entries, names, apiBase));
  }

  private static FhirChart.Person person(Client client) {
    return new FhirChart.Person(
        client.getId(),
        client.getFirstName(),
        client.getLastName(),
        client.getDateOfBirth(),
        client.getPhone(),
        client.getEmail(),
        client.getPreferredLanguage(),
        client.getPhysicianName(),
        client.getEmergencyContactName(),
        client.getEmergencyContactPhone(),
        client.isActive());
  }

  private static List<FhirChart.MedicationTaken> medications(HealthIntake intake) {
    List<FhirChart.MedicationTaken> taken = new ArrayList<>();
    for (Medication medication : intake.getMedications()) {
      taken.add(
          new FhirChart.MedicationTaken(
              medication.getName(),
              medication.treatmentKinds().stream().map(MedicationKind::getLabel).toList(),
              intake.getVersionNumber(),
              intake.getSubmittedAt()));
    }
    return taken;
  }

  /**
   * The red flags of the current intake and of visit checks: active while the clinic's own rule
   * ({@link TreatmentBlock}) holds them open, inactive once a physician's clearance closed them.
   */
  private List<FhirChart.Warning> redFlags(
      long clientId, Optional<HealthIntake> intake, ZoneId zone) {
    Set<RedFlag> open =
        intakes.treatmentBlock(clientId).map(TreatmentBlock::openRedFlags).orElse(Set.of());
    Set<RedFlag> reported = new LinkedHashSet<>();
    intake.ifPresent(i -> reported.addAll(i.getRedFlags()));
    reported.addAll(open);
    if (reported.isEmpty()) {
      return List.of();
    }
    Optional<MedicalClearance> clearance =
        em.createQuery(
                "select m from MedicalClearance m where m.client.id = :c order by m.recordedAt desc",
                MedicalClearance.class)
            .setParameter("c", clientId)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    LocalDate from = intake.map(i -> LocalDate.ofInstant(i.getSubmittedAt(), zone)).orElse(null);
    List<FhirChart.Warning> warnings = new ArrayList<>();
    for (RedFlag flag : reported) {
      boolean active = open.contains(flag);
      String text = "Headache warning sign reported: " + flag.question();
      LocalDate until = null;
      if (!active && clearance.isPresent()) {
        text +=
            ". Medical clearance from "
                + clearance.get().getPhysicianName()
                + " on "
                + clearance.get().getClearedOn();
        until = clearance.get().getClearedOn();
      }
      warnings.add(
          new FhirChart.Warning(FhirChart.WarningKind.RED_FLAG, text, active, from, until));
    }
    return warnings;
  }

  private List<FhirChart.Warning> restrictions(
      long clientId, Function<String, String> names, Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    return em
        .createQuery(
            "select r from Restriction r where r.client.id = :c order by r.startsOn, r.id",
            Restriction.class)
        .setParameter("c", clientId)
        .getResultList()
        .stream()
        .map(
            r ->
                new FhirChart.Warning(
                    FhirChart.WarningKind.RESTRICTION,
                    "Treatment restriction: "
                        + r.describe(names)
                        + ". Reason: "
                        + r.getReason()
                        + ". "
                        + r.status(now, zone)
                        + ".",
                    r.getLiftedAt() == null
                        && (r.getEndsOn() == null || !r.getEndsOn().isBefore(today)),
                    r.getStartsOn(),
                    r.getLiftedAt() != null
                        ? LocalDate.ofInstant(r.getLiftedAt(), zone)
                        : r.getEndsOn()))
        .toList();
  }

  private List<FhirChart.SignedConsent> consents(
      long clientId, Map<String, SealedRecord> sealed, String apiBase) {
    List<FhirChart.SignedConsent> signed = new ArrayList<>();
    for (Consent consent :
        em.createQuery(
                "select c from Consent c where c.client.id = :c order by c.signedAt, c.id",
                Consent.class)
            .setParameter("c", clientId)
            .getResultList()) {
      ConsentStanding standing = consents.standing(consent);
      signed.add(
          new FhirChart.SignedConsent(
              consent.getId(),
              consent.getFormVersion().getTitle(),
              consent.getFormVersion().getVersionNumber(),
              consent.getFormVersion().getForm().getKind() == FormKind.TREATMENT,
              standing.status(),
              consent.getSignedAt(),
              standing.expiresAt(),
              standing.withdrawal().map(w -> w.getWithdrawnAt()).orElse(null),
              consent.getSignerName(),
              consent.getGuardianRelationship(),
              consent.getEvidenceSha256(),
              consent.getTechniqueChoices().stream()
                  .map(a -> new FhirChart.TechniqueChoice(a.getText(), a.isAccepted()))
                  .toList(),
              copy(sealed, "Consent", consent.getId(), apiBase, "consents/")));
    }
    return signed;
  }

  private List<FhirChart.SignedNote> notes(
      long clientId,
      Map<String, SealedRecord> sealed,
      Map<String, CatalogueEntry> entries,
      Function<String, String> names,
      String apiBase) {
    Map<Long, List<FhirChart.Addendum>> addenda = new HashMap<>();
    em.createQuery(
            "select a from NoteAddendum a where a.note.client.id = :c order by a.signedAt, a.id",
            NoteAddendum.class)
        .setParameter("c", clientId)
        .getResultList()
        .forEach(
            a ->
                addenda
                    .computeIfAbsent(a.getNote().getId(), n -> new ArrayList<>())
                    .add(
                        new FhirChart.Addendum(
                            a.getId(),
                            a.getReason(),
                            a.getBody(),
                            new FhirChart.Therapist(a.getSignedBy(), a.getSignedName()),
                            a.getSignedAt(),
                            a.getContentSha256(),
                            copy(sealed, "NoteAddendum", a.getId(), null, null))));
    List<FhirChart.SignedNote> notes = new ArrayList<>();
    for (SoapNote note :
        em.createQuery(
                "select n from SoapNote n where n.client.id = :c and n.status = :signed"
                    + " order by n.session.startsAt, n.id",
                SoapNote.class)
            .setParameter("c", clientId)
            .setParameter("signed", NoteStatus.SIGNED)
            .getResultList()) {
      NoteDraft content = note.content();
      Map<FhirChart.NoteSection, Map<String, String>> sections =
          new EnumMap<>(FhirChart.NoteSection.class);
      NoteComparison.readableBySection(content, names)
          .forEach((s, text) -> sections.put(FhirChart.NoteSection.valueOf(s.name()), text));
      notes.add(
          new FhirChart.SignedNote(
              note.getId(),
              note.getSession().getStartsAt(),
              note.getSession().getKind().label(),
              new FhirChart.Therapist(note.getSignedBy(), note.getSignedName()),
              note.getSignedAt(),
              note.getContentSha256(),
              sections,
              measures(content),
              treatments(content, entries, names),
              addenda.getOrDefault(note.getId(), List.of()),
              copy(sealed, "SoapNote", note.getId(), apiBase, "notes/")));
    }
    return notes;
  }

  private static List<FhirChart.Measure> measures(NoteDraft content) {
    List<FhirChart.Measure> measures = new ArrayList<>();
    for (NoteField field : MEASURED) {
      if (field.valueIn(content) instanceof Integer value) {
        measures.add(
            new FhirChart.Measure(
                field.key(),
                field.label(),
                value,
                field.min(),
                field.max(),
                FhirChart.NoteSection.valueOf(field.section().name()),
                PAIN.contains(field)));
      }
    }
    return measures;
  }

  private static List<FhirChart.Treatment> treatments(
      NoteDraft content, Map<String, CatalogueEntry> entries, Function<String, String> names) {
    List<FhirChart.Treatment> treatments = new ArrayList<>();
    for (TreatedMuscle row : content.getTreatedMuscles()) {
      String muscle = CatalogueKind.MUSCLE + ":" + row.getMuscle();
      treatments.add(
          new FhirChart.Treatment(
              names.apply(CatalogueKind.TECHNIQUE + ":" + row.getTechnique()),
              names.apply(muscle),
              Optional.ofNullable(entries.get(muscle))
                  .map(CatalogueEntry::getSnomedCode)
                  .orElse(null),
              row.getSide(),
              row.getPressure() == null ? null : row.getPressure().label(),
              row.getMinutes()));
    }
    for (PointUse row : content.getPointUses()) {
      String point = CatalogueKind.POINT + ":" + row.getPoint();
      treatments.add(
          new FhirChart.Treatment(
              "Acupressure"
                  + (row.getAppliedBy() == null || row.getAppliedBy().isBlank()
                      ? ""
                      : " (applied by " + row.getAppliedBy() + ")"),
              names.apply(point),
              Optional.ofNullable(entries.get(point))
                  .map(CatalogueEntry::getSnomedCode)
                  .orElse(null),
              row.getSide(),
              null,
              null));
    }
    return treatments;
  }

  private static Optional<FhirChart.SealedCopy> copy(
      Map<String, SealedRecord> sealed, String type, long id, String apiBase, String path) {
    return Optional.ofNullable(sealed.get(type + ":" + id))
        .map(
            r ->
                new FhirChart.SealedCopy(
                    type,
                    id,
                    r.getSha256(),
                    r.getSizeBytes(),
                    r.getSealedAt(),
                    apiBase == null || path == null ? null : apiBase + path + id + "/pdf"));
  }
}
