package org.myochart.record;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.ClinicOptions;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * The history of the clinic's sealing certificates (ADR-050). At every start the certificate of the
 * configured key (made on a first start without one) is registered; a certificate not seen before
 * takes over from the current one, which is retired, and the rotation is audited. Verification
 * trusts a seal only when its certificate is in this history.
 */
@ApplicationScoped
public class SealCertificates {

  private static final Logger LOG = Logger.getLogger(SealCertificates.class.getName());
  static final String AUDIT_TYPE = "SealCertificate";

  @PersistenceContext EntityManager em;
  @Inject ClinicSigningKey key;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject SealCertificates self;
  @Inject ClinicOptions options;

  /**
   * Before any sample data is sealed, so that the demo clinic's seals are pinned too. Two instances
   * of a cluster starting at once may both try to register the same certificate; the one whose
   * insert loses looks again and finds it.
   */
  public void registerAtStart(
      @Observes @Priority(StartupOrder.REFERENCE_DATA) SchemaMigrated migrated) {
    X509Certificate certificate;
    try {
      certificate = key.identity().certificate();
    } catch (RuntimeException e) {
      // Sealing refuses with the same reason until the key is put right (ClinicSigningKey).
      LOG.log(Level.SEVERE, "The clinic's sealing key cannot be loaded: " + e.getMessage(), e);
      return;
    }
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        self.register(certificate);
        return;
      } catch (RuntimeException raced) {
        last = raced;
      }
    }
    LOG.log(
        Level.SEVERE,
        "The clinic's sealing certificate could not be recorded; verification will not count its"
            + " seals as the clinic's until a start records it.",
        last);
  }

  /**
   * Puts a certificate into use: nothing changes when it is already in the history; otherwise the
   * current certificate is retired now and the new one recorded, with an audit entry naming both.
   */
  @Transactional
  public SealCertificate register(X509Certificate certificate) {
    String fingerprint = SealCertificate.fingerprintOf(certificate);
    Optional<SealCertificate> known = byFingerprint(fingerprint);
    if (known.isPresent()) {
      if (!known.get().isCurrent()) {
        LOG.warning(
            "The configured sealing certificate "
                + fingerprint
                + " was retired on "
                + known.get().getRetiredAt()
                + "; seals made with it now will not verify as the clinic's. Configure the current key.");
      }
      return known.get();
    }
    var now = clock.instant();
    List<SealCertificate> current =
        em.createQuery(
                "select c from SealCertificate c where c.retiredAt is null", SealCertificate.class)
            .getResultList();
    SealCertificate added = SealCertificate.takingOverFrom(current, certificate, now);
    em.persist(added);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        AUDIT_TYPE,
        added.getId(),
        new SealCertificateInUse(
            added.getSha256(),
            added.getSubject(),
            added.getNotAfter().toString(),
            current.stream().map(SealCertificate::getSha256).toList()));
    LOG.info(
        () ->
            "Records are now sealed with certificate "
                + added.getSha256()
                + (current.isEmpty() ? "" : "; retired " + current.size() + " earlier one(s)."));
    return added;
  }

  /**
   * At start, once per database: the certificates of records sealed before this history began
   * (before version V15, perhaps with a key that was replaced since) are taken from those records
   * and added as retired when the history began, so that they verify as the clinic's (ADR-050). The
   * stored records are the clinic's own append-only store, the same trust the history itself rests
   * on.
   */
  public void recoverAtStart(
      @Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    if (options.isOn(RECOVERED)) {
      return;
    }
    try {
      int recovered = self.recoverFromEarlierRecords();
      if (recovered > 0) {
        LOG.info(
            () ->
                recovered
                    + " sealing certificate(s) of records sealed before the history began were"
                    + " added to it.");
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The certificates of records sealed before the history began could not be recovered;"
              + " tried again at the next start",
          e);
    }
  }

  /** The option that says the records sealed before the history began were looked through. */
  static final String RECOVERED = "seal-certificates.recovered-from-records";

  /**
   * Looks through the records sealed before the earliest certificate in the history was put into
   * use and adds each certificate they were sealed with that the history lacks, retired when the
   * history began; audited.
   *
   * @return how many certificates were added
   */
  @Transactional
  public int recoverFromEarlierRecords() {
    Optional<Instant> historyBegan =
        em.createQuery(
                "select c.inUseFrom from SealCertificate c order by c.inUseFrom", Instant.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (historyBegan.isEmpty()) {
      return 0;
    }
    Map<String, X509Certificate> found = new LinkedHashMap<>();
    Map<String, Instant> firstSeal = new HashMap<>();
    long after = 0;
    while (true) {
      List<SealedRecord> page =
          em.createQuery(
                  "select r from SealedRecord r where r.sealedAt < :began and r.id > :after"
                      + " order by r.id",
                  SealedRecord.class)
              .setParameter("began", historyBegan.get())
              .setParameter("after", after)
              .setMaxResults(100)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      for (SealedRecord record : page) {
        SealSignature.sealCertificate(record.pdf())
            .filter(
                certificate -> byFingerprint(SealCertificate.fingerprintOf(certificate)).isEmpty())
            .ifPresent(
                certificate -> {
                  String fingerprint = SealCertificate.fingerprintOf(certificate);
                  found.putIfAbsent(fingerprint, certificate);
                  firstSeal.merge(
                      fingerprint, record.getSealedAt(), (a, b) -> a.isBefore(b) ? a : b);
                });
        after = record.getId();
      }
      em.clear();
    }
    for (var entry : found.entrySet()) {
      SealCertificate recovered =
          new SealCertificate(entry.getValue(), firstSeal.get(entry.getKey()));
      recovered.retire(historyBegan.get());
      em.persist(recovered);
      em.flush();
      audit.recordDetailAs(
          Actor.SYSTEM,
          AuditAction.CREATE,
          AUDIT_TYPE,
          recovered.getId(),
          new SealCertificateRecovered(
              recovered.getSha256(),
              recovered.getSubject(),
              recovered.getNotAfter().toString(),
              recovered.getRetiredAt().toString()));
    }
    options.switchTo(RECOVERED, true, Actor.SYSTEM.name());
    return found.size();
  }

  public Optional<SealCertificate> byFingerprint(String sha256) {
    if (sha256 == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select c from SealCertificate c where c.sha256 = :s", SealCertificate.class)
        .setParameter("s", sha256)
        .getResultStream()
        .findFirst();
  }

  /**
   * Every certificate the clinic has sealed with, newest first: the current one, then those it
   * replaced.
   */
  public List<SealCertificate> history() {
    return em.createQuery(
            "select c from SealCertificate c order by c.inUseFrom desc, c.id desc",
            SealCertificate.class)
        .getResultList();
  }
}
