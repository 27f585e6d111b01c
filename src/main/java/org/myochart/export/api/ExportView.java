package org.myochart.export.api;

import org.myochart.export.AuditExport;

/** An export as the API shows it. */
public record ExportView(
    long id,
    String status,
    int done,
    int total,
    String from,
    String to,
    String therapist,
    Long client,
    boolean fhirBundles,
    Integer fhirBundleCount,
    String requestedBy,
    String requestedAt,
    String completedAt,
    String manifestSha256,
    String failure) {

  static ExportView of(AuditExport export) {
    return new ExportView(
        export.getId(),
        export.getStatus().reported(),
        export.getDone(),
        export.getTotal(),
        export.getFrom().toString(),
        export.getTo().toString(),
        export.getTherapist(),
        export.getClientId(),
        export.isFhirBundles(),
        export.getFhirBundleCount(),
        export.getRequestedBy(),
        export.getRequestedAt().toString(),
        export.getCompletedAt() == null ? null : export.getCompletedAt().toString(),
        export.getManifestSha256(),
        export.getFailure());
  }
}
