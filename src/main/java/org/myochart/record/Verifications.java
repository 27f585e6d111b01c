package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.Sha256;

/**
 * Checks uploaded PDFs against their seal and against the copies the clinic stored at signing.
 * Every verification is audited, refused uploads included: who asked, through which door, what came
 * out, and the upload's SHA-256.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = UploadRefused.class)
public class Verifications {

  /** The largest upload read; sealed records are a few hundred kilobytes, combined charts more. */
  public static final long LARGEST_UPLOAD = 20L * 1024 * 1024;

  public static final String TOO_LARGE =
      "The file is larger than 20 MB, the most MyoChart verifies.";
  static final String AUDIT_TYPE = "Verification";

  /** Where a verification came from, for the audit trail. */
  public enum Channel {
    API,
    OWNER_PAGE,
    PUBLIC_PAGE
  }

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject SealCertificates certificates;

  /**
   * Reads an upload, refusing it as soon as it passes {@link #LARGEST_UPLOAD}, so that a huge body
   * is never held in memory.
   *
   * @param declaredLength the Content-Length the client announced, or -1
   */
  public static byte[] read(InputStream body, long declaredLength) {
    if (declaredLength > LARGEST_UPLOAD) {
      throw new UploadRefused(UploadRefused.Reason.TOO_LARGE, TOO_LARGE);
    }
    try (InputStream in = body) {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 64 * 1024);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > LARGEST_UPLOAD) {
          throw new UploadRefused(UploadRefused.Reason.TOO_LARGE, TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload", e);
    }
  }

  public Verification verify(byte[] upload, Channel channel) {
    String sha256 = upload == null || upload.length == 0 ? null : Sha256.of(upload);
    try {
      Verification answer = answer(upload, sha256);
      audit.record(
          AuditAction.VERIFY,
          AUDIT_TYPE,
          answer.recordType() == null ? null : answer.recordType() + ":" + answer.recordId(),
          JSON.createObjectBuilder()
              .add("channel", channel.name())
              .add("sha256", answer.sha256())
              .add("sealedByClinic", answer.sealedByClinic())
              .add("signatureValid", answer.signatureValid())
              .add("intact", answer.intact())
              .add("matchesStoredCopy", answer.matchesStoredCopy())
              .add("signatures", answer.signatures())
              .add("archiveTimestamps", answer.archiveTimestamps())
              .build()
              .toString());
      return answer;
    } catch (UploadRefused refused) {
      refusedUpload(refused, channel, sha256);
      throw refused;
    }
  }

  /** Records a refused upload, also one refused before it was read. */
  public void refusedUpload(UploadRefused refused, Channel channel, String sha256) {
    var detail =
        JSON.createObjectBuilder()
            .add("channel", channel.name())
            .add("refused", refused.reason().name());
    if (sha256 != null) {
      detail.add("sha256", sha256);
    }
    audit.record(AuditAction.VERIFY, AUDIT_TYPE, null, detail.build().toString());
  }

  private Verification answer(byte[] upload, String sha256) {
    SealInspection.Findings findings = SealInspection.inspect(upload);
    String type = findings.recordType();
    Long id = findings.recordId();
    Verification.Holding holding;
    if (SealInspection.CHART.equals(type)) {
      Long chartOf = id;
      holding =
          issuedChart(sha256)
              .filter(issued -> chartOf != null && issued.getClientId() == chartOf)
              .map(issued -> new Verification.Holding(true, true, issued.getIssuedAt()))
              .orElse(Verification.Holding.NONE);
    } else {
      Optional<SealedRecord> stored =
          type != null && id != null ? storedCopy(type, id) : Optional.empty();
      if (type == null) {
        // A file too damaged to name its record may still be a stored copy: the fingerprint says.
        stored = bySha256(sha256);
        if (stored.isPresent()) {
          type = stored.get().getRecordType();
          id = stored.get().getRecordId();
        }
      }
      holding =
          stored
              .map(r -> new Verification.Holding(true, r.isCopy(sha256), null))
              .orElse(Verification.Holding.NONE);
    }
    return Verification.of(findings, type, id, sha256, certificates::byFingerprint, holding);
  }

  private Optional<IssuedChart> issuedChart(String sha256) {
    return em.createQuery("select c from IssuedChart c where c.sha256 = :s", IssuedChart.class)
        .setParameter("s", sha256)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Optional<SealedRecord> storedCopy(String type, long id) {
    return em.createQuery(
            "select r from SealedRecord r where r.recordType = :t and r.recordId = :i",
            SealedRecord.class)
        .setParameter("t", type)
        .setParameter("i", id)
        .getResultStream()
        .findFirst();
  }

  /** The record one of whose stored copies (as sealed, or renewed) has this SHA-256. */
  private Optional<SealedRecord> bySha256(String sha256) {
    return em.createQuery("select r from SealedRecord r where r.sha256 = :s", SealedRecord.class)
        .setParameter("s", sha256)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .or(
            () ->
                em.createQuery(
                        "select n.sealedRecord from RecordRenewal n where n.sha256 = :s",
                        SealedRecord.class)
                    .setParameter("s", sha256)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst());
  }

  /** The client a stored record belongs to, for links on the owner's page; never shown publicly. */
  public Optional<Long> clientOf(String type, long id) {
    return storedCopy(type, id).map(SealedRecord::getClientId);
  }
}
