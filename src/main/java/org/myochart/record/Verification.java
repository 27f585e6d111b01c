package org.myochart.record;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.Instant;

/**
 * The answer to "is this the record the clinic sealed?" for one uploaded PDF.
 *
 * @param signatureValid the CMS signature checks out over its byte range with the certificate it
 *     carries (for several signatures: every one does)
 * @param intact exactly one signature, covering every byte of the file: nothing was appended or
 *     slipped in after sealing
 * @param recordType Consent, SoapNote, NoteAddendum or ClientChart, from the attached source; null
 *     when the file names no record
 * @param matchesStoredCopy the upload's SHA-256 equals the stored sealed copy's
 * @param signer the signing certificate's common name (or the signature's /Name)
 * @param signedAt when it was sealed, ISO-8601 in UTC: the timestamp token's time when there is
 *     one, otherwise the signing time the signature states
 * @param signatures how many signatures the file carries
 * @param sha256 the upload's SHA-256, lower-case hex
 * @param message the answer in plain words
 *     <p>Unknown values are written as JSON null, so every answer has the same fields.
 */
@JsonbNillable
public record Verification(
    boolean signatureValid,
    boolean intact,
    String recordType,
    Long recordId,
    boolean matchesStoredCopy,
    String signer,
    String signedAt,
    int signatures,
    String sha256,
    String message)
    implements Serializable {

  /** The record as people name it: "SOAP note 5", "Consent 12"; null when none is named. */
  public String recordLabel() {
    return label(recordType, recordId);
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

  /** Composes the answer from what the file says and what the clinic holds. */
  static Verification of(
      SealInspection.Findings findings,
      String type,
      Long id,
      String sha256,
      boolean storedCopyExists,
      boolean matches) {
    SealInspection.SignatureCheck last = findings.last();
    boolean valid = findings.allValid();
    boolean intact = findings.intact();
    StringBuilder message = new StringBuilder();
    int count = findings.signatures().size();
    if (count > 1) {
      message
          .append("This PDF carries ")
          .append(count)
          .append(" signatures, but a MyoChart record is sealed exactly once")
          .append(
              valid
                  ? "; each signature checks out over the part it signs."
                  : ", and not every signature checks out.");
    } else if (!valid) {
      message
          .append("The seal is broken: ")
          .append(last.problem() == null ? "the signature does not check out" : last.problem())
          .append(". This file is not the record as it was sealed.");
    } else if (!intact) {
      message.append(
          last.coversWholeFile()
              ? "The signature checks out, but bytes were slipped into the signature's own field after sealing."
              : "The signature checks out over the part it signs, but bytes were added after sealing.");
    } else {
      message.append("The seal is valid and the file is unchanged since signing.");
    }
    if (!findings.readable()) {
      message.append(" The file is damaged: it no longer reads as a PDF.");
    }
    String record = label(type, id);
    if (SealInspection.CHART.equals(type)) {
      message.append(
          " This is a combined chart PDF; the clinic does not keep those, so only its seal is checked here.");
    } else if (matches) {
      message.append(" It matches our stored copy of ").append(record).append(" byte for byte.");
    } else if (storedCopyExists) {
      message.append(" It differs from our stored copy of ").append(record).append('.');
    } else if (record != null) {
      message.append(" We hold no sealed copy of ").append(record).append('.');
    } else {
      message.append(" It does not name a record we hold.");
    }
    return new Verification(
        valid,
        intact,
        type,
        id,
        matches,
        last.signer(),
        last.signedAt() == null ? null : last.signedAt().toString(),
        count,
        sha256,
        message.toString());
  }
}
