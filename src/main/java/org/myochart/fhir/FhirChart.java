package org.myochart.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.myochart.anatomy.Side;
import org.myochart.consent.ConsentStatus;

/**
 * What a client's FHIR Bundle is made of, read from the stored records and already decided (which
 * flag is active, which consent stands): {@link FhirMapping} turns it into resources without asking
 * the database anything.
 */
public record FhirChart(
    String clinicName,
    Instant exportedAt,
    Person client,
    List<MedicationTaken> medications,
    List<Warning> warnings,
    List<SignedConsent> consents,
    List<SignedNote> notes) {

  /** The client as a person. */
  public record Person(
      long id,
      String firstName,
      String lastName,
      LocalDate dateOfBirth,
      String phone,
      String email,
      String preferredLanguage,
      String physicianName,
      String emergencyContactName,
      String emergencyContactPhone,
      boolean active) {}

  /** A medicine named in the current health intake. */
  public record MedicationTaken(
      String name, List<String> kinds, int intakeVersion, Instant assertedAt) {}

  /** What a physician should know before anyone touches the client. */
  public enum WarningKind {
    /** A headache red flag answered yes in the intake. */
    RED_FLAG,
    /** A treatment restriction recorded by a therapist. */
    RESTRICTION
  }

  /** A red flag or a restriction, with whether it still holds. */
  public record Warning(
      WarningKind kind, String text, boolean active, LocalDate from, LocalDate until) {}

  /** A sealed PDF as the clinic stores it: the signed record's legal copy. */
  public record SealedCopy(
      String recordType,
      long recordId,
      String sha256,
      long sizeBytes,
      Instant sealedAt,
      String url) {}

  /** A technique on the consent form, accepted or declined. */
  public record TechniqueChoice(String text, boolean accepted) {}

  /** A signed consent and where it stands. */
  public record SignedConsent(
      long id,
      String title,
      int formVersion,
      boolean treatment,
      ConsentStatus status,
      Instant signedAt,
      Instant expiresAt,
      Instant withdrawnAt,
      String signerName,
      String guardianRelationship,
      String evidenceSha256,
      List<TechniqueChoice> techniques,
      Optional<SealedCopy> sealed) {

    /** Whether a parent or guardian signed for the client. */
    public boolean signedByGuardian() {
      return guardianRelationship != null;
    }
  }

  /** A therapist who signed something, by user name and printed name. */
  public record Therapist(String username, String name) {}

  /** A number the note records on a scale, such as pain before the session on 0–10. */
  public record Measure(
      String key, String label, int value, int min, int max, NoteSection section, boolean pain) {}

  /** The sections of a note as a physician reads them. */
  public enum NoteSection {
    SUBJECTIVE,
    OBJECTIVE,
    TREATMENT,
    ASSESSMENT,
    PLAN
  }

  /** One thing done in the session: a muscle worked with a technique, or a point pressed. */
  public record Treatment(
      String what,
      String structure,
      String structureSnomedCode,
      Side side,
      String pressure,
      Integer minutes) {}

  /** A signed addendum to a note. */
  public record Addendum(
      long id,
      String reason,
      String body,
      Therapist signer,
      Instant signedAt,
      String contentSha256,
      Optional<SealedCopy> sealed) {}

  /** A signed SOAP note with what it measured and what was done. */
  public record SignedNote(
      long id,
      Instant sessionStart,
      String sessionKind,
      Therapist signer,
      Instant signedAt,
      String contentSha256,
      java.util.Map<NoteSection, java.util.Map<String, String>> sections,
      List<Measure> measures,
      List<Treatment> treatments,
      List<Addendum> addenda,
      Optional<SealedCopy> sealed) {}
}
