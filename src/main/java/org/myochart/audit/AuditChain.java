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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.SchemaMigrated;
import org.myochart.platform.StartupOrder;

/**
 * Checks the whole audit trail against its tree and signed heads, a page at a time, every {@code
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
  @Inject OutsideTreeHead outsideHead;
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

  /** Checks the trail now, without recording the check. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ChainCheck.Result verify() {
    // Read before the trail: a head written meanwhile covers leaves the check then still reads.
    OutsideTreeHead.Reading outside = outsideHead.read();
    long sequenced =
        ((Number)
                em.createNativeQuery("select last_tree_size from audit_tree_sequencer where id = 1")
                    .getSingleResult())
            .longValue();
    // Leaves given out while the check runs are left to the next check; so are heads over them.
    Long lastLeaf =
        em.createQuery("select max(l.leafIndex) from AuditLeaf l", Long.class).getSingleResult();
    long leaves = Math.max(sequenced, lastLeaf == null ? 0 : lastLeaf + 1);
    Optional<ChainCheck.SignedHead> kept = keptOutside(outside);
    ChainCheck check = new ChainCheck(withKeptHead(new HeadPages(leaves), kept));
    long after = -1;
    while (true) {
      List<AuditLeaf> page =
          em.createQuery(
                  "select l from AuditLeaf l where l.leafIndex > :after and l.leafIndex < :upTo"
                      + " order by l.leafIndex",
                  AuditLeaf.class)
              .setParameter("after", after)
              .setParameter("upTo", leaves)
              .setMaxResults(PAGE)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      Map<Long, AuditEntry> entries = new HashMap<>();
      em.createQuery("select e from AuditEntry e where e.id in :ids", AuditEntry.class)
          .setParameter("ids", page.stream().map(AuditLeaf::getEntryId).toList())
          .getResultList()
          .forEach(e -> entries.put(e.getId(), e));
      page.forEach(leaf -> check.accept(leaf, entries.get(leaf.getEntryId())));
      after = page.get(page.size() - 1).getLeafIndex();
      em.clear();
    }
    checkQueued(check);
    ChainCheck.Result checked = check.finish(sequenced, clock.instant());
    ChainCheck.Result result =
        checked.intact() && kept.isEmpty() ? notCompared(outside, checked) : checked;
    latest = result;
    if (!result.intact()) {
      LOG.severe(
          () ->
              result.firstBrokenEntry() == null
                  ? "The audit trail could not be fully checked: " + result.reason()
                  : "The audit trail is broken at entry "
                      + result.firstBrokenEntry()
                      + ": "
                      + result.reason());
    }
    return result;
  }

  /**
   * The entries still waiting for their leaves, and any entry that has neither a leaf nor a place
   * in the queue, or a queued one that is gone.
   */
  private void checkQueued(ChainCheck check) {
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "select e from AuditEntry e, UnsequencedEntry u where e.id = u.entryId"
                      + " and e.id > :after order by e.id",
                  AuditEntry.class)
              .setParameter("after", after)
              .setMaxResults(PAGE)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      page.forEach(check::acceptQueued);
      after = page.get(page.size() - 1).getId();
      em.clear();
    }
    // Read after the leaves: an entry the sequencer took in meanwhile has its leaf by now.
    em.createQuery(
            "select e.id from AuditEntry e where not exists (select l from AuditLeaf l"
                + " where l.entryId = e.id) and not exists (select u from UnsequencedEntry u"
                + " where u.entryId = e.id) order by e.id",
            Long.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .ifPresent(check::stray);
    em.createQuery(
            "select u.entryId from UnsequencedEntry u where not exists (select e from AuditEntry e"
                + " where e.id = u.entryId) order by u.entryId",
            Long.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .ifPresent(check::vanished);
  }

  /** The copy of the newest head kept outside the database, as the check compares it. */
  private Optional<ChainCheck.SignedHead> keptOutside(OutsideTreeHead.Reading outside) {
    if (!(outside instanceof OutsideTreeHead.Reading.Kept kept)) {
      return Optional.empty();
    }
    AuditTreeHead head = kept.head();
    return Optional.of(
        ChainCheck.SignedHead.keptOutside(
            head.getTreeSize(),
            head.getRootHash(),
            head.signedByTheClinic(treeHeads),
            head.getPublishedAt(),
            kept.lastEntryId()));
  }

  /**
   * An intact trail with no outside copy to compare: fine while nothing was ever published, but not
   * "intact" when the database has heads and the copy that should vouch for the newest of them is
   * missing or cannot be read (issue 20: the check says what it could not compare).
   */
  private ChainCheck.Result notCompared(OutsideTreeHead.Reading outside, ChainCheck.Result result) {
    String why = null;
    if (outside instanceof OutsideTreeHead.Reading.Unreadable unreadable) {
      why = unreadable.why();
    } else if (outside instanceof OutsideTreeHead.Reading.Absent
        && em.createQuery("select count(h) from AuditTreeHead h", Long.class).getSingleResult() > 0
        // A first head published while this check ran is written just after its commit.
        && outsideHead.read() instanceof OutsideTreeHead.Reading.Absent) {
      why = "it is missing";
    }
    if (why == null) {
      return result;
    }
    return new ChainCheck.Result(
        result.entries(),
        false,
        null,
        "The trail's newest entries could not be compared with the tree head kept outside the"
            + " database ("
            + outsideHead.file()
            + "): "
            + why
            + ". The entries in the database match their own tree and heads, but entries removed"
            + " from its end would not be noticed.",
        result.checkedAt());
  }

  /** The database's heads in ascending size, with the kept copy in its place among them. */
  private static Iterator<ChainCheck.SignedHead> withKeptHead(
      Iterator<ChainCheck.SignedHead> fromDatabase, Optional<ChainCheck.SignedHead> kept) {
    return new Iterator<>() {
      private ChainCheck.SignedHead pending = kept.orElse(null);
      private ChainCheck.SignedHead buffered;

      @Override
      public boolean hasNext() {
        return pending != null || buffered != null || fromDatabase.hasNext();
      }

      @Override
      public ChainCheck.SignedHead next() {
        if (buffered == null && fromDatabase.hasNext()) {
          buffered = fromDatabase.next();
        }
        ChainCheck.SignedHead taken;
        if (pending != null && (buffered == null || pending.treeSize() <= buffered.treeSize())) {
          taken = pending;
          pending = null;
        } else if (buffered != null) {
          taken = buffered;
          buffered = null;
        } else {
          throw new NoSuchElementException();
        }
        return taken;
      }
    };
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
    private final long upTo;
    private final ArrayDeque<ChainCheck.SignedHead> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    HeadPages(long upTo) {
      this.upTo = upTo;
    }

    @Override
    public boolean hasNext() {
      if (page.isEmpty() && !exhausted) {
        List<AuditTreeHead> read =
            em.createQuery(
                    "select h from AuditTreeHead h where h.treeSize > :after"
                        + " and h.treeSize <= :upTo order by h.treeSize",
                    AuditTreeHead.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
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
