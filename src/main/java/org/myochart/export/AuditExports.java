package org.myochart.export;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.AuditTree;
import org.myochart.audit.AuditTreeHead;
import org.myochart.audit.CurrentActor;
import org.myochart.client.Clients;
import org.myochart.fhir.FhirExports;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.Sha256;
import org.myochart.record.ClinicSigningKey;
import org.myochart.record.SealCertificates;
import org.myochart.security.StaffAccounts;

/**
 * Bulk audit exports: requests, the steps the export job takes through them, and the finished
 * archive. Every request, completion, failure and download leaves an audit entry.
 *
 * <p>The job's steps run in transactions of their own (REQUIRES_NEW), reads included: the batch
 * runtime wraps each chunk in a global transaction that already holds its own repository's
 * connection, so a second non-XA connection cannot join it; and outside any transaction a job
 * thread started at deployment can find its EntityManager closed between two queries. MyoChart's
 * rows, not the batch checkpoint, say where a restarted export continues.
 */
@ApplicationScoped
public class AuditExports {

  public static final String RECORD_TYPE = "AuditExport";

  @PersistenceContext EntityManager em;
  @Inject ExportQueries queries;
  @Inject AuditTrail audit;
  @Inject CurrentActor actor;
  @Inject Clock clock;
  @Inject ClinicSettings settings;
  @Inject ClinicSigningKey key;
  @Inject SealCertificates certificates;
  @Inject StaffAccounts staff;
  @Inject Clients clients;
  @Inject AuditTree tree;
  @Inject FhirExports fhir;

  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  /** A request's export, and whether the request created it or found the same one running. */
  public record Requested(AuditExport export, boolean created) {}

  /**
   * Queues an export of the scope (the caller starts its job: see {@link ExportJobs#request}).
   * Asking again for the same scope while an earlier request of yours is still running answers that
   * export instead of queuing a second one.
   */
  @Transactional
  public Requested request(ExportScope scope) {
    if (scope.therapist() != null && staff.findByUsername(scope.therapist()).isEmpty()) {
      throw RuleViolation.invalidFields(
          java.util.Map.of(
              "therapist",
              "There is no staff member with the username '" + scope.therapist() + "'."));
    }
    if (scope.clientId() != null && clients.find(scope.clientId()).isEmpty()) {
      throw RuleViolation.invalidFields(
          java.util.Map.of("client", "There is no client with id " + scope.clientId() + "."));
    }
    String username = actor.get().name();
    for (AuditExport running : unfinished()) {
      if (running.sameRequestAs(scope, username)) {
        return new Requested(running, false);
      }
    }
    AuditExport export = new AuditExport(scope, username, clock.instant());
    em.persist(export);
    em.flush();
    audit.record(AuditAction.CREATE, RECORD_TYPE, export.getId(), describe(scope));
    return new Requested(export, true);
  }

  public AuditExport get(long id) {
    AuditExport export = em.find(AuditExport.class, id);
    if (export == null) {
      throw RuleViolation.notFound("There is no export " + id + ".");
    }
    return export;
  }

  public List<AuditExport> recent(int max) {
    return em.createQuery("select e from AuditExport e order by e.id desc", AuditExport.class)
        .setMaxResults(max)
        .getResultList();
  }

  public List<AuditExport> unfinished() {
    return em.createQuery(
            "select e from AuditExport e where e.status in :open order by e.id", AuditExport.class)
        .setParameter("open", List.of(ExportStatus.QUEUED, ExportStatus.RUNNING))
        .getResultList();
  }

  /**
   * A run of the export job takes the export over and learns where to continue: with nothing
   * committed yet it counts the records in scope; otherwise it continues after the last committed
   * chunk.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Run claim(long id) {
    AuditExport export = em.find(AuditExport.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (export == null) {
      throw RuleViolation.notFound("There is no export " + id + ".");
    }
    String token = export.claim(clock.instant());
    long[] committed = queries.committed(id);
    if (committed[0] == 0) {
      export.counted(queries.count(export.scope(), settings.zone(), export.getRequestedAt()));
    }
    return new Run(
        id, token, export.scope(), export.getRequestedAt(), (int) committed[0], committed[1]);
  }

  /** One run of the export job over one export. */
  public record Run(
      long exportId,
      String token,
      ExportScope scope,
      java.time.Instant cutoff,
      int committed,
      long lastSealedRecordId) {}

  /** The next records of the run after the given one, each checked against its stored SHA-256. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ManifestLine> nextRecords(Run run, long afterSealedId) {
    return queries.candidates(run.scope(), settings.zone(), run.cutoff(), afterSealedId).stream()
        .map(
            candidate -> {
              String actual = Sha256.of(candidate.pdf());
              if (!actual.equals(candidate.line().sha256())) {
                throw new ExportStopped(
                    "The stored PDF of "
                        + candidate.line().recordType()
                        + " "
                        + candidate.line().recordId()
                        + " no longer matches the SHA-256 recorded when it was sealed.");
              }
              return candidate.line();
            })
        .toList();
  }

  /** Commits one chunk of lines together with the progress they make. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordChunk(Run run, List<ManifestLine> lines) {
    AuditExport export = em.find(AuditExport.class, run.exportId(), LockModeType.PESSIMISTIC_WRITE);
    if (!export.heldBy(run.token())) {
      throw new ExportStopped("Export " + run.exportId() + " was taken over by another run.");
    }
    queries.insert(run.exportId(), lines);
    export.progressed(lines.size());
  }

  /**
   * Builds and stores, when the export asked for them, the FHIR Bundle of each client with a record
   * in it, one NDJSON line each, as the clients' records read now; the archive carries these bytes
   * at every download. A run that finds them stored by an earlier run of this step keeps them.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void collectFhirBundles(Run run) {
    AuditExport export = em.find(AuditExport.class, run.exportId(), LockModeType.PESSIMISTIC_WRITE);
    if (!export.heldBy(run.token())) {
      throw new ExportStopped("Export " + run.exportId() + " was taken over by another run.");
    }
    if (!export.isFhirBundles() || queries.hasFhirBundles(export.getId())) {
      return;
    }
    long id = export.getId();
    int seq = 0;
    for (long clientId : queries.exportedClients(id)) {
      queries.insertFhirBundle(id, ++seq, clientId, fhir.bulkLine(clientId));
      if (seq % 25 == 0) {
        // Each Bundle is written as it is built; the records read for it need not stay in memory.
        em.clear();
      }
    }
  }

  /**
   * Seals the collected export: fixes the audit entries it carries, has a tree head signed over
   * them, digests the CSV manifest, the audit log and its inclusion proofs, and signs the JSON
   * manifest that names them, all streamed from the database.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void complete(Run run) {
    AuditExport export = em.find(AuditExport.class, run.exportId(), LockModeType.PESSIMISTIC_WRITE);
    if (!export.heldBy(run.token())) {
      throw new ExportStopped("Export " + run.exportId() + " was taken over by another run.");
    }
    long upTo = queries.lastAuditEntry();
    // Published in a transaction of its own, over every entry committed by now: those up to upTo
    // included. Should this transaction roll back, the head stays, as true as any other.
    AuditTreeHead head =
        tree.publish()
            .orElseThrow(
                () -> new ExportStopped("The audit trail has no entry to sign a head over."));
    ExportArchive archive = new ExportArchive(queries, settings, tree);
    try {
      String csvSha =
          Manifest.sha256Of(out -> Manifest.writeCsv(queries.lines(export.getId()), out));
      int[] entries = {0};
      String auditSha =
          Manifest.sha256Of(out -> entries[0] = archive.writeAuditLog(export, upTo, out));
      Manifest.AuditTreeFiles treeFiles =
          ExportArchive.treeFiles(
              head,
              Manifest.sha256Of(out -> archive.writeProofs(export, upTo, head.getTreeSize(), out)));
      Manifest.FhirFiles fhirFiles = null;
      if (export.isFhirBundles()) {
        int[] bundles = {0};
        String fhirSha =
            Manifest.sha256Of(out -> bundles[0] = archive.writeFhirBundles(export, out));
        fhirFiles = new Manifest.FhirFiles(bundles[0], fhirSha);
      }
      Manifest.Header header =
          archive.header(export, csvSha, entries[0], auditSha, treeFiles, fhirFiles);
      // One pass over the lines both signs the JSON manifest and digests it.
      java.security.DigestOutputStream[] manifest = {null};
      byte[] signature =
          ManifestSignature.sign(
              key.identity(),
              out -> {
                manifest[0] = Manifest.digesting(out);
                Manifest.writeJson(header, queries.lines(export.getId()), manifest[0]);
              });
      export.completed(
          clock.instant(),
          upTo,
          entries[0],
          auditSha,
          treeFiles,
          fhirFiles,
          Manifest.hex(manifest[0]),
          signature);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var detail =
        JSON.createObjectBuilder().add("status", "COMPLETED").add("records", export.getDone());
    withFhir(detail, export);
    audit.recordAs(
        org.myochart.audit.Actor.SYSTEM,
        AuditAction.CHANGE,
        RECORD_TYPE,
        export.getId(),
        detail.add("manifestSha256", export.getManifestSha256()).build().toString());
  }

  /** Marks the export failed, unless another run holds it now (a null token: whichever run). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(long id, String token, String reason) {
    AuditExport export = em.find(AuditExport.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (export == null
        || export.getStatus().finished()
        || (token != null && !export.heldBy(token))) {
      return;
    }
    export.failed(clock.instant(), reason);
    audit.recordAs(
        org.myochart.audit.Actor.SYSTEM,
        AuditAction.CHANGE,
        RECORD_TYPE,
        id,
        JSON.createObjectBuilder()
            .add("status", "FAILED")
            .add("reason", export.getFailure())
            .build()
            .toString());
  }

  /**
   * The export whose archive is about to be downloaded; the download is audited. A running or
   * failed export has no archive.
   */
  @Transactional
  public AuditExport openArchive(long id) {
    AuditExport export = get(id);
    switch (export.getStatus()) {
      case QUEUED, RUNNING ->
          throw RuleViolation.conflict(
              "Export "
                  + id
                  + " is still running ("
                  + export.getDone()
                  + " of "
                  + export.getTotal()
                  + " records); download it when it has completed.");
      case FAILED ->
          throw RuleViolation.conflict(
              "Export " + id + " failed and has no archive: " + export.getFailure());
      case COMPLETED -> {}
    }
    var detail = JSON.createObjectBuilder().add("records", export.getDone());
    withFhir(detail, export);
    audit.record(
        AuditAction.EXPORT,
        RECORD_TYPE,
        id,
        detail.add("manifestSha256", export.getManifestSha256()).build().toString());
    return export;
  }

  /** What an audit entry says about the FHIR Bundles a completed export carries. */
  private static void withFhir(jakarta.json.JsonObjectBuilder detail, AuditExport export) {
    Manifest.FhirFiles files = export.fhirFiles();
    if (files != null) {
      detail
          .add("fhirBundles", files.bundles())
          .add("fhirFile", Manifest.FHIR_BUNDLES_FILE)
          .add("fhirSha256", files.sha256());
    }
  }

  /** Writes the archive of a completed export, streaming record after record. */
  public void writeArchive(AuditExport export, java.io.OutputStream out)
      throws java.io.IOException {
    new ExportArchive(queries, settings, tree)
        .write(export, out, key.identity(), certificates.history());
  }

  private static String describe(ExportScope scope) {
    var json =
        JSON.createObjectBuilder()
            .add("from", scope.from().toString())
            .add("to", scope.to().toString());
    if (scope.therapist() != null) {
      json.add("therapist", scope.therapist());
    }
    if (scope.clientId() != null) {
      json.add("client", scope.clientId());
    }
    if (scope.fhirBundles()) {
      json.add("fhirBundles", true);
    }
    return json.build().toString();
  }
}
