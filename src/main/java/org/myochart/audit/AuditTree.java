package org.myochart.audit;

import jakarta.enterprise.context.ApplicationScoped;
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
 * The audit trail as a Merkle tree (ADR-057): leaf {@code i} is entry {@code i + 1}'s hash, hashed
 * as RFC 9162 does, so the tree's order is the chain's. Heads are published by one sequencer at a
 * time (a lock on the single {@code audit_tree_sequencer} row, shared by every server on the
 * database) and signed with the clinic's key; proofs are computed from the stored entry hashes, so
 * a proof for an altered entry no longer leads to a signed root.
 */
@ApplicationScoped
public class AuditTree {

  private static final HexFormat HEX = HexFormat.of();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TreeHeadSigner signer;

  /**
   * Publishes a signed head over every committed entry, unless the newest head already covers them
   * all; waits while another server publishes.
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
    // Appends hold the chain head until they commit, so committed entries are always ids 1..n.
    Long newest =
        em.createQuery("select max(e.id) from AuditEntry e", Long.class).getSingleResult();
    long size = newest == null ? 0 : newest;
    if (size == 0) {
      return Optional.empty();
    }
    if (size <= published) {
      return latest();
    }
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
    List<byte[]> added = leaves(published, size);
    added.forEach(tree::add);
    AuditTreeHead head =
        new AuditTreeHead(size, HEX.formatHex(tree.root()), clock.instant(), signer);
    em.persist(head);
    em.createNativeQuery(
            "update audit_tree_sequencer set last_tree_size = ?1, frontier = ?2 where id = 1")
        .setParameter(1, size)
        .setParameter(2, tree.encode())
        .executeUpdate();
    return Optional.of(head);
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
    AuditTreeHead head = requireHead(treeSize);
    if (entryId < 1 || entryId > treeSize) {
      throw RuleViolation.notFound(
          "Audit entry " + entryId + " is not in the tree of " + treeSize + " entries.");
    }
    List<byte[]> leaves = leaves(0, treeSize);
    List<String> path =
        MerkleTree.inclusionProof(leaves, (int) (entryId - 1), (int) treeSize).stream()
            .map(HEX::formatHex)
            .toList();
    return new Inclusion(entryId, entryId - 1, head, entryHash(entryId), path);
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
    Map<Long, Long> leafIndexes = leafIndexesOf(entryIds, treeSize);
    if (leafIndexes.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<byte[]>> paths =
        MerkleTree.inclusionProofs(
            leaves(0, treeSize),
            (int) treeSize,
            leafIndexes.values().stream().map(Long::intValue).toList());
    Map<Long, String> hashes = entryHashes(leafIndexes.keySet());
    List<Inclusion> inclusions = new ArrayList<>(leafIndexes.size());
    leafIndexes.forEach(
        (entryId, leafIndex) ->
            inclusions.add(
                new Inclusion(
                    entryId,
                    leafIndex,
                    head,
                    hashes.get(entryId),
                    paths.get(leafIndex.intValue()).stream().map(HEX::formatHex).toList())));
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

  /** An entry's place in a head's tree: its leaf index (id − 1), its stored hash and path. */
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

  private String entryHash(long entryId) {
    return em.createQuery("select e.entryHash from AuditEntry e where e.id = :id", String.class)
        .setParameter("id", entryId)
        .getSingleResult();
  }

  /**
   * The leaf index of each of these entries that the tree of {@code treeSize} leaves contains.
   * While appends hold the chain head until they commit, entry {@code n} is leaf {@code n - 1}.
   */
  private static Map<Long, Long> leafIndexesOf(Collection<Long> entryIds, long treeSize) {
    Map<Long, Long> leafIndexes = new LinkedHashMap<>();
    for (long entryId : entryIds) {
      if (entryId >= 1 && entryId <= treeSize) {
        leafIndexes.put(entryId, entryId - 1);
      }
    }
    return leafIndexes;
  }

  /** The stored hashes of these entries, read a few hundred at a time. */
  private Map<Long, String> entryHashes(Collection<Long> entryIds) {
    Map<Long, String> hashes = new HashMap<>();
    List<Long> ids = List.copyOf(entryIds);
    for (int from = 0; from < ids.size(); from += 500) {
      em.createQuery(AuditLine.SELECT + " where a.id in :ids", AuditLine.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .getResultList()
          .forEach(line -> hashes.put(line.id(), line.entryHash()));
    }
    return hashes;
  }

  /**
   * The leaf hashes of entries {@code after + 1} to {@code upTo}. A gap in the ids (a deleted
   * entry) leaves the tree unbuildable, which is said rather than silently skipped.
   */
  private List<byte[]> leaves(long after, long upTo) {
    List<String> hashes =
        em.createQuery(
                "select e.entryHash from AuditEntry e where e.id > :after and e.id <= :upTo"
                    + " order by e.id",
                String.class)
            .setParameter("after", after)
            .setParameter("upTo", upTo)
            .getResultList();
    if (hashes.size() != upTo - after) {
      throw RuleViolation.conflict(
          "An audit entry between "
              + (after + 1)
              + " and "
              + upTo
              + " is missing: the trail was changed outside MyoChart (GET /api/v1/audit/verify"
              + " names the first).");
    }
    List<byte[]> leaves = new ArrayList<>(hashes.size());
    for (String hash : hashes) {
      leaves.add(MerkleTree.leafHash(HEX.parseHex(hash)));
    }
    return leaves;
  }
}
