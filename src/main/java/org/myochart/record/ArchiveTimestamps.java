package org.myochart.record;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Keeps time-stamped records checkable for as long as they are kept (ADR-056): a record whose
 * newest document timestamp was made with an authority certificate that expires within the margin
 * ({@code MYOCHART_TIMESTAMP_RENEWAL_MARGIN_DAYS}, 90 days) gets a renewed copy with the validation
 * data of its timestamps and a new document timestamp. Checked once a day on every instance; a
 * record is renewed under a lock on its row, so two instances never renew it twice.
 */
@ApplicationScoped
public class ArchiveTimestamps {

  private static final Logger LOG = Logger.getLogger(ArchiveTimestamps.class.getName());

  /** Records renewed per check at most; the next check takes the rest. */
  static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject ClinicTimestampAuthority timestamps;
  @Inject ArchiveTimestamps self;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "myochart.timestamp-renewal.margin-days", defaultValue = "90")
  int marginDays;

  @Inject
  @ConfigProperty(name = "myochart.timestamp-renewal.check-minutes", defaultValue = "1440")
  int checkMinutes;

  /** Starts the daily check, once at deployment, when a timestamp authority is configured. */
  public void scheduleChecks(
      @Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    if (timestamps.authority().isEmpty()) {
      return;
    }
    long minutes = Math.max(1, checkMinutes);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            renewDue();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The check for records to re-timestamp could not run", e);
          }
        },
        Math.min(minutes, 10),
        minutes,
        TimeUnit.MINUTES);
  }

  /**
   * Renews every record whose newest timestamp expires within the margin, up to {@link #BATCH};
   * stops at the first failure of the authority (the next check tries again).
   *
   * @return how many records were renewed
   */
  public int renewDue() {
    Optional<TimestampAuthority> authority = timestamps.authority();
    if (authority.isEmpty()) {
      return 0;
    }
    Instant limit = clock.instant().plus(Duration.ofDays(Math.max(1, marginDays)));
    int renewed = 0;
    for (Long id : self.due(limit)) {
      try {
        if (self.renew(id, authority.get(), limit)) {
          renewed++;
        }
      } catch (TimestampUnavailable e) {
        int done = renewed;
        LOG.warning(
            () ->
                e.getMessage()
                    + " Re-timestamping stopped after "
                    + done
                    + " records; it is tried again at the next check.");
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sealed record " + id + " could not be re-timestamped", e);
      }
    }
    if (renewed > 0) {
      int count = renewed;
      LOG.info(() -> count + " sealed records were re-timestamped (PAdES B-LTA renewal).");
    }
    return renewed;
  }

  /** The sealed records whose newest document timestamp expires before {@code limit}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> due(Instant limit) {
    return em.createQuery(
            // Every copy's timestamp expires before the limit, so the newest's does: compared
            // attribute by attribute, so that the Instant converter applies to the parameter.
            "select r.id from SealedRecord r where r.timestampExpiresAt < :limit and not exists"
                + " (select n from RecordRenewal n where n.sealedRecord = r"
                + " and n.timestampExpiresAt >= :limit) order by r.id",
            Long.class)
        .setParameter("limit", limit)
        .setMaxResults(BATCH)
        .getResultList();
  }

  /**
   * Renews one record if it is still due once its row is locked: its newest copy gains the
   * validation data and a new document timestamp, stored as a new copy and audited.
   *
   * @return whether a copy was added
   * @throws TimestampUnavailable when the authority fails; nothing is stored then
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean renew(long sealedRecordId, TimestampAuthority authority, Instant limit) {
    SealedRecord record =
        em.find(SealedRecord.class, sealedRecordId, LockModeType.PESSIMISTIC_WRITE);
    if (record == null
        || record.timestampExpiresAt().map(expires -> !expires.isBefore(limit)).orElse(true)) {
      return false;
    }
    String before = record.getSha256();
    byte[] renewedPdf = LongTermValidation.extend(record.pdf(), authority);
    Instant expires =
        LongTermValidation.newestTimestampExpiry(renewedPdf)
            .orElseThrow(
                () -> new IllegalStateException("A renewed copy without a document timestamp"));
    RecordRenewal renewal = new RecordRenewal(record, renewedPdf, clock.instant(), expires);
    em.persist(renewal);
    audit.recordDetailAs(
        Actor.SYSTEM,
        AuditAction.RETIMESTAMP,
        record.kind().typeName(),
        record.getRecordId(),
        new RecordRenewed(before, renewal.getSha256(), expires, record.getClientId()));
    return true;
  }
}
