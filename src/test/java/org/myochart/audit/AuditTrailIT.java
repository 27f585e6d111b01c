package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Deployments;
import org.myochart.testsupport.InTheContainer;

/**
 * The audit trail without one lock (ADR-058), in the container on the real database: writers append
 * while others' transactions are still open, and the sequencer takes only committed entries, in
 * order, into the tree that the check then finds intact.
 */
@InTheContainer
class AuditTrailIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.clinic(AuditTrailIT.class);
  }

  @Inject AuditTrail audit;
  @Inject AuditTree tree;
  @Inject AuditChain chain;
  @Inject UserTransaction transaction;
  @Resource ManagedExecutorService executor;
  @PersistenceContext EntityManager em;

  private AuditEntry append(String marker) {
    return audit.recordAs(Actor.SYSTEM, AuditAction.VIEW, "AuditTrailIT", marker, null);
  }

  /** Appends in a transaction of its own and commits once {@code before} lets it. */
  private long appendAndCommitAfter(String marker, Runnable before) throws Exception {
    transaction.begin();
    try {
      long id = append(marker).getId();
      before.run();
      transaction.commit();
      return id;
    } catch (Exception | Error e) {
      transaction.rollback();
      throw e;
    }
  }

  private Optional<AuditLeaf> leafOf(long entryId) {
    return em.createQuery("select l from AuditLeaf l where l.entryId = :id", AuditLeaf.class)
        .setParameter("id", entryId)
        .getResultStream()
        .findFirst();
  }

  @Test
  void writersAppendWhileOneAnothersTransactionsAreStillOpen() throws Exception {
    String marker = UUID.randomUUID().toString();
    // Each writer appends and then waits for the others to have appended before it commits:
    // with one lock for every append, the second writer would wait for the first one's commit,
    // which waits for the second: the barrier would break.
    CyclicBarrier allAppended = new CyclicBarrier(3);
    Callable<Long> writer =
        () ->
            appendAndCommitAfter(
                marker,
                () -> {
                  try {
                    allAppended.await(20, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException("the writers waited for one another", e);
                  }
                });
    Future<Long> first = executor.submit(writer);
    Future<Long> second = executor.submit(writer);
    long third = writer.call();
    List<Long> ids = List.of(first.get(), second.get(), third);
    assertEquals(3, ids.stream().distinct().count(), ids.toString());

    long size = tree.publish().orElseThrow().getTreeSize();

    List<AuditLeaf> leaves =
        em.createQuery(
                "select l from AuditLeaf l where l.entryId in :ids order by l.leafIndex",
                AuditLeaf.class)
            .setParameter("ids", ids)
            .getResultList();
    assertEquals(3, leaves.size());
    // Their order among themselves is the order the sequencer saw them committed (id order when
    // it saw all three at once; the scheduled sequencer may have come between two commits).
    assertEquals(
        ids.stream().sorted().toList(),
        leaves.stream().map(AuditLeaf::getEntryId).sorted().toList(),
        "each committed entry has its place");
    assertTrue(leaves.get(2).getLeafIndex() < size);
    ChainCheck.Result check = chain.verify();
    assertTrue(check.intact(), check.reason());
  }

  @Test
  void theSequencerLeavesAnEntryWhoseTransactionHasNotCommittedForTheNextHead() throws Exception {
    String marker = UUID.randomUUID().toString();
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch published = new CountDownLatch(1);
    Future<Long> pending =
        executor.submit(
            () ->
                appendAndCommitAfter(
                    marker,
                    () -> {
                      appended.countDown();
                      try {
                        assertTrue(published.await(20, TimeUnit.SECONDS));
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                      }
                    }));
    assertTrue(appended.await(20, TimeUnit.SECONDS));
    long committedMeanwhile = appendAndCommitAfter(marker, () -> {});
    long before = tree.publish().orElseThrow().getTreeSize();
    published.countDown();
    long late = pending.get();

    assertTrue(late < committedMeanwhile, "the open transaction took its id first");
    assertTrue(leafOf(committedMeanwhile).isPresent(), "the committed entry has its place");
    assertFalse(leafOf(late).isPresent(), "the uncommitted one was not seen");

    long after = tree.publish().orElseThrow().getTreeSize();
    AuditLeaf lateLeaf = leafOf(late).orElseThrow();
    assertTrue(lateLeaf.getLeafIndex() >= before && lateLeaf.getLeafIndex() < after);
    assertTrue(
        lateLeaf.getLeafIndex() > leafOf(committedMeanwhile).orElseThrow().getLeafIndex(),
        "its place is after the entry that committed first");
    ChainCheck.Result check = chain.verify();
    assertTrue(check.intact(), check.reason());
    AuditTree.Inclusion proof = tree.inclusion(late, after);
    assertEquals(lateLeaf.getLeafIndex(), proof.leafIndex());
  }
}
