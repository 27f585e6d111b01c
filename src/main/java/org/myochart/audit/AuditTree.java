package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.myochart.platform.RuleViolation;

/**
 * The audit trail as a Merkle tree (ADR-057, ADR-058). Writers only queue their entries; the
 * sequencer takes the committed ones in id order, gives each the next leaf (whose hash is the
 * entry's, hashed as RFC 9162 does) and publishes a head over all leaves, signed with the clinic's
 * key. One sequencer works at a time: it holds the lock on the single {@code audit_tree_sequencer}
 * row, shared by every server on the database. Proofs are computed from the leaves.
 */
@ApplicationScoped
public class AuditTree {

  private static final HexFormat HEX = HexFormat.of();

  /** Queued entries taken in per query, and ids per delete. */
  private static final int BATCH = 1000;

  /** Leaf hashes read per query. */
  private static final int LEAF_PAGE = 10_000;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TreeHeadSigner signer;
  @Inject Event<OutsideTreeHead.PublishedHead> headPublished;
  @Inject OutsideTreeHead outsideHead;

  /**
   * Gives every committed, queued entry its leaf and publishes a signed head over all leaves,
   * unless the newest head already covers them; waits while another server does so.
   *
   * @return the newest head, or empty while the trail has no entry
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<AuditTreeHead> publish() {
    Object[] sequencer =
        (Object[])
            em.createNativeQuery(
                    "select last_tree_size, frontier from audit_tree_sequencer where id = 1"
                        + " for update")
                .getSingleResult();
    long published = ((Number) sequencer[0]).longValue();
    MerkleFrontier tree = MerkleFrontier.decode(published, sequencer[1].toString());
    if (published > 0
        && !head(published)
            .map(h -> h.getRootHash().equals(HEX.formatHex(tree.root())))
            .orElse(false)) {
      // The stored range must be the newest head's tree; signing on from a changed one would
      // publish wrong heads for good. The audit check says what was changed.
      throw RuleViolation.conflict(
          "The audit tree's stored state does not match the head of "
              + published
              + " entries: no head is published until the trail is checked and restored.");
    }
    AuditLeaf last =
        em.createQuery("select l from AuditLeaf l order by l.leafIndex desc", AuditLeaf.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    long given = last == null ? 0 : last.getLeafIndex() + 1;
    if (given < published) {
      throw RuleViolation.conflict(
          "The audit tree has "
              + given
              + " leaves but its newest head covers "
              + published
              + ": no head is published until the trail is checked and restored.");
    }
    requireTheKeptHead(published);
    // Leaves given out but under no head yet: those V25 made for entries written before it.
    leaves(published, given).forEach(tree::add);
    long size =
        integrateQueued(given, last == null ? ChainCheck.GENESIS : last.getEntryHash(), tree);
    if (size == 0) {
      return Optional.empty();
    }
    if (size == published) {
      return latest();
    }
    AuditTreeHead head =
        new AuditTreeHead(size, HEX.formatHex(tree.root()), clock.instant(), signer);
    em.persist(head);
    em.createNativeQuery(
            "update audit_tree_sequencer set last_tree_size = ?1, frontier = ?2 where id = 1")
        .setParameter(1, size)
        .setParameter(2, tree.encode())
        .executeUpdate();
    // Kept outside the database too, once this transaction has committed (ADR-061).
    headPublished.fire(new OutsideTreeHead.PublishedHead(head, lastEntryId(size).orElseThrow()));
    return Optional.of(head);
  }

  /**
   * Gives the queued entries that have committed the next leaves, in id order, adds them to {@code
   * tree} and takes them off the queue. A queued id whose entry is gone stays queued: the audit
   * check names it.
   *
   * @return the number of leaves
   */
  private long integrateQueued(long size, String previous, MerkleFrontier tree) {
    long after = 0;
    while (true) {
      List<Object[]> queued =
          em.createQuery(
                  "select e.id, e.entryHash from AuditEntry e, UnsequencedEntry u"
                      + " where e.id = u.entryId and u.entryId > :after order by u.entryId",
                  Object[].class)
              .setParameter("after", after)
              .setMaxResults(BATCH)
              .getResultList();
      if (queued.isEmpty()) {
        return size;
      }
      List<Long> taken = new ArrayList<>(queued.size());
      for (Object[] entry : queued) {
        long id = ((Number) entry[0]).longValue();
        String hash = entry[1].toString();
        em.persist(new AuditLeaf(size++, id, hash, previous));
        tree.add(MerkleTree.leafHash(HEX.parseHex(hash)));
        previous = hash;
        taken.add(id);
      }
      em.createQuery("delete from UnsequencedEntry u where u.entryId in :ids")
          .setParameter("ids", taken)
          .executeUpdate();
      after = taken.get(taken.size() - 1);
      // A long queue (after an outage of the sequencer) must not pile up in memory.
      em.flush();
      em.clear();
    }
  }

  /**
   * The head kept outside the database (ADR-061) must be one of the database's own heads. If the
   * database no longer has it, its newest entries were cut and its counts set back: publishing on
   * from there would sign a tree that does not extend the kept head, and the next copy would
   * replace the only evidence of the cut. Nothing is published until the trail is checked and
   * restored.
   */
  private void requireTheKeptHead(long published) {
    if (!(outsideHead.read() instanceof OutsideTreeHead.Reading.Kept kept)) {
      return;
    }
    long size = kept.head().getTreeSize();
    boolean inTheDatabase =
        size <= published
            && head(size).map(h -> h.getRootHash().equals(kept.head().getRootHash())).orElse(false);
    if (!inTheDatabase) {
      throw RuleViolation.conflict(
          "The audit tree head kept outside the database covers "
              + size
              + " entries, but the database "
              + (size > published ? "has heads over only " + published : "holds another head")
              + ": no head is published until the trail is checked and restored.");
    }
  }

  /** The id of the entry at the last place of a tree of {@code size} leaves. */
  private Optional<Long> lastEntryId(long size) {
    return em.createQuery("select l.entryId from AuditLeaf l where l.leafIndex = :last", Long.class)
        .setParameter("last", size - 1)
        .getResultStream()
        .findFirst();
  }

  /** The newest published head that is the clinic's own, with the id of its last entry. */
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<OutsideTreeHead.PublishedHead> latestWithLastEntry() {
    return latest()
        .filter(head -> head.signedByTheClinic(signer))
        .flatMap(
            head ->
                lastEntryId(head.getTreeSize())
                    .map(last -> new OutsideTreeHead.PublishedHead(head, last)));
  }

  /** The newest published head. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AuditTreeHead> latest() {
    return em.createQuery(
            "select h from AuditTreeHead h order by h.treeSize desc", AuditTreeHead.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The head published at exactly this tree size. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AuditTreeHead> head(long treeSize) {
    return Optional.ofNullable(em.find(AuditTreeHead.class, treeSize));
  }

  /** Every published head, newest first, at most {@code max}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditTreeHead> heads(int max) {
    return em.createQuery(
            "select h from AuditTreeHead h order by h.treeSize desc", AuditTreeHead.class)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The audit path of an entry in the tree of a published head.
   *
   * @throws RuleViolation when no head of that size was published or the entry is not in it
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Inclusion inclusion(long entryId, long treeSize) {
    return inclusions(List.of(entryId), treeSize).stream()
        .findFirst()
        .orElseThrow(
            () ->
                RuleViolation.notFound(
                    "Audit entry "
                        + entryId
                        + " is not in the tree of "
                        + treeSize
                        + " entries (an entry gets its place when the next head is"
                        + " published)."));
  }

  /**
   * The audit paths of many entries in the tree of a published head, from one reading of its leaves
   * (an export proves its whole audit log this way). Entries the tree does not contain, such as
   * those written after the head, are left out.
   *
   * @return the proofs in the order of {@code entryIds}
   * @throws RuleViolation when no head of that size was published
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Inclusion> inclusions(Collection<Long> entryIds, long treeSize) {
    AuditTreeHead head = requireHead(treeSize);
    Map<Long, AuditLeaf> leaves = leavesOf(entryIds, treeSize);
    if (leaves.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<byte[]>> paths =
        MerkleTree.inclusionProofs(
            leaves(0, treeSize),
            (int) treeSize,
            leaves.values().stream().map(leaf -> (int) leaf.getLeafIndex()).toList());
    List<Inclusion> inclusions = new ArrayList<>(leaves.size());
    leaves.forEach(
        (entryId, leaf) ->
            inclusions.add(
                new Inclusion(
                    entryId,
                    leaf.getLeafIndex(),
                    head,
                    leaf.getEntryHash(),
                    paths.get((int) leaf.getLeafIndex()).stream().map(HEX::formatHex).toList())));
    return inclusions;
  }

  /**
   * The consistency proof between two published heads.
   *
   * @throws RuleViolation when either head was not published or the first is the larger
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Consistency consistency(long firstSize, long secondSize) {
    if (firstSize > secondSize) {
      throw RuleViolation.invalid(
          "The first tree size ("
              + firstSize
              + ") must not be larger than the second ("
              + secondSize
              + ").");
    }
    AuditTreeHead first = requireHead(firstSize);
    AuditTreeHead second = requireHead(secondSize);
    List<String> proof =
        MerkleTree.consistencyProof(leaves(0, secondSize), (int) firstSize, (int) secondSize)
            .stream()
            .map(HEX::formatHex)
            .toList();
    return new Consistency(first, second, proof);
  }

  /**
   * An entry's place in a head's tree: its leaf index, its hash as the leaf took it in, its path.
   */
  public record Inclusion(
      long entryId, long leafIndex, AuditTreeHead head, String entryHash, List<String> path) {}

  /** A proof that {@code second}'s tree extends {@code first}'s. */
  public record Consistency(AuditTreeHead first, AuditTreeHead second, List<String> proof) {}

  private AuditTreeHead requireHead(long treeSize) {
    return head(treeSize)
        .orElseThrow(
            () ->
                RuleViolation.notFound(
                    "No audit tree head was published for "
                        + treeSize
                        + " entries; the heads list (GET /api/v1/audit/tree/heads) names those"
                        + " that were."));
  }

  /**
   * The leaves of each of these entries that the tree of {@code treeSize} leaves contains, read a
   * few hundred at a time, in the order of {@code entryIds}.
   */
  private Map<Long, AuditLeaf> leavesOf(Collection<Long> entryIds, long treeSize) {
    Map<Long, AuditLeaf> found = new HashMap<>();
    List<Long> ids = List.copyOf(entryIds);
    for (int from = 0; from < ids.size(); from += 500) {
      em.createQuery(
              "select l from AuditLeaf l where l.entryId in :ids and l.leafIndex < :size",
              AuditLeaf.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .setParameter("size", treeSize)
          .getResultList()
          .forEach(leaf -> found.put(leaf.getEntryId(), leaf));
    }
    Map<Long, AuditLeaf> inOrder = new LinkedHashMap<>();
    for (Long id : ids) {
      if (found.containsKey(id)) {
        inOrder.put(id, found.get(id));
      }
    }
    return inOrder;
  }

  /**
   * The leaf hashes of places {@code after} to {@code upTo - 1}. A missing leaf leaves the tree
   * unbuildable, which is said rather than silently skipped.
   */
  private List<byte[]> leaves(long after, long upTo) {
    List<byte[]> leaves = new ArrayList<>((int) Math.min(upTo - after, 1 << 20));
    for (long from = after; from < upTo; from += LEAF_PAGE) {
      long to = Math.min(from + LEAF_PAGE, upTo);
      List<String> hashes =
          em.createQuery(
                  "select l.entryHash from AuditLeaf l where l.leafIndex >= :from"
                      + " and l.leafIndex < :to order by l.leafIndex",
                  String.class)
              .setParameter("from", from)
              .setParameter("to", to)
              .getResultList();
      if (hashes.size() != to - from) {
        throw RuleViolation.conflict(
            "A leaf of the audit tree between places "
                + (from + 1)
                + " and "
                + to
                + " is missing: the trail was changed outside MyoChart (GET /api/v1/audit/verify"
                + " names the first).");
      }
      for (String hash : hashes) {
        leaves.add(MerkleTree.leafHash(HEX.parseHex(hash)));
      }
    }
    return leaves;
  }
}
