package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;

/**
 * A record sealed before the clinic kept its history of sealing certificates (before V15), with a
 * key replaced since, verifies as the clinic's once its certificate is recovered from the stored
 * records at start; in Payara Micro on the real database.
 */
@InTheContainer
class SealCertificateRecoveryIT {

  private static final Instant LONG_AGO = Instant.parse("2024-06-03T09:30:00Z");

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(SealCertificateRecoveryIT.class);
  }

  @Inject SealCertificates certificates;
  @Inject Verifications verifications;
  @Inject RenewedRecords records;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  @Test
  void aRecordSealedWithAnEarlierKeyBeforeTheHistoryBeganVerifiesOnceItsCertificateIsRecovered()
      throws Exception {
    SigningIdentity earlierKey = SigningIdentity.selfSigned("Earlier Key Clinic", LONG_AGO);
    long consentId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    byte[] pdf =
        PadesSeal.seal(
            new RecordPdf()
                .add(RecordPdf.Style.TITLE, "Signed consent")
                .render(
                    "Consent " + consentId,
                    "Earlier Key Clinic",
                    "consent-" + consentId + ".json",
                    "{\"consent\":" + consentId + "}",
                    RecordPdf.utc(LONG_AGO)),
            earlierKey,
            "Earlier Key Clinic",
            "Consent signed",
            LONG_AGO);
    transaction.begin();
    em.persist(
        new SealedRecord(
            RecordKind.CONSENT, consentId, records.client("Olof", "Earlier"), pdf, LONG_AGO));
    transaction.commit();
    String fingerprint = SealCertificate.fingerprintOf(earlierKey.certificate());

    Verification before = verifications.verify(pdf, Verifications.Channel.API);
    assertFalse(before.sealedByClinic(), before.toString());
    assertTrue(before.matchesStoredCopy(), before.toString());

    assertEquals(1, certificates.recoverFromEarlierRecords());

    SealCertificate recovered = certificates.byFingerprint(fingerprint).orElseThrow();
    assertFalse(recovered.isCurrent(), "recovered as retired when the history began");
    assertTrue(recovered.getRetiredAt().isAfter(LONG_AGO));
    Verification after = verifications.verify(pdf, Verifications.Channel.API);
    assertTrue(after.confirmed(), after.toString());
    assertEquals(fingerprint, after.sealCertificate());
    Long audited =
        em.createQuery(
                "select count(e) from AuditEntry e where e.recordType = :t and e.recordId = :i"
                    + " and e.detail like :d",
                Long.class)
            .setParameter("t", SealCertificates.AUDIT_TYPE)
            .setParameter("i", recovered.getId().toString())
            .setParameter("d", "%" + fingerprint + "%")
            .getSingleResult();
    assertEquals(1L, audited);

    assertEquals(0, certificates.recoverFromEarlierRecords(), "found once, not again");
  }
}
