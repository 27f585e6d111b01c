package org.myochart.consent;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.myochart.client.Client;
import org.myochart.platform.Sha256;

/**
 * A client's signed consent to one form version: the legal record of what they were shown, what
 * they answered, who signed, when and how. Every column is written once; witnessing and withdrawal
 * are separate records that point here.
 */
@Entity
@Table(name = "consent")
public class Consent implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_seq")
  @SequenceGenerator(name = "consent_seq", sequenceName = "consent_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "form_version_id", updatable = false)
  private ConsentFormVersion formVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SigningMethod method;

  @Column(name = "signed_at", nullable = false, updatable = false)
  private Instant signedAt;

  @Column(name = "signer_name", updatable = false)
  private String signerName;

  @Enumerated(EnumType.STRING)
  @Column(name = "signer_role", nullable = false, updatable = false)
  private SignerRole signerRole;

  @Column(name = "guardian_relationship", updatable = false)
  private String guardianRelationship;

  @Column(name = "text_sha256", nullable = false, updatable = false)
  private String textSha256;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "consent_answer", joinColumns = @JoinColumn(name = "consent_id"))
  @OrderColumn(name = "position")
  private List<Answer> answers = new ArrayList<>();

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "signature_strokes", updatable = false)
  private String signatureStrokes;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "signature_png", updatable = false)
  private byte[] signaturePng;

  @Basic(fetch = FetchType.LAZY)
  @Column(updatable = false)
  private byte[] scan;

  @Column(name = "scan_content_type", updatable = false)
  private String scanContentType;

  @Column(name = "scan_sha256", updatable = false)
  private String scanSha256;

  @Column(name = "paper_signed_on", updatable = false)
  private LocalDate paperSignedOn;

  @Column(name = "kiosk_session_id", updatable = false)
  private String kioskSessionId;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(name = "ip_address", updatable = false)
  private String ipAddress;

  @Column(name = "user_agent", updatable = false)
  private String userAgent;

  @Column(name = "submission_id", nullable = false, updatable = false)
  private String submissionId;

  @Column(name = "evidence_sha256", nullable = false, updatable = false)
  private String evidenceSha256;

  protected Consent() {}

  /** A consent given on the tablet. */
  static Consent electronic(
      Client client,
      ConsentFormVersion version,
      List<Answer> answers,
      SignedBy signer,
      DrawnSignature signature,
      KioskEvidence kiosk,
      Instant signedAt) {
    Consent consent =
        new Consent(
            client,
            version,
            SigningMethod.ELECTRONIC,
            answers,
            signer,
            kiosk.startedBy(),
            signedAt,
            kiosk.submissionId());
    if (signature != null) {
      consent.signatureStrokes = signature.toJson();
      consent.signaturePng = signature.toPng();
    }
    consent.kioskSessionId = kiosk.kioskSessionId();
    consent.ipAddress = kiosk.ipAddress();
    consent.userAgent = kiosk.userAgent();
    consent.evidenceSha256 = Sha256.of(consent.evidence());
    return consent;
  }

  /** A consent signed on paper, recorded by staff with the scanned page. */
  static Consent paper(
      Client client,
      ConsentFormVersion version,
      List<Answer> answers,
      SignedBy signer,
      LocalDate signedOn,
      String scanContentType,
      byte[] scan,
      String recordedBy,
      Instant recordedAt,
      String submissionId) {
    Consent consent =
        new Consent(
            client,
            version,
            SigningMethod.PAPER,
            answers,
            signer,
            recordedBy,
            recordedAt,
            submissionId);
    consent.paperSignedOn = signedOn;
    consent.scan = scan.clone();
    consent.scanContentType = scanContentType;
    consent.scanSha256 = Sha256.of(scan);
    consent.evidenceSha256 = Sha256.of(consent.evidence());
    return consent;
  }

  private Consent(
      Client client,
      ConsentFormVersion version,
      SigningMethod method,
      List<Answer> answers,
      SignedBy signer,
      String startedBy,
      Instant signedAt,
      String submissionId) {
    this.client = client;
    this.formVersion = version;
    this.method = method;
    this.answers = new ArrayList<>(answers);
    this.signerName = signer.name();
    this.signerRole = signer.role();
    this.guardianRelationship = signer.guardianRelationship();
    this.textSha256 = version.getTextSha256();
    this.startedBy = startedBy;
    this.signedAt = signedAt;
    this.submissionId = submissionId;
  }

  /**
   * The exact text the evidence hash covers; attached to the sealed PDF so that anyone can
   * recompute the hash (docs/records.md).
   */
  public String evidenceText() {
    return evidence();
  }

  /**
   * Everything the consent says, in a fixed order with lengths, so no two different records share a
   * text. Its SHA-256 is stored as the evidence hash.
   */
  String evidence() {
    List<String> parts =
        new ArrayList<>(
            List.of(
                "consent",
                String.valueOf(client.getId()),
                String.valueOf(formVersion.getId()),
                String.valueOf(formVersion.getVersionNumber()),
                textSha256,
                method.name(),
                signedAt.toString(),
                String.valueOf(signerName),
                signerRole.name(),
                String.valueOf(guardianRelationship),
                String.valueOf(signatureStrokes),
                signaturePng == null ? "null" : Sha256.of(signaturePng),
                String.valueOf(scanSha256),
                String.valueOf(paperSignedOn),
                String.valueOf(kioskSessionId),
                startedBy,
                String.valueOf(ipAddress),
                String.valueOf(userAgent),
                submissionId));
    answers.forEach(answer -> parts.add(answer.canonical()));
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> text.append(part.length()).append(':').append(part).append('\n'));
    return text.toString();
  }

  /** Whether the stored evidence still matches the stored record. */
  public boolean evidenceIntact() {
    return Sha256.of(evidence()).equals(evidenceSha256)
        && textSha256.equals(Sha256.of(formVersion.getShownText()))
        && (scan == null ? scanSha256 == null : Sha256.of(scan).equals(scanSha256));
  }

  /** The last moment the consent is valid, from its signing and the form's validity period. */
  public Instant expiresAt(ZoneId zone) {
    ZonedDateTime signed =
        (paperSignedOn != null ? paperSignedOn.atStartOfDay(zone) : signedAt.atZone(zone));
    return signed.plusMonths(formVersion.getValidityMonths()).toInstant();
  }

  /**
   * Whether the client declined a technique that the test (given the item's code and text) picks
   * out.
   */
  public boolean declined(java.util.function.BiPredicate<String, String> technique) {
    return answers.stream()
        .anyMatch(
            a ->
                a.getKind() == ItemKind.TECHNIQUE
                    && !a.isAccepted()
                    && technique.test(a.getCode(), a.getText()));
  }

  public List<Answer> getAcknowledgements() {
    return answers.stream().filter(a -> a.getKind() == ItemKind.ACKNOWLEDGEMENT).toList();
  }

  public List<Answer> getTechniqueChoices() {
    return answers.stream().filter(a -> a.getKind() == ItemKind.TECHNIQUE).toList();
  }

  public boolean hasSignatureImage() {
    return method == SigningMethod.ELECTRONIC && !formVersion.isDisclosure();
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public ConsentFormVersion getFormVersion() {
    return formVersion;
  }

  public SigningMethod getMethod() {
    return method;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getSignerName() {
    return signerName;
  }

  public SignerRole getSignerRole() {
    return signerRole;
  }

  public String getGuardianRelationship() {
    return guardianRelationship;
  }

  public String getTextSha256() {
    return textSha256;
  }

  public List<Answer> getAnswers() {
    return List.copyOf(answers);
  }

  public String getSignatureStrokes() {
    return signatureStrokes;
  }

  public byte[] getSignaturePng() {
    return signaturePng == null ? null : signaturePng.clone();
  }

  public byte[] getScan() {
    return scan == null ? null : scan.clone();
  }

  public String getScanContentType() {
    return scanContentType;
  }

  public String getScanSha256() {
    return scanSha256;
  }

  public LocalDate getPaperSignedOn() {
    return paperSignedOn;
  }

  public String getKioskSessionId() {
    return kioskSessionId;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public String getSubmissionId() {
    return submissionId;
  }

  public String getEvidenceSha256() {
    return evidenceSha256;
  }
}
