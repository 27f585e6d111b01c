package org.myochart.audit;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Checks the whole audit trail against its hash chain, a page at a time, every {@code
 * MYOCHART_AUDIT_CHECK_MINUTES} (60 by default) and whenever the owner asks. The latest verdict is
 * kept for the owner's dashboard; a broken chain is logged as SEVERE.
 */
@ApplicationScoped
public class AuditChain {

  private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());
  private static final int PAGE = 1000;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject TreeHeadSigner treeHeads;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "myochart.audit.check-minutes", defaultValue = "60")
  int checkMinutes;

  private volatile ChainCheck.Result latest;

  /** Starts the regular check, once at deployment. */
  public void scheduleChecks(
      @Observes @Priority(StartupOrder.BACKGROUND_WORK) SchemaMigrated migrated) {
    long minutes = Math.max(1, checkMinutes);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            verify();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The scheduled audit trail check could not run", e);
          }
        },
        1,
        minutes * 60,
        TimeUnit.SECONDS);
  }

  /** Checks the chain now, without recording the check. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ChainCheck.Result verify() {
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "select last_entry_id, last_hash from audit_chain_head where id = 1")
                .getSingleResult();
    ChainCheck check = new ChainCheck(new HeadPages());
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "select e from AuditEntry e where e.id > :after order by e.id", AuditEntry.class)
              .setParameter("after", after)
              .setMaxResults(PAGE)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      page.forEach(check::accept);
      after = page.get(page.size() - 1).getId();
      em.clear();
    }
    ChainCheck.Result result =
        check.finish(((Number) head[0]).longValue(), head[1].toString(), clock.instant());
    latest = result;
    if (!result.intact()) {
      LOG.severe(
          () ->
              "The audit trail is broken at entry "
                  + result.firstBrokenEntry()
                  + ": "
                  + result.reason());
    }
    return result;
  }

  /** Checks the chain now because someone asked, and records that they did. */
  @Transactional
  public ChainCheck.Result verifyOnRequest() {
    ChainCheck.Result result = verify();
    audit.recordDetail(
        AuditAction.VERIFY,
        "AuditTrail",
        null,
        new ChainVerified(result.entries(), result.intact(), result.firstBrokenEntry()));
    return result;
  }

  /**
   * The published heads in ascending size, read a page at a time as the check reaches them; the
   * clinic's trust in each distinct certificate is asked once per check.
   */
  private final class HeadPages implements Iterator<ChainCheck.SignedHead> {
    private final Map<String, Boolean> trusted = new HashMap<>();
    private final ArrayDeque<ChainCheck.SignedHead> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (page.isEmpty() && !exhausted) {
        List<AuditTreeHead> read =
            em.createQuery(
                    "select h from AuditTreeHead h where h.treeSize > :after order by h.treeSize",
                    AuditTreeHead.class)
                .setParameter("after", after)
                .setMaxResults(PAGE)
                .getResultList();
        exhausted = read.size() < PAGE;
        for (AuditTreeHead head : read) {
          boolean clinic =
              trusted.computeIfAbsent(
                      head.getCertificate(), c -> head.certifiedByTheClinic(treeHeads))
                  && head.signatureValid();
          page.add(
              new ChainCheck.SignedHead(
                  head.getTreeSize(), head.getRootHash(), clinic, head.getPublishedAt()));
          after = head.getTreeSize();
        }
        read.forEach(em::detach);
      }
      return !page.isEmpty();
    }

    @Override
    public ChainCheck.SignedHead next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.removeFirst();
    }
  }

  /** The latest verdict, or none before the first check. */
  public ChainCheck.Result latest() {
    return latest;
  }
}
