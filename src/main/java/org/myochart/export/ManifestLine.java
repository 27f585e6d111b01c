package org.myochart.export;

import java.time.Instant;

/** One line of an export's manifest: which record, where in the archive, and its fingerprint. */
public record ManifestLine(
    int seqNo, long sealedRecordId, String recordType, long recordId, long clientId, Instant sealedAt, String sha256,
    long sizeBytes) {

  /** The file's path inside the archive, e.g. {@code records/SoapNote-42.pdf}. */
  public String file() {
    return "records/" + recordType + "-" + recordId + ".pdf";
  }

  ManifestLine at(int position) {
    return new ManifestLine(position, sealedRecordId, recordType, recordId, clientId, sealedAt, sha256, sizeBytes);
  }
}
