package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditAction;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;
import org.myochart.testsupport.TestTimestampAuthority;

/**
 * Renewing a record's document timestamp before the authority's certificate expires (ADR-056), in
 * Payara Micro on the real database: the renewed copy is stored beside the sealed one, handed out
 * from then on, still verifies as the clinic's stored copy (and so does the older one), and the
 * renewal is audited. The authority runs inside the server for the test.
 */
@InTheContainer
class RecordRenewalIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(RecordRenewalIT.class);
  }

  @Inject ArchiveTimestamps renewals;
  @Inject RenewedRecords records;
  @Inject Verifications verifications;
  @PersistenceContext EntityManager em;

  private TestTimestampAuthority tsa;
  private TimestampAuthority authority;

  @BeforeEach
  void startAuthority() {
    tsa = TestTimestampAuthority.start();
    authority = new TimestampAuthority(tsa.url(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stopAuthority() {
    tsa.close();
  }

  /** A note's record sealed now with the clinic's key and the test authority (B-LTA). */
  private SealedRecord sealedNote() throws Exception {
    return records.sealedNote(records.client("Renée", "Renewal"), authority);
  }

  private SealedRecord reloaded(long id) {
    return records.reloaded(id);
  }

  @Test
  void aRecordDueForRenewalGetsANewerCopyWithOneMoreDocumentTimestamp() throws Exception {
    SealedRecord record = sealedNote();
    byte[] sealed = record.pdf();
    Instant expires = record.timestampExpiresAt().orElseThrow();
    assertEquals(tsa.certificate().getNotAfter().toInstant(), expires);
    Instant soon = expires.plus(Duration.ofDays(1));

    assertTrue(renewals.due(soon).contains(record.getId()), "due within the margin");
    assertFalse(renewals.due(expires.minus(Duration.ofDays(1))).contains(record.getId()));
    assertTrue(renewals.renew(record.getId(), authority, soon));

    SealedRecord renewed = reloaded(record.getId());
    assertEquals(1, renewed.renewalCount());
    byte[] newest = renewed.pdf();
    assertNotEquals(record.sealedSha256(), renewed.getSha256(), "the newest copy is handed out");
    assertEquals(org.myochart.platform.Sha256.of(newest), renewed.getSha256());
    assertTrue(renewed.isCopy(record.sealedSha256()) && renewed.isCopy(renewed.getSha256()));
    SealInspection.Findings findings = SealInspection.inspect(newest);
    assertTrue(findings.intact(), findings.toString());
    assertEquals(2, findings.archiveTimestamps().size());
    assertEquals(sealed.length, record.getSizeBytes());
    assertTrue(newest.length > sealed.length, "the copy grew by an incremental update");
    for (int i = 0; i < sealed.length; i++) {
      if (sealed[i] != newest[i]) {
        throw new AssertionError("the sealed bytes changed at " + i);
      }
    }

    Long entries =
        em.createQuery(
                "select count(e) from AuditEntry e where e.action = :a and e.recordType = :t"
                    + " and e.recordId = :i",
                Long.class)
            .setParameter("a", AuditAction.RETIMESTAMP)
            .setParameter("t", RecordKind.SOAP_NOTE.typeName())
            .setParameter("i", Long.toString(record.getRecordId()))
            .getSingleResult();
    assertEquals(1L, entries);
  }

  @Test
  void bothTheSealedAndTheRenewedCopyVerifyAsTheClinicsStoredCopy() throws Exception {
    SealedRecord record = sealedNote();
    byte[] sealed = record.pdf();
    Instant soon = record.timestampExpiresAt().orElseThrow().plus(Duration.ofDays(1));
    renewals.renew(record.getId(), authority, soon);
    byte[] newest = reloaded(record.getId()).pdf();

    for (byte[] copy : new byte[][] {sealed, newest}) {
      Verification answer = verifications.verify(copy, Verifications.Channel.API);
      assertTrue(answer.confirmed(), answer.toString());
    }
  }

  @Test
  void aRecordRenewedOnceIsNotRenewedAgainUntilItsNewTimestampIsDue() throws Exception {
    SealedRecord record = sealedNote();
    Instant soon = record.timestampExpiresAt().orElseThrow().plus(Duration.ofDays(1));
    assertTrue(renewals.renew(record.getId(), authority, soon));
    Instant newExpiry = reloaded(record.getId()).timestampExpiresAt().orElseThrow();

    // The test authority's certificate is the same, so the new timestamp expires with it: due
    // only past that time, and then renewed again on top of the renewed copy.
    assertFalse(renewals.renew(record.getId(), authority, newExpiry.minusSeconds(60)));
    assertTrue(renewals.renew(record.getId(), authority, newExpiry.plusSeconds(60)));
    SealedRecord twice = reloaded(record.getId());
    assertEquals(2, twice.renewalCount());
    assertEquals(3, SealInspection.inspect(twice.pdf()).archiveTimestamps().size());
  }
}
