package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.audit.AuditEntry;
import org.myochart.consent.Answer;
import org.myochart.consent.Consent;
import org.myochart.consent.MarkdownText;
import org.myochart.consent.SigningMethod;
import org.myochart.treatment.NoteAddendum;
import org.myochart.treatment.NoteComparison;
import org.myochart.treatment.NoteField;
import org.myochart.treatment.NoteSection;
import org.myochart.treatment.RestrictionOverride;
import org.myochart.treatment.SoapNote;

/** What each kind of record says on paper: content, signature manifestation, audit trail. */
final class RecordDocuments {

  static final String CONSENT_MEANING =
      "I have read this form, had the chance to ask questions, and agree to it.";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'xxx", java.util.Locale.ENGLISH);

  private RecordDocuments() {}

  /**
   * A time in the clinic's zone with its offset from UTC: "6 December 2026, 14:05:03 UTC+01:00".
   */
  static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone));
  }

  /**
   * A time to the fraction of a second, in the clinic's zone with its offset, as an audit entry
   * stores it: "2026-12-06T14:05:03.123456+01:00".
   */
  static String exactly(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
  }

  private static final Map<NoteSection, String> SECTION_HEADINGS =
      Map.of(
          NoteSection.SUBJECTIVE, "S · Subjective",
          NoteSection.OBJECTIVE, "O · Objective",
          NoteSection.TREATMENT, "Treatment given",
          NoteSection.ASSESSMENT, "A · Assessment",
          NoteSection.PLAN, "P · Plan");

  static RecordPdf consent(String clinic, Consent consent, List<AuditEntry> trail, ZoneId zone) {
    var version = consent.getFormVersion();
    RecordPdf pdf =
        header(
            clinic,
            "Signed consent",
            "Consent " + consent.getId(),
            consent.getClient().getFullName(),
            consent.getClient().getDateOfBirth().toString());
    pdf.add(RecordPdf.Style.HEADING, version.getTitle())
        .add(
            RecordPdf.Style.SMALL,
            "Form version "
                + version.getVersionNumber()
                + " · text SHA-256 "
                + version.getTextSha256());
    for (MarkdownText.Block block : version.getBodyBlocks()) {
      RecordPdf.Style style =
          block.kind() == MarkdownText.BlockKind.HEADING
              ? RecordPdf.Style.BOLD
              : RecordPdf.Style.TEXT;
      pdf.add(
          style, (block.getMarker().isEmpty() ? "" : block.getMarker() + " ") + block.plainText());
    }
    pdf.add(RecordPdf.Style.HEADING, "Answers");
    for (Answer answer : consent.getAnswers()) {
      String mark =
          answer.getKind().name().equals("ACKNOWLEDGEMENT")
              ? "[x] "
              : (answer.isAccepted() ? "Accepted: " : "Declined: ");
      pdf.add(RecordPdf.Style.TEXT, mark + answer.getText());
    }
    boolean disclosure = consent.getFormVersion().isDisclosure();
    pdf.add(RecordPdf.Style.HEADING, disclosure ? "Acceptance" : "Signature");
    SignatureInk.fromJson(consent.getSignatureStrokes())
        .ifPresentOrElse(
            ink -> pdf.signature(ink, 200),
            () -> {
              if (consent.getSignaturePng() != null) {
                pdf.image(consent.getSignaturePng(), 200);
              }
            });
    pdf.field(
            disclosure ? "Accepted by" : "Signed by",
            consent.getSignerName() == null
                ? "no name was captured (accepted before MyoChart asked for one)"
                : consent.getSignerName())
        .field(
            disclosure ? "Who accepted" : "Signer",
            consent.getSignerRole().name().equals("GUARDIAN")
                ? "parent or guardian ("
                    + (consent.getGuardianRelationship() == null
                        ? "relationship not recorded"
                        : consent.getGuardianRelationship())
                    + ")"
                : "the client")
        .field("Signed at", when(consent.getSignedAt(), zone))
        .field("Meaning", CONSENT_MEANING)
        .field(
            "How",
            consent.getMethod() == SigningMethod.PAPER
                ? "on paper, dated "
                    + consent.getPaperSignedOn()
                    + "; scan SHA-256 "
                    + consent.getScanSha256()
                : (disclosure
                        ? "accepted with a typed name on the clinic's tablet, kiosk session "
                        : "drawn on the clinic's tablet, kiosk session ")
                    + consent.getKioskSessionId()
                    + ", handed over by "
                    + consent.getStartedBy()
                    + ", device "
                    + consent.getIpAddress())
        .add(RecordPdf.Style.SMALL, "Evidence SHA-256 " + consent.getEvidenceSha256())
        .footer("Consent " + consent.getId() + " · evidence SHA-256 " + consent.getEvidenceSha256())
        .attachHashedText(
            evidenceFile(consent),
            consent.evidenceText(),
            "The exact text whose SHA-256 is the consent's evidence hash")
        .attachHashedText(
            formTextFile(consent),
            version.getShownText(),
            "The exact form text whose SHA-256 is the consent's text hash");
    return trail(pdf, trail, zone);
  }

  static String evidenceFile(Consent consent) {
    return "consent-" + consent.getId() + ".evidence.txt";
  }

  static String formTextFile(Consent consent) {
    return "consent-" + consent.getId() + ".form-text.txt";
  }

  static String addendumHashedFile(NoteAddendum addendum) {
    return "addendum-" + addendum.getId() + ".hashed.txt";
  }

  static String consentSource(Consent consent) {
    JsonArrayBuilder answers = JSON.createArrayBuilder();
    consent
        .getAnswers()
        .forEach(
            a ->
                answers.add(
                    JSON.createObjectBuilder()
                        .add("kind", a.getKind().name())
                        .add("code", a.getCode())
                        .add("text", a.getText())
                        .add("accepted", a.isAccepted())));
    var json =
        JSON.createObjectBuilder()
            .add("type", "consent")
            .add("id", consent.getId())
            .add("client", consent.getClient().getId())
            .add("form", consent.getFormVersion().getForm().getCode())
            .add("formVersion", consent.getFormVersion().getVersionNumber())
            .add("formTitle", consent.getFormVersion().getTitle())
            .add("textSha256", consent.getTextSha256())
            .add("method", consent.getMethod().name())
            .add("signedAt", consent.getSignedAt().toString())
            .add("signerRole", consent.getSignerRole().name())
            .add("answers", answers)
            .add("evidenceSha256", consent.getEvidenceSha256())
            .add("evidenceFile", evidenceFile(consent))
            .add("formTextFile", formTextFile(consent));
    if (consent.getSignerName() != null) {
      json.add("signerName", consent.getSignerName());
    }
    optional(json, "guardianRelationship", consent.getGuardianRelationship());
    optional(json, "kioskSession", consent.getKioskSessionId());
    optional(json, "handedOverBy", consent.getStartedBy());
    optional(json, "deviceAddress", consent.getIpAddress());
    optional(json, "userAgent", consent.getUserAgent());
    optional(
        json,
        "paperSignedOn",
        consent.getPaperSignedOn() == null ? null : consent.getPaperSignedOn().toString());
    optional(json, "scanSha256", consent.getScanSha256());
    if (consent.getSignatureStrokes() != null) {
      json.add("signatureStrokes", consent.getSignatureStrokes());
    }
    return json.build().toString();
  }

  private static void optional(jakarta.json.JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  static RecordPdf note(
      String clinic,
      SoapNote note,
      Function<String, String> names,
      List<RestrictionOverride> overrides,
      List<AuditEntry> trail,
      ZoneId zone) {
    RecordPdf pdf =
        header(
            clinic,
            "Signed SOAP note",
            "Note " + note.getId(),
            note.getClient().getFullName(),
            note.getClient().getDateOfBirth().toString());
    pdf.field(
            "Session",
            note.getSession().getKind().label()
                + ", "
                + when(note.getSession().getStartsAt(), zone))
        .field("Therapist", note.getSession().getTherapistName());
    var content = note.content();
    String muscles = NoteField.TREATED_MUSCLES.heading();
    for (var section : NoteComparison.readableBySection(content, names).entrySet()) {
      pdf.add(RecordPdf.Style.HEADING, SECTION_HEADINGS.get(section.getKey()));
      if (section.getKey() == NoteSection.TREATMENT && !content.getTreatedMuscles().isEmpty()) {
        pdf.add(RecordPdf.Style.BOLD, muscles)
            .table(
                List.of("Muscle", "Side", "Technique", "Pressure", "Minutes"),
                content.getTreatedMuscles().stream()
                    .map(
                        row ->
                            List.of(
                                names.apply(CatalogueKind.MUSCLE + ":" + row.getMuscle()),
                                row.getSide().label(),
                                names.apply(CatalogueKind.TECHNIQUE + ":" + row.getTechnique()),
                                row.getPressure().label(),
                                String.valueOf(row.getMinutes())))
                    .toList(),
                4,
                1.4f,
                3,
                1.6f,
                1.2f);
      }
      for (Map.Entry<String, String> entry : section.getValue().entrySet()) {
        if (!entry.getKey().equals(muscles)) {
          pdf.add(RecordPdf.Style.BOLD, entry.getKey()).add(RecordPdf.Style.TEXT, entry.getValue());
        }
      }
    }
    if (!overrides.isEmpty()) {
      pdf.add(RecordPdf.Style.HEADING, "Restrictions overridden")
          .add(
              RecordPdf.Style.TEXT,
              "The therapist signed this note although its rows break these restrictions:");
      for (RestrictionOverride override : overrides) {
        pdf.add(RecordPdf.Style.TEXT, "• " + override.getRestriction().describe(names));
      }
      RestrictionOverride given = overrides.get(0);
      pdf.field("Reason for overriding", given.getReason())
          .field(
              "Overridden by",
              given.getOverriddenBy() + " at " + when(given.getOverriddenAt(), zone));
    }
    pdf.add(RecordPdf.Style.HEADING, "Signature")
        .field("Signed by", note.getSignedName() + " (" + note.getSignedBy() + ")")
        .field("Signed at", when(note.getSignedAt(), zone))
        .field("Meaning", note.getSignatureMeaning())
        .add(RecordPdf.Style.SMALL, "Content SHA-256 " + note.getContentSha256())
        .footer("SOAP note " + note.getId() + " · content SHA-256 " + note.getContentSha256());
    return trail(pdf, trail, zone);
  }

  static RecordPdf addendum(
      String clinic, NoteAddendum addendum, List<AuditEntry> trail, ZoneId zone) {
    SoapNote note = addendum.getNote();
    RecordPdf pdf =
        header(
            clinic,
            "Signed addendum",
            "Addendum " + addendum.getId() + " to note " + note.getId(),
            note.getClient().getFullName(),
            note.getClient().getDateOfBirth().toString());
    pdf.field("To the note of the session", when(note.getSession().getStartsAt(), zone))
        .field("Note content SHA-256", note.getContentSha256())
        .field("Reason", addendum.getReason())
        .add(RecordPdf.Style.TEXT, addendum.getBody())
        .add(RecordPdf.Style.HEADING, "Signature")
        .field("Signed by", addendum.getSignedName() + " (" + addendum.getSignedBy() + ")")
        .field("Signed at", when(addendum.getSignedAt(), zone))
        .field("Meaning", addendum.getSignatureMeaning())
        .add(RecordPdf.Style.SMALL, "Addendum SHA-256 " + addendum.getContentSha256())
        .footer(
            "Addendum " + addendum.getId() + " · addendum SHA-256 " + addendum.getContentSha256())
        .attachHashedText(
            addendumHashedFile(addendum),
            addendum.hashedText(),
            "The exact text whose SHA-256 is the addendum's hash");
    return trail(pdf, trail, zone);
  }

  static String addendumSource(NoteAddendum addendum) {
    return JSON.createObjectBuilder()
        .add("type", "addendum")
        .add("id", addendum.getId())
        .add("note", addendum.getNote().getId())
        .add("noteContentSha256", addendum.getNote().getContentSha256())
        .add("reason", addendum.getReason())
        .add("body", addendum.getBody())
        .add("signedBy", addendum.getSignedBy())
        .add("signedName", addendum.getSignedName())
        .add("signedAt", addendum.getSignedAt().toString())
        .add("meaning", addendum.getSignatureMeaning())
        .add("contentSha256", addendum.getContentSha256())
        .add("hashedFile", addendumHashedFile(addendum))
        .build()
        .toString();
  }

  private static RecordPdf header(
      String clinic, String kind, String id, String client, String born) {
    return new RecordPdf()
        .add(RecordPdf.Style.SMALL, clinic)
        .add(RecordPdf.Style.TITLE, kind + " · " + client)
        .field("Record", id)
        .field("Client", client + ", born " + born);
  }

  private static RecordPdf trail(RecordPdf pdf, List<AuditEntry> trail, ZoneId zone) {
    pdf.add(RecordPdf.Style.HEADING, "Audit trail up to signing");
    for (AuditEntry entry : trail) {
      pdf.add(
          RecordPdf.Style.SMALL,
          exactly(entry.getOccurredAt(), zone)
              + " · "
              + entry.getAction()
              + " · "
              + entry.getActor()
              + (entry.getActorRole() == null ? "" : " (" + entry.getActorRole() + ")")
              + " · "
              + (entry.getIpAddress() == null ? "no address" : entry.getIpAddress())
              + (entry.getUserAgent() == null ? "" : " · " + entry.getUserAgent()));
    }
    return pdf;
  }
}
