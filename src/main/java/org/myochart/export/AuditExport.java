package org.myochart.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.myochart.platform.RuleViolation;

/**
 * One requested bulk export. The export job fills it chunk by chunk; each run holds a token, so a
 * run that was replaced (after a restart, or by another server) cannot write into it any more.
 */
@Entity
@Table(name = "audit_export")
public class AuditExport implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_export_seq")
  @SequenceGenerator(
      name = "audit_export_seq",
      sequenceName = "audit_export_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "range_from", nullable = false, updatable = false)
  private LocalDate from;

  @Column(name = "range_to", nullable = false, updatable = false)
  private LocalDate to;

  @Column(updatable = false)
  private String therapist;

  @Column(name = "client_id", updatable = false)
  private Long clientId;

  /** Whether the archive carries the FHIR Bundles of the exported records' clients. */
  @Column(name = "fhir_bundles", nullable = false, updatable = false)
  private boolean fhirBundles;

  @Column(name = "fhir_bundle_count")
  private Integer fhirBundleCount;

  @Column(name = "fhir_bundles_sha256")
  private String fhirBundlesSha256;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ExportStatus status;

  @Column(name = "total_records", nullable = false)
  private int total;

  @Column(name = "done_records", nullable = false)
  private int done;

  @Column(name = "run_token", nullable = false)
  private String runToken;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  private String failure;

  @Column(name = "audit_up_to")
  private Long auditUpTo;

  @Column(name = "audit_entries")
  private Integer auditEntries;

  @Column(name = "audit_log_sha256")
  private String auditLogSha256;

  /** The size of the signed tree head the archive carries; null for exports made before. */
  @Column(name = "audit_tree_size")
  private Long auditTreeSize;

  @Column(name = "audit_proofs_sha256")
  private String auditProofsSha256;

  @Column(name = "manifest_sha256")
  private String manifestSha256;

  @Column(name = "manifest_signature")
  private byte[] manifestSignature;

  @Column(nullable = false)
  private int runs;

  @Version private long version;

  protected AuditExport() {}

  AuditExport(ExportScope scope, String requestedBy, Instant requestedAt) {
    this.from = scope.from();
    this.to = scope.to();
    this.therapist = scope.therapist();
    this.clientId = scope.clientId();
    this.fhirBundles = scope.fhirBundles();
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.status = ExportStatus.QUEUED;
    this.runToken = UUID.randomUUID().toString();
  }

  public ExportScope scope() {
    return new ExportScope(from, to, therapist, clientId, fhirBundles);
  }

  /** A new run takes the export over; the token it gets is the only one that may write. */
  String claim(Instant now) {
    if (status.finished()) {
      throw RuleViolation.conflict(
          "Export "
              + id
              + " has already "
              + (status == ExportStatus.COMPLETED ? "completed." : "failed."));
    }
    runToken = UUID.randomUUID().toString();
    runs++;
    if (startedAt == null) {
      startedAt = now;
    }
    status = ExportStatus.RUNNING;
    return runToken;
  }

  boolean heldBy(String token) {
    return runToken.equals(token) && !status.finished();
  }

  void counted(int total) {
    this.total = total;
  }

  void progressed(int records) {
    done += records;
  }

  void completed(
      Instant now,
      long auditUpTo,
      int auditEntries,
      String auditLogSha256,
      Manifest.AuditTreeFiles auditTree,
      Manifest.FhirFiles fhir,
      String manifestSha256,
      byte[] signature) {
    if (fhirBundles != (fhir != null)) {
      throw new IllegalStateException(
          "Export " + id + (fhirBundles ? " asked for" : " did not ask for") + " FHIR Bundles.");
    }
    if (fhir != null) {
      this.fhirBundleCount = fhir.bundles();
      this.fhirBundlesSha256 = fhir.sha256();
    }
    this.auditUpTo = auditUpTo;
    this.auditEntries = auditEntries;
    this.auditLogSha256 = auditLogSha256;
    this.auditTreeSize = auditTree.treeSize();
    this.auditProofsSha256 = auditTree.proofsSha256();
    this.manifestSha256 = manifestSha256;
    this.manifestSignature = signature.clone();
    this.completedAt = now;
    this.status = ExportStatus.COMPLETED;
  }

  void failed(Instant now, String reason) {
    this.failure = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    this.completedAt = now;
    this.status = ExportStatus.FAILED;
  }

  /**
   * Whether another request for the same scope by the same person should get this export instead.
   */
  boolean sameRequestAs(ExportScope scope, String username) {
    return !status.finished() && requestedBy.equals(username) && scope().equals(scope);
  }

  public int percent() {
    if (status == ExportStatus.COMPLETED) {
      return 100;
    }
    return total == 0 ? 0 : (int) Math.min(99, done * 100L / total);
  }

  public String archiveName() {
    return "myochart-audit-export-" + id + "-" + from + "-to-" + to + ".zip";
  }

  public Long getId() {
    return id;
  }

  public LocalDate getFrom() {
    return from;
  }

  public LocalDate getTo() {
    return to;
  }

  public String getTherapist() {
    return therapist;
  }

  public Long getClientId() {
    return clientId;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public ExportStatus getStatus() {
    return status;
  }

  public int getTotal() {
    return total;
  }

  public int getDone() {
    return done;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getFailure() {
    return failure;
  }

  public Long getAuditUpTo() {
    return auditUpTo;
  }

  public Integer getAuditEntries() {
    return auditEntries;
  }

  public String getAuditLogSha256() {
    return auditLogSha256;
  }

  public Long getAuditTreeSize() {
    return auditTreeSize;
  }

  public String getAuditProofsSha256() {
    return auditProofsSha256;
  }

  public boolean isFhirBundles() {
    return fhirBundles;
  }

  /** The FHIR Bundles file the completed archive carries, as its manifest names it; else null. */
  public Manifest.FhirFiles fhirFiles() {
    return fhirBundlesSha256 == null
        ? null
        : new Manifest.FhirFiles(fhirBundleCount, fhirBundlesSha256);
  }

  public Integer getFhirBundleCount() {
    return fhirBundleCount;
  }

  public String getManifestSha256() {
    return manifestSha256;
  }

  public byte[] manifestSignature() {
    return manifestSignature == null ? null : manifestSignature.clone();
  }

  public int getRuns() {
    return runs;
  }

  public long getVersion() {
    return version;
  }
}
