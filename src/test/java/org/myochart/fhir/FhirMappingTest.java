package org.myochart.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;
import org.myochart.consent.ConsentStatus;
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
import org.myochart.fhir.FhirChart.WarningKind;
import org.myochart.testsupport.FhirValidation;

class FhirMappingTest {

  private static final Instant SIGNED = Instant.parse("2026-03-02T10:15:30Z");
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Therapist INGRID = new Therapist("ingrid", "Ingrid Halvorsen, LMT");

  private static FhirChart.Person lea() {
    return new FhirChart.Person(
        7,
        "Lea",
        "Brandt",
        LocalDate.of(2010, 1, 5),
        "+47 955 10 010",
        "lea@example.org",
        "Norwegian",
        "Dr. Kari Holm",
        "Eva Brandt",
        "+47 955 10 011",
        true);
  }

  private static FhirChart full() {
    SignedConsent consent =
        new SignedConsent(
            11,
            "Consent to massage treatment",
            2,
            true,
            ConsentStatus.VALID,
            SIGNED,
            SIGNED.plusSeconds(86_400L * 365),
            null,
            "Eva Brandt",
            "mother",
            HASH,
            List.of(
                new TechniqueChoice("Trigger point therapy", true),
                new TechniqueChoice("Acupressure on points of the head", false)),
            Optional.of(
                new SealedCopy(
                    "Consent",
                    11,
                    HASH,
                    48_000,
                    SIGNED,
                    "https://clinic.example/api/v1/consents/11/pdf")));
    SignedConsent withdrawn =
        new SignedConsent(
            12,
            "Electronic records disclosure",
            1,
            false,
            ConsentStatus.WITHDRAWN,
            SIGNED,
            SIGNED.plusSeconds(86_400L * 365),
            SIGNED.plusSeconds(3600),
            null,
            null,
            HASH,
            List.of(),
            Optional.empty());
    Map<NoteSection, Map<String, String>> sections = new LinkedHashMap<>();
    sections.put(
        NoteSection.SUBJECTIVE, Map.of("In the client's words", "Pain <behind> the eye & neck"));
    sections.put(
        NoteSection.PLAN, Map.of("Home care", "Chin tucks twice a day\r\nWarm shower before bed"));
    SignedNote note =
        new SignedNote(
            21,
            SIGNED.minusSeconds(3600),
            "Follow-up",
            INGRID,
            SIGNED,
            HASH,
            sections,
            List.of(
                new Measure(
                    "painBefore",
                    "Pain before the session",
                    6,
                    0,
                    10,
                    NoteSection.ASSESSMENT,
                    true),
                new Measure(
                    "painAfter", "Pain after the session", 3, 0, 10, NoteSection.ASSESSMENT, true),
                new Measure(
                    "sleepQuality", "Sleep quality", 2, 1, 5, NoteSection.SUBJECTIVE, false)),
            List.of(
                new Treatment(
                    "Trigger point therapy",
                    "Sternocleidomastoid",
                    "22823000",
                    Side.LEFT,
                    "Moderate",
                    8),
                new Treatment(
                    "Myofascial release", "Suboccipitals (group)", null, Side.BOTH, "Light", 6),
                new Treatment("Acupressure", "GV16 Fengfu", null, Side.MIDLINE, null, null),
                new Treatment(
                    "Myofascial release",
                    "Sternocleidomastoid",
                    "22823000",
                    Side.LEFT,
                    "Light",
                    4)),
            List.of(
                new Addendum(
                    31,
                    "Late entry",
                    "The client reported dizziness after leaving.",
                    INGRID,
                    SIGNED.plusSeconds(7200),
                    HASH,
                    Optional.of(new SealedCopy("NoteAddendum", 31, HASH, 30_000, SIGNED, null)))),
            Optional.of(new SealedCopy("SoapNote", 21, HASH, 52_000, SIGNED, null)));
    return new FhirChart(
        "Harbourside Migraine Massage",
        SIGNED.plusSeconds(86_400),
        lea(),
        List.of(
            new FhirChart.MedicationTaken(
                "Sumatriptan 50 mg", List.of("Acute (for an attack)", "Triptan"), 2, SIGNED)),
        List.of(
            new Warning(
                WarningKind.RED_FLAG,
                "A new kind of headache",
                true,
                LocalDate.of(2026, 3, 1),
                null),
            new Warning(
                WarningKind.RESTRICTION,
                "Neck: no pressure firmer than light",
                false,
                LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 5))),
        List.of(consent, withdrawn),
        List.of(note));
  }

  private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void aClientWithNothingRecordedIsAPatientAloneAndValid() {
    FhirChart empty =
        new FhirChart("Clinic", SIGNED, lea(), List.of(), List.of(), List.of(), List.of());

    Bundle bundle = FhirMapping.bundle(empty);

    assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
    assertEquals(1, bundle.getEntry().size());
    Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
    assertEquals("Brandt", patient.getNameFirstRep().getFamily());
    assertEquals("2010-01-05", patient.getBirthDateElement().getValueAsString());
    assertEquals(List.of(), FhirValidation.errors(FhirMapping.json(bundle, false)));
  }

  @Test
  void theFullRecordValidatesAgainstTheR4SpecificationWithoutErrors() {
    String json = FhirMapping.json(FhirMapping.bundle(full()), false);

    assertEquals(
        List.of(),
        FhirValidation.errors(json),
        () -> String.join("\n", FhirValidation.messages(json)));
  }

  @Test
  void aSignedNoteIsAProgressNoteWithSoapSectionsAndALegalAttester() {
    Bundle bundle = FhirMapping.bundle(full());

    Composition note =
        all(bundle, Composition.class).stream()
            .filter(c -> c.getRelatesTo().isEmpty())
            .findFirst()
            .orElseThrow();
    assertEquals("11506-3", note.getType().getCodingFirstRep().getCode());
    assertEquals(Composition.CompositionStatus.AMENDED, note.getStatus(), "it has an addendum");
    assertEquals(
        List.of("Subjective", "Treatment", "Assessment", "Plan"),
        note.getSection().stream().map(Composition.SectionComponent::getTitle).toList(),
        "sections in SOAP order, those with nothing left out");
    assertEquals(
        List.of("61150-9", "", "51848-0", "18776-5"),
        note.getSection().stream()
            .map(s -> s.hasCode() ? s.getCode().getCodingFirstRep().getCode() : "")
            .toList());
    assertEquals(
        Composition.CompositionAttestationMode.LEGAL, note.getAttesterFirstRep().getMode());
    assertEquals(SIGNED, note.getAttesterFirstRep().getTime().toInstant());
    assertTrue(
        note.getSectionFirstRep()
            .getText()
            .getDivAsString()
            .contains("Pain &lt;behind&gt; the eye &amp; neck"),
        "typed text is escaped in the narrative");
  }

  @Test
  void anAddendumAppendsToItsNote() {
    Bundle bundle = FhirMapping.bundle(full());

    Composition addendum =
        all(bundle, Composition.class).stream()
            .filter(Composition::hasRelatesTo)
            .findFirst()
            .orElseThrow();
    assertEquals(
        Composition.DocumentRelationshipType.APPENDS, addendum.getRelatesToFirstRep().getCode());
    String noteUrl =
        bundle.getEntry().stream()
            .filter(e -> e.getResource() instanceof Composition c && !c.hasRelatesTo())
            .findFirst()
            .orElseThrow()
            .getFullUrl();
    assertEquals(noteUrl, addendum.getRelatesToFirstRep().getTargetReference().getReference());
  }

  @Test
  void painIsOnTheLoincNumericScaleAndOtherMeasuresAreText() {
    List<Observation> observations = all(FhirMapping.bundle(full()), Observation.class);

    assertEquals(3, observations.size());
    Observation before = observations.get(0);
    assertEquals(FhirMapping.PAIN_SCALE, before.getCode().getCodingFirstRep().getCode());
    assertEquals(6, before.getValueIntegerType().getValue());
    Observation sleep = observations.get(2);
    assertFalse(sleep.getCode().hasCoding());
    assertEquals("Sleep quality (scale 1–5)", sleep.getCode().getText());
  }

  @Test
  void bodySitesCarrySnomedOnlyWhereCheckedAndLateralityAsAQualifier() {
    Bundle bundle = FhirMapping.bundle(full());

    List<Procedure> procedures = all(bundle, Procedure.class);
    assertEquals(4, procedures.size());
    var scm = procedures.get(0).getBodySiteFirstRep();
    assertEquals(FhirMapping.SNOMED, scm.getCodingFirstRep().getSystem());
    assertEquals("22823000", scm.getCodingFirstRep().getCode());
    assertTrue(scm.hasExtension(FhirMapping.BODY_SITE));
    assertFalse(procedures.get(1).getBodySiteFirstRep().hasCoding(), "no checked code");
    List<BodyStructure> structures = all(bundle, BodyStructure.class);
    assertEquals(3, structures.size(), "the left sternocleidomastoid once for its two rows");
    assertEquals(
        "7771000", structures.get(0).getLocationQualifierFirstRep().getCodingFirstRep().getCode());
    assertEquals(
        "51440002", structures.get(1).getLocationQualifierFirstRep().getCodingFirstRep().getCode());
    assertFalse(
        structures.get(2).getLocationQualifierFirstRep().hasCoding(), "midline has no code");
  }

  @Test
  void consentsHaveScopeStatusAProvisionPerTechniqueAndTheSealedPdf() {
    Bundle bundle = FhirMapping.bundle(full());

    List<Consent> consents = all(bundle, Consent.class);
    Consent treatment = consents.get(0);
    assertEquals("treatment", treatment.getScope().getCodingFirstRep().getCode());
    assertEquals(Consent.ConsentState.ACTIVE, treatment.getStatus());
    assertEquals(
        List.of(Consent.ConsentProvisionType.PERMIT, Consent.ConsentProvisionType.DENY),
        treatment.getProvision().getProvision().stream().map(p -> p.getType()).toList());
    assertEquals("Eva Brandt (mother)", treatment.getPerformerFirstRep().getDisplay());
    DocumentReference pdf = all(bundle, DocumentReference.class).get(0);
    assertEquals(
        treatment.getSourceReference().getReference(),
        bundle.getEntry().stream()
            .filter(e -> e.getResource() == pdf)
            .findFirst()
            .orElseThrow()
            .getFullUrl());
    assertEquals(
        "ni:///sha-256;n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
        pdf.getMasterIdentifier().getValue());
    assertEquals(
        "https://clinic.example/api/v1/consents/11/pdf",
        pdf.getContentFirstRep().getAttachment().getUrl());
    assertEquals(Consent.ConsentState.INACTIVE, consents.get(1).getStatus(), "withdrawn");
    assertEquals("patient-privacy", consents.get(1).getScope().getCodingFirstRep().getCode());
  }

  @Test
  void everySignatureHasAProvenanceWithItsHash() {
    List<Provenance> provenances = all(FhirMapping.bundle(full()), Provenance.class);

    assertEquals(4, provenances.size(), "two consents, a note and an addendum");
    for (Provenance provenance : provenances) {
      assertEquals(1, provenance.getSignature().size());
      assertTrue(
          provenance.getEntity().stream()
              .anyMatch(e -> e.getWhat().getIdentifier().getValue().startsWith("ni:///sha-256;")));
    }
  }

  @Test
  void redFlagsAndRestrictionsAreFlagsWithAStatusAndAnOrderlyPeriod() {
    List<Flag> flags = all(FhirMapping.bundle(full()), Flag.class);

    assertEquals(Flag.FlagStatus.ACTIVE, flags.get(0).getStatus());
    assertEquals("clinical", flags.get(0).getCategoryFirstRep().getCodingFirstRep().getCode());
    assertEquals(Flag.FlagStatus.INACTIVE, flags.get(1).getStatus());
    assertEquals("safety", flags.get(1).getCategoryFirstRep().getCodingFirstRep().getCode());
    assertEquals(
        "2026-03-10",
        flags.get(1).getPeriod().getEndElement().getValueAsString(),
        "ended before it began: the end is its first day");
  }

  @Test
  void theOneLineFormIsTheSameBundleWithoutLineBreaksForNdjson() {
    Bundle bundle = FhirMapping.bundle(full());

    String line = FhirMapping.json(bundle, true);

    assertFalse(line.contains("\n"));
    Bundle read =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, line);
    assertEquals(
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList(),
        read.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
  }

  @Test
  void anNdjsonLineIsOneValidResourceEndedByALineFeedEvenWhenItsTextsHaveLineBreaks() {
    Bundle bundle = FhirMapping.bundle(full());

    String line = new String(FhirMapping.ndjsonLine(bundle), StandardCharsets.UTF_8);

    assertTrue(line.endsWith("\n"), line);
    String json = line.substring(0, line.length() - 1);
    assertFalse(json.contains("\n") || json.contains("\r"), json);
    Bundle read =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, json);
    assertEquals(FhirMapping.counts(bundle), FhirMapping.counts(read));
    assertTrue(
        json.contains("Chin tucks twice a day\\r\\nWarm shower before bed"),
        "the line break inside the answer is escaped");
    assertEquals(List.of(), FhirValidation.errors(json));
  }

  @Test
  void theSameRecordKeepsItsEntryNameFromOneExportToTheNext() {
    assertEquals(
        FhirMapping.bundle(full()).getEntry().stream().map(e -> e.getFullUrl()).toList(),
        FhirMapping.bundle(full()).getEntry().stream().map(e -> e.getFullUrl()).toList());
  }
}
