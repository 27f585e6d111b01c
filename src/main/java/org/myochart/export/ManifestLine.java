package org.myochart.export;

import java.time.Instant;

/** One line of an export's manifest: which record, where in the archive, and its fingerprint. */
public record ManifestLine(
    int seqNo,
    long sealedRecordId,
    String recordType,
    long recordId,
    long clientId,
    Instant sealedAt,
    String sha256,
    long sizeBytes) {

  /** The constructor the JPQL constructor queries call, with the entities' attribute types. */
  public ManifestLine(
      Integer seqNo,
      Long sealedRecordId,
      String recordType,
      Long recordId,
      Long clientId,
      Instant sealedAt,
      String sha256,
      Long sizeBytes) {
    this(
        seqNo.intValue(),
        sealedRecordId.longValue(),
        recordType,
        recordId.longValue(),
        clientId.longValue(),
        sealedAt,
        sha256,
        sizeBytes.longValue());
  }

  /** The file's path inside the archive, e.g. {@code records/SoapNote-42.pdf}. */
  public String file() {
    return "records/" + recordType + "-" + recordId + ".pdf";
  }

  /** The same record as its newer stored copy (a renewed document timestamp, ADR-056). */
  ManifestLine asCopy(String copySha256, long copySize) {
    return new ManifestLine(
        seqNo, sealedRecordId, recordType, recordId, clientId, sealedAt, copySha256, copySize);
  }

  ManifestLine at(int position) {
    return new ManifestLine(
        position, sealedRecordId, recordType, recordId, clientId, sealedAt, sha256, sizeBytes);
  }
}
