package org.myochart.record;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer to "is this the record the clinic sealed?" for one uploaded PDF, in separate findings
 * that do not lean on each other.
 *
 * @param sealedByClinic every signature was made with one of the clinic's own sealing certificates
 *     (its history, pinned by SHA-256), at a time that certificate was valid and in use; a
 *     certificate that merely copies the clinic's name is not the clinic's
 * @param sealCertificate the SHA-256 of the DER certificate that made the (last) signature, lower
 *     case hex; compare it with the fingerprints the clinic publishes
 * @param signatureValid the CMS signature checks out over its byte range with the certificate it
 *     carries (for several signatures: every one does); says nothing about whose key it is
 * @param intact the bytes are those that were sealed: exactly one valid seal, nothing slipped into
 *     its field, and after it nothing but long-term validation data under valid document timestamps
 *     (PAdES B-LTA), the last covering every byte of the file
 * @param recordType Consent, SoapNote, NoteAddendum or ClientChart, from the attached source; null
 *     when the file names no record
 * @param matchesStoredCopy the upload's SHA-256 equals that of a copy the clinic stored: as sealed,
 *     or a renewed copy with a later document timestamp (for a combined chart: the SHA-256 the
 *     clinic recorded when it issued that chart)
 * @param signer the signing certificate's common name (or the signature's /Name), as the file
 *     states it: not evidence of anything by itself
 * @param signedAt when it was sealed, ISO-8601 in UTC: the timestamp token's time when there is
 *     one, otherwise the signing time the signature states
 * @param signatures how many signatures the file carries, document timestamps not counted
 * @param archiveTimestamps how many document timestamps (long-term validation, PAdES B-LTA) were
 *     added after the seal
 * @param sha256 the upload's SHA-256, lower-case hex
 * @param message the answer in plain words
 *     <p>Unknown values are written as JSON null, so every answer has the same fields.
 */
@JsonbNillable
public record Verification(
    boolean sealedByClinic,
    String sealCertificate,
    boolean signatureValid,
    boolean intact,
    String recordType,
    Long recordId,
    boolean matchesStoredCopy,
    String signer,
    String signedAt,
    int signatures,
    int archiveTimestamps,
    String sha256,
    String message)
    implements Serializable {

  /** What the clinic holds of the record a file names: nothing, or a copy or issue record. */
  record Holding(boolean exists, boolean matches, Instant issuedAt) {

    static final Holding NONE = new Holding(false, false, null);
  }

  /** The record as people name it: "SOAP note 5", "Consent 12"; null when none is named. */
  public String recordLabel() {
    return label(recordType, recordId);
  }

  /** Sealed by the clinic, untouched since, and byte for byte what the clinic holds. */
  public boolean confirmed() {
    return sealedByClinic && signatureValid && intact && matchesStoredCopy;
  }

  private static String label(String type, Long id) {
    if (type == null) {
      return null;
    }
    String kind = SealInspection.CHART.equals(type) ? "Client chart" : ChartPdf.label(type);
    return id == null ? kind : kind + " " + id;
  }

  public Instant signedAtInstant() {
    return signedAt == null ? null : Instant.parse(signedAt);
  }

  /**
   * Composes the answer from what the file says, the clinic's certificate history and what the
   * clinic holds.
   *
   * @param clinicCertificate the clinic's certificate with a given SHA-256, if it is one
   */
  static Verification of(
      SealInspection.Findings findings,
      String type,
      Long id,
      String sha256,
      Function<String, Optional<SealCertificate>> clinicCertificate,
      Holding holding) {
    SealInspection.SignatureCheck last = findings.last();
    boolean valid = findings.allValid();
    boolean intact = findings.intact();
    Origin origin = Origin.of(findings, clinicCertificate);
    StringBuilder message = new StringBuilder();
    int count = findings.signatures().size();
    if (!origin.clinics()) {
      message.append(origin.problem());
    }
    if (count > 1) {
      message
          .append(message.isEmpty() ? "" : " ")
          .append("This PDF carries ")
          .append(count)
          .append(" signatures, but a MyoChart record is sealed exactly once")
          .append(
              valid
                  ? "; each signature checks out over the part it signs."
                  : ", and not every signature checks out.");
    } else if (!valid) {
      message
          .append(message.isEmpty() ? "" : " ")
          .append("The seal is broken: ")
          .append(last.problem() == null ? "the signature does not check out" : last.problem())
          .append(". This file is not the record as it was sealed.");
    } else if (!intact) {
      message.append(message.isEmpty() ? "" : " ").append(notIntact(findings));
    } else if (origin.clinics()) {
      message.append("The seal is the clinic's, valid, and the file is unchanged since signing.");
      if (!findings.archiveTimestamps().isEmpty()) {
        SealInspection.SignatureCheck newest = findings.newestArchiveTimestamp();
        message
            .append(" Long-term validation data were added under ")
            .append(
                findings.archiveTimestamps().size() == 1
                    ? "a document timestamp"
                    : "document timestamps")
            .append(", the newest by ")
            .append(newest.signer() == null ? "a timestamp authority" : newest.signer())
            .append(" at ")
            .append(newest.signedAt())
            .append('.');
      }
    } else {
      message.append(
          " Its signature is mathematically consistent, which shows only that whoever made it held that key.");
    }
    if (!findings.readable()) {
      message.append(" The file is damaged: it no longer reads as a PDF.");
    }
    String record = label(type, id);
    boolean chart = SealInspection.CHART.equals(type);
    if (holding.matches()) {
      message
          .append(chart ? " It is byte for byte the " : " It matches our stored copy of ")
          .append(chart ? record + " the clinic issued" : record)
          .append(chart && holding.issuedAt() != null ? " at " + holding.issuedAt() : "")
          .append(chart ? "." : " byte for byte.");
    } else if (chart) {
      message.append(" The clinic has no record of issuing this chart PDF.");
    } else if (holding.exists()) {
      message.append(" It differs from our stored copy of ").append(record).append('.');
    } else if (record != null) {
      message.append(" We hold no sealed copy of ").append(record).append('.');
    } else {
      message.append(" It does not name a record we hold.");
    }
    return new Verification(
        origin.clinics(),
        last.certificateSha256(),
        valid,
        intact,
        type,
        id,
        holding.matches(),
        last.signer(),
        last.signedAt() == null ? null : last.signedAt().toString(),
        count,
        findings.archiveTimestamps().size(),
        sha256,
        message.toString());
  }

  private static String notIntact(SealInspection.Findings findings) {
    SealInspection.SignatureCheck seal = findings.last();
    if (!seal.cleanContents() || seal.coversWholeFile()) {
      return "The signature checks out, but bytes were slipped into the signature's own field after sealing.";
    }
    if (findings.archiveTimestamps().isEmpty()) {
      return "The signature checks out over the part it signs, but bytes were added after sealing.";
    }
    if (findings.laterRevisionsProblem() != null) {
      return "The signature checks out over the part it signs, but the file was changed after sealing: "
          + findings.laterRevisionsProblem()
          + ".";
    }
    return findings.archiveTimestamps().stream()
        .filter(t -> !t.valid() || !t.cleanContents())
        .findFirst()
        .map(
            t ->
                "The signature checks out over the part it signs, but "
                    + (t.problem() == null ? "a document timestamp was altered" : t.problem())
                    + ".")
        .orElse(
            "The signature checks out over the part it signs, but bytes were added after the last document timestamp.");
  }

  /** Whether every signature was made with the clinic's key while it was valid and in use. */
  private record Origin(boolean clinics, String problem) {

    static Origin of(
        SealInspection.Findings findings,
        Function<String, Optional<SealCertificate>> clinicCertificate) {
      for (SealInspection.SignatureCheck check : findings.signatures()) {
        String fingerprint = check.certificateSha256();
        Optional<SealCertificate> known =
            fingerprint == null ? Optional.empty() : clinicCertificate.apply(fingerprint);
        if (known.isEmpty()) {
          return new Origin(
              false,
              fingerprint == null
                  ? "Not sealed by this clinic: the seal's certificate cannot be read."
                  : "Not sealed by this clinic: the seal was made with a certificate (SHA-256 "
                      + fingerprint
                      + ") that is not one of the clinic's sealing certificates"
                      + (check.signer() == null
                          ? "."
                          : ", whatever name it shows (\"" + check.signer() + "\")."));
        }
        if (!known.get().coversSealMadeAt(check.signedAt())) {
          return new Origin(
              false,
              "Not sealed by this clinic while its key was in use: the seal states "
                  + (check.signedAt() == null ? "no time" : "the time " + check.signedAt())
                  + ", but the clinic's certificate "
                  + fingerprint
                  + " is valid from "
                  + known.get().getNotBefore()
                  + " to "
                  + known.get().getNotAfter()
                  + (known.get().getRetiredAt() == null
                      ? "."
                      : " and was retired on " + known.get().getRetiredAt() + "."));
        }
      }
      return new Origin(true, null);
    }
  }
}
