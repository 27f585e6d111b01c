package org.myochart.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.myochart.fhir.FhirChart.Addendum;
import org.myochart.fhir.FhirChart.Measure;
import org.myochart.fhir.FhirChart.NoteSection;
import org.myochart.fhir.FhirChart.SealedCopy;
import org.myochart.fhir.FhirChart.SignedConsent;
import org.myochart.fhir.FhirChart.SignedNote;
import org.myochart.fhir.FhirChart.TechniqueChoice;
import org.myochart.fhir.FhirChart.Therapist;
import org.myochart.fhir.FhirChart.Treatment;
import org.myochart.fhir.FhirChart.Warning;

/**
 * The one place where MyoChart's fields become FHIR R4 elements (the table in docs/fhir.md): a
 * {@link FhirChart} in, a {@code collection} Bundle out, built with HAPI FHIR's R4 model and
 * serialised by its JSON parser. Codes are LOINC and SNOMED CT only where they are certain (the
 * note's document and section codes, the 0–10 pain scale, the catalogue's checked body-structure
 * codes and the laterality qualifiers); everything else is text.
 *
 * <p>Entries are named {@code urn:uuid:} from the client and the record (name-based UUIDs), so the
 * same record keeps its name from one export to the next.
 */
public final class FhirMapping {

  public static final String MEDIA_TYPE = "application/fhir+json";
  public static final String NDJSON_MEDIA_TYPE = "application/fhir+ndjson";
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  static final String PROGRESS_NOTE = "11506-3";
  static final String PAIN_SCALE = "72514-3";
  static final String BODY_SITE = "http://hl7.org/fhir/StructureDefinition/bodySite";
  static final String URI_SYSTEM = "urn:ietf:rfc:3986";
  private static final String SIGNATURE_TYPES = "urn:iso-astm:E1762-95:2013";
  private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  private static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
  private static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final String CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131";
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /** LOINC codes of the SOAP sections; the treatment section has no code of its own. */
  private static final Map<NoteSection, Coding> SECTION_CODES =
      Map.of(
          NoteSection.SUBJECTIVE, new Coding(LOINC, "61150-9", "Subjective Narrative"),
          NoteSection.OBJECTIVE, new Coding(LOINC, "61149-1", "Objective Narrative"),
          NoteSection.ASSESSMENT, new Coding(LOINC, "51848-0", "Evaluation note"),
          NoteSection.PLAN, new Coding(LOINC, "18776-5", "Plan of care note"));

  private static final Map<NoteSection, String> SECTION_TITLES =
      Map.of(
          NoteSection.SUBJECTIVE, "Subjective",
          NoteSection.OBJECTIVE, "Objective",
          NoteSection.TREATMENT, "Treatment",
          NoteSection.ASSESSMENT, "Assessment",
          NoteSection.PLAN, "Plan");

  private final FhirChart chart;
  private final Bundle bundle = new Bundle();
  private final Map<String, String> practitioners = new LinkedHashMap<>();
  private final Map<String, String> bodyStructures = new LinkedHashMap<>();
  private String patient;
  private String clinic;

  private FhirMapping(FhirChart chart) {
    this.chart = chart;
  }

  /** The client's record as a Bundle of type {@code collection}, the Patient first. */
  public static Bundle bundle(FhirChart chart) {
    return new FhirMapping(chart).build();
  }

  /** The Bundle as FHIR JSON; {@code oneLine} for NDJSON. */
  public static String json(Bundle bundle, boolean oneLine) {
    return FhirContext.forR4Cached()
        .newJsonParser()
        .setPrettyPrint(!oneLine)
        .encodeResourceToString(bundle);
  }

  /**
   * The resource as one line of FHIR NDJSON ({@code application/fhir+ndjson}, the FHIR Bulk Data
   * format): its JSON without line breaks (those in texts are escaped), then a line feed, in UTF-8.
   */
  public static byte[] ndjsonLine(org.hl7.fhir.r4.model.Resource resource) {
    String json =
        FhirContext.forR4Cached()
            .newJsonParser()
            .setPrettyPrint(false)
            .encodeResourceToString(resource);
    if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
      throw new IllegalStateException("A " + resource.fhirType() + " did not fit on one line.");
    }
    return (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** How many resources of each type the Bundle holds, for the audit entry. */
  public static Map<String, Integer> counts(Bundle bundle) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    bundle.getEntry().forEach(e -> counts.merge(e.getResource().fhirType(), 1, Integer::sum));
    return counts;
  }

  private Bundle build() {
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestampElement(instant(chart.exportedAt()));
    patient = add("Patient", patient());
    if (chart.medications().isEmpty()
        && chart.warnings().isEmpty()
        && chart.consents().isEmpty()
        && chart.notes().isEmpty()) {
      return bundle;
    }
    Organization organization = new Organization();
    organization.setName(chart.clinicName());
    narrate(organization, chart.clinicName());
    clinic = add("Organization", organization);
    chart.medications().forEach(this::medication);
    for (int i = 0; i < chart.warnings().size(); i++) {
      flag(i, chart.warnings().get(i));
    }
    chart.consents().forEach(this::consent);
    chart.notes().forEach(this::note);
    return bundle;
  }

  private Patient patient() {
    FhirChart.Person person = chart.client();
    Patient resource = new Patient();
    resource.setActive(person.active());
    resource
        .addName()
        .setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(person.lastName())
        .addGiven(person.firstName());
    resource.setBirthDateElement(new DateType(person.dateOfBirth().toString()));
    if (present(person.phone())) {
      resource.addTelecom(phone(person.phone()));
    }
    if (present(person.email())) {
      resource
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.EMAIL)
          .setValue(person.email());
    }
    if (present(person.preferredLanguage())) {
      resource.addCommunication().setLanguage(text(person.preferredLanguage())).setPreferred(true);
    }
    if (present(person.emergencyContactName()) || present(person.emergencyContactPhone())) {
      Patient.ContactComponent contact = resource.addContact();
      contact.addRelationship(
          new CodeableConcept(new Coding(CONTACT_ROLE, "C", "Emergency Contact")));
      if (present(person.emergencyContactName())) {
        contact.setName(new HumanName().setText(person.emergencyContactName()));
      }
      if (present(person.emergencyContactPhone())) {
        contact.addTelecom(phone(person.emergencyContactPhone()));
      }
    }
    if (present(person.physicianName())) {
      resource.addGeneralPractitioner(new Reference().setDisplay(person.physicianName()));
    }
    narrate(
        resource, person.firstName() + " " + person.lastName() + ", born " + person.dateOfBirth());
    return resource;
  }

  private void medication(FhirChart.MedicationTaken taken) {
    MedicationStatement statement = new MedicationStatement();
    statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
    statement.setMedication(text(taken.name()));
    statement.setSubject(ref(patient));
    statement.setDateAssertedElement(dateTime(taken.assertedAt()));
    String kinds = String.join(", ", taken.kinds());
    statement
        .addNote()
        .setText(
            "From the health intake, version " + taken.intakeVersion() + ". Kind: " + kinds + ".");
    narrate(statement, taken.name() + " (" + kinds + ")");
    add("MedicationStatement/" + taken.intakeVersion() + "/" + taken.name(), statement);
  }

  private void flag(int index, Warning warning) {
    Flag flag = new Flag();
    flag.setStatus(warning.active() ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
    boolean redFlag = warning.kind() == FhirChart.WarningKind.RED_FLAG;
    flag.addCategory(
        new CodeableConcept(
            redFlag
                ? new Coding(FLAG_CATEGORY, "clinical", "Clinical")
                : new Coding(FLAG_CATEGORY, "safety", "Safety")));
    flag.setCode(text(warning.text()));
    flag.setSubject(ref(patient));
    flag.setAuthor(ref(clinic));
    if (warning.from() != null) {
      Period period = new Period().setStartElement(new DateTimeType(warning.from().toString()));
      LocalDate until = warning.until();
      if (until != null) {
        period.setEndElement(
            new DateTimeType((until.isBefore(warning.from()) ? warning.from() : until).toString()));
      }
      flag.setPeriod(period);
    }
    narrate(flag, (warning.active() ? "" : "(No longer active) ") + warning.text());
    add("Flag/" + warning.kind() + "/" + index, flag);
  }

  private void consent(SignedConsent signed) {
    Consent consent = new Consent();
    consent.setStatus(
        switch (signed.status()) {
          case VALID -> Consent.ConsentState.ACTIVE;
          case AWAITING_WITNESS -> Consent.ConsentState.PROPOSED;
          case WITHDRAWN, EXPIRED, SUPERSEDED -> Consent.ConsentState.INACTIVE;
        });
    consent.setScope(
        new CodeableConcept(
            signed.treatment()
                ? new Coding(CONSENT_SCOPE, "treatment", "Treatment")
                : new Coding(CONSENT_SCOPE, "patient-privacy", "Privacy Consent")));
    consent.addCategory(
        new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent"))
            .setText(signed.title()));
    consent.setPatient(ref(patient));
    consent.setDateTimeElement(dateTime(signed.signedAt()));
    consent.addPerformer(signer(signed));
    consent.addOrganization(ref(clinic));
    consent.setPolicyRule(
        text(signed.title() + ", version " + signed.formVersion() + " of the clinic's form"));
    Consent.ProvisionComponent provision = consent.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    Instant end = signed.withdrawnAt() != null ? signed.withdrawnAt() : signed.expiresAt();
    Period period = new Period().setStartElement(dateTime(signed.signedAt()));
    if (end != null && !end.isBefore(signed.signedAt())) {
      period.setEndElement(dateTime(end));
    }
    provision.setPeriod(period);
    for (TechniqueChoice choice : signed.techniques()) {
      provision
          .addProvision()
          .setType(
              choice.accepted()
                  ? Consent.ConsentProvisionType.PERMIT
                  : Consent.ConsentProvisionType.DENY)
          .addCode(text(choice.text()));
    }
    Optional<String> document =
        signed.sealed().map(copy -> document(copy, "Signed consent: " + signed.title()));
    document.ifPresent(url -> consent.setSource(ref(url)));
    narrate(
        consent,
        signed.title()
            + ", signed "
            + signed.signedAt()
            + " by "
            + signerText(signed)
            + "; "
            + signed.status().label()
            + ".");
    String url = add("Consent/" + signed.id(), consent);
    provenance(
        "Consent/" + signed.id(),
        url,
        signed.signedAt(),
        signer(signed),
        new Coding(SIGNATURE_TYPES, "1.2.840.10065.1.12.1.7", "Consent Signature"),
        "Signing evidence",
        signed.evidenceSha256(),
        document);
  }

  private Reference signer(SignedConsent signed) {
    return signed.signedByGuardian()
        ? new Reference().setDisplay(signerText(signed))
        : ref(patient);
  }

  private static String signerText(SignedConsent signed) {
    String name = signed.signerName() == null ? "the client" : signed.signerName();
    return signed.signedByGuardian() ? name + " (" + signed.guardianRelationship() + ")" : name;
  }

  private void note(SignedNote note) {
    String author = practitioner(note.signer());
    Map<NoteSection, List<Reference>> entries = new LinkedHashMap<>();
    for (Measure measure : note.measures()) {
      entries
          .computeIfAbsent(measure.section(), s -> new ArrayList<>())
          .add(ref(observation(note, measure, author)));
    }
    for (int i = 0; i < note.treatments().size(); i++) {
      entries
          .computeIfAbsent(NoteSection.TREATMENT, s -> new ArrayList<>())
          .add(ref(procedure(note, i, note.treatments().get(i), author)));
    }
    Composition composition =
        composition(
            note.signer(),
            author,
            note.signedAt(),
            "Progress note, "
                + note.sessionKind().toLowerCase(Locale.ROOT)
                + " session of "
                + note.sessionStart());
    composition.setStatus(
        note.addenda().isEmpty()
            ? Composition.CompositionStatus.FINAL
            : Composition.CompositionStatus.AMENDED);
    composition.getType().setText("Progress note");
    composition
        .getEventFirstRep()
        .setPeriod(new Period().setStartElement(dateTime(note.sessionStart())));
    for (NoteSection section : NoteSection.values()) {
      Map<String, String> text = note.sections().getOrDefault(section, Map.of());
      List<Reference> refs = entries.getOrDefault(section, List.of());
      if (text.isEmpty() && refs.isEmpty()) {
        continue;
      }
      Composition.SectionComponent part = composition.addSection();
      part.setTitle(SECTION_TITLES.get(section));
      Coding code = SECTION_CODES.get(section);
      if (code != null) {
        part.setCode(new CodeableConcept(code.copy()));
      }
      List<String> paragraphs = new ArrayList<>();
      text.forEach((label, value) -> paragraphs.add(label + ": " + value));
      if (paragraphs.isEmpty()) {
        paragraphs.add(SECTION_TITLES.get(section) + ": see the entries.");
      }
      part.setText(narrative(paragraphs));
      refs.forEach(part::addEntry);
    }
    String key = "Composition/" + note.id();
    String url = add(key, composition);
    Optional<String> document = note.sealed().map(copy -> document(copy, "Signed SOAP note"));
    provenance(
        key,
        url,
        note.signedAt(),
        ref(author),
        authorSignature(),
        "Signed note content",
        note.contentSha256(),
        document);
    for (Addendum addendum : note.addenda()) {
      addendum(url, addendum);
    }
  }

  private void addendum(String noteUrl, Addendum addendum) {
    String author = practitioner(addendum.signer());
    Composition composition =
        composition(
            addendum.signer(), author, addendum.signedAt(), "Addendum: " + addendum.reason());
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.getType().setText("Addendum to a progress note");
    composition
        .addRelatesTo()
        .setCode(Composition.DocumentRelationshipType.APPENDS)
        .setTarget(ref(noteUrl));
    composition
        .addSection()
        .setTitle("Addendum")
        .setText(narrative(List.of("Reason: " + addendum.reason(), addendum.body())));
    String key = "Composition/addendum/" + addendum.id();
    String url = add(key, composition);
    provenance(
        key,
        url,
        addendum.signedAt(),
        ref(author),
        authorSignature(),
        "Signed addendum text",
        addendum.contentSha256(),
        addendum.sealed().map(copy -> document(copy, "Signed addendum")));
  }

  private Composition composition(Therapist signer, String author, Instant signedAt, String title) {
    Composition composition = new Composition();
    composition.setType(new CodeableConcept(new Coding(LOINC, PROGRESS_NOTE, "Progress note")));
    composition.setSubject(ref(patient));
    composition.setDateElement(dateTime(signedAt));
    composition.addAuthor(ref(author));
    composition.setTitle(title);
    composition.setCustodian(ref(clinic));
    composition
        .addAttester()
        .setMode(Composition.CompositionAttestationMode.LEGAL)
        .setTimeElement(dateTime(signedAt))
        .setParty(ref(author));
    narrate(composition, title + ". Signed by " + signer.name() + " at " + signedAt + ".");
    return composition;
  }

  private String observation(SignedNote note, Measure measure, String author) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
    String name = measure.label() + " (scale " + measure.min() + "–" + measure.max() + ")";
    CodeableConcept code = text(name);
    if (measure.pain()) {
      code.addCoding(
          new Coding(
              LOINC, PAIN_SCALE, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
    }
    observation.setCode(code);
    observation.setSubject(ref(patient));
    observation.setEffective(dateTime(note.sessionStart()));
    observation.setIssuedElement(instant(note.signedAt()));
    observation.addPerformer(ref(author));
    observation.setValue(new IntegerType(measure.value()));
    narrate(observation, name + ": " + measure.value());
    return add("Observation/" + note.id() + "/" + measure.key(), observation);
  }

  private String procedure(SignedNote note, int index, Treatment treatment, String author) {
    Procedure procedure = new Procedure();
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(text(treatment.what()));
    procedure.setSubject(ref(patient));
    procedure.setPerformed(dateTime(note.sessionStart()));
    procedure.addPerformer().setActor(ref(author));
    String site = treatment.structure() + ", " + treatment.side().label().toLowerCase(Locale.ROOT);
    CodeableConcept bodySite = structure(treatment).setText(site);
    bodySite.addExtension(BODY_SITE, ref(bodyStructure(treatment)));
    procedure.addBodySite(bodySite);
    List<String> details = new ArrayList<>();
    if (treatment.pressure() != null) {
      details.add("Pressure: " + treatment.pressure());
    }
    if (treatment.minutes() != null) {
      details.add(treatment.minutes() + " minutes");
    }
    if (!details.isEmpty()) {
      procedure.addNote().setText(String.join("; ", details));
    }
    narrate(procedure, treatment.what() + " on " + site);
    return add("Procedure/" + note.id() + "/" + index, procedure);
  }

  /** The structure and its laterality qualifier, one BodyStructure per structure and side. */
  private String bodyStructure(Treatment treatment) {
    String key = "BodyStructure/" + treatment.structure() + "/" + treatment.side();
    return bodyStructures.computeIfAbsent(
        key,
        k -> {
          BodyStructure structure = new BodyStructure();
          structure.setPatient(ref(patient));
          structure.setLocation(structure(treatment).setText(treatment.structure()));
          String laterality = treatment.side().snomedCode();
          CodeableConcept qualifier = text(treatment.side().label());
          if (laterality != null) {
            qualifier.addCoding(new Coding(SNOMED, laterality, null));
          }
          structure.addLocationQualifier(qualifier);
          String description = treatment.structure() + ", " + treatment.side().label();
          structure.setDescription(description);
          narrate(structure, description);
          return add(k, structure);
        });
  }

  private static CodeableConcept structure(Treatment treatment) {
    CodeableConcept concept = new CodeableConcept();
    if (treatment.structureSnomedCode() != null) {
      concept.addCoding(new Coding(SNOMED, treatment.structureSnomedCode(), null));
    }
    return concept;
  }

  private String practitioner(Therapist therapist) {
    return practitioners.computeIfAbsent(
        therapist.username(),
        username -> {
          Practitioner practitioner = new Practitioner();
          practitioner.addName().setText(therapist.name());
          narrate(practitioner, therapist.name());
          return add("Practitioner/" + username, practitioner);
        });
  }

  private String document(SealedCopy copy, String title) {
    DocumentReference reference = new DocumentReference();
    reference.setMasterIdentifier(sha256Identifier(copy.sha256()));
    reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    reference.setType(text("Sealed PDF/A-3b record"));
    reference.setSubject(ref(patient));
    reference.setDateElement(instant(copy.sealedAt()));
    reference.setCustodian(ref(clinic));
    reference.setDescription(
        title + ", sealed by the clinic; SHA-256 " + copy.sha256().toLowerCase(Locale.ROOT));
    Attachment attachment = reference.addContent().getAttachment();
    attachment.setContentType("application/pdf");
    attachment.setTitle(title);
    attachment.setSize((int) Math.min(Integer.MAX_VALUE, copy.sizeBytes()));
    attachment.setCreationElement(dateTime(copy.sealedAt()));
    if (copy.url() != null) {
      attachment.setUrl(copy.url());
    }
    narrate(reference, title + " (PDF, SHA-256 " + copy.sha256() + ")");
    return add("DocumentReference/" + copy.recordType() + "/" + copy.recordId(), reference);
  }

  private void provenance(
      String key,
      String target,
      Instant signedAt,
      Reference who,
      Coding signatureType,
      String hashed,
      String sha256,
      Optional<String> document) {
    Provenance provenance = new Provenance();
    provenance.addTarget(ref(target));
    provenance.setRecordedElement(instant(signedAt));
    provenance.addAgent().setWho(who.copy());
    provenance
        .addSignature()
        .addType(signatureType)
        .setWhenElement(instant(signedAt))
        .setWho(who.copy());
    if (sha256 != null) {
      provenance
          .addEntity()
          .setRole(Provenance.ProvenanceEntityRole.SOURCE)
          .setWhat(
              new Reference()
                  .setIdentifier(sha256Identifier(sha256))
                  .setDisplay(hashed + ", SHA-256 " + sha256.toLowerCase(Locale.ROOT)));
    }
    document.ifPresent(
        url ->
            provenance
                .addEntity()
                .setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(ref(url)));
    narrate(
        provenance,
        "Signed at "
            + signedAt
            + (sha256 == null
                ? ""
                : "; " + hashed + " SHA-256 " + sha256.toLowerCase(Locale.ROOT)));
    add("Provenance/" + key, provenance);
  }

  private static Coding authorSignature() {
    return new Coding(SIGNATURE_TYPES, "1.2.840.10065.1.12.1.1", "Author's Signature");
  }

  /** A SHA-256 as a URI naming the bytes it covers (RFC 6920: {@code ni:///sha-256;...}). */
  static Identifier sha256Identifier(String hex) {
    byte[] digest = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    return new Identifier()
        .setSystem(URI_SYSTEM)
        .setValue(
            "ni:///sha-256;" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
  }

  private String add(String key, Resource resource) {
    String url =
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                ("myochart:client:" + chart.client().id() + ":" + key)
                    .getBytes(StandardCharsets.UTF_8));
    bundle.addEntry().setFullUrl(url).setResource(resource);
    return url;
  }

  private static Reference ref(String url) {
    return new Reference(url);
  }

  private static CodeableConcept text(String text) {
    return new CodeableConcept().setText(text);
  }

  private static ContactPoint phone(String number) {
    return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static DateTimeType dateTime(Instant instant) {
    return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
  }

  private static InstantType instant(Instant instant) {
    return new InstantType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
  }

  private static void narrate(DomainResource resource, String text) {
    resource.setText(narrative(List.of(text)));
  }

  private static Narrative narrative(List<String> paragraphs) {
    XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
    div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
    for (String paragraph : paragraphs) {
      div.addTag("p").addText(paragraph == null ? "" : paragraph);
    }
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }
}
