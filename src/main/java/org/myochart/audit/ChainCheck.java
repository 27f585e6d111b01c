package org.myochart.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Walks the audit trail in the order of its tree (ADR-058) and finds the first entry that does not
 * belong where it is: the leaves must run 0, 1, 2 … without a gap, each must name the hash of the
 * leaf before it, its entry must be there, the entry's stored hash must be the hash of its content
 * and the one the leaf took in, and entries chained before ADR-058 must also name their
 * predecessor. The tree over the leaves must have every signed head's root at that head's size.
 * Entries still queued for the sequencer are checked against their own hash; an entry that is in
 * neither, or a queued one that is gone, is named too. So an edited, deleted, inserted or reordered
 * row is named by its entry id (or, where the entry is gone with its leaf, by its place: leaf index
 * + 1, which is the entry id for entries written before ADR-058).
 */
public final class ChainCheck {

  /** The hash an empty trail starts from. */
  public static final String GENESIS = "0".repeat(64);

  /** What a check found. */
  public record Result(
      long entries, boolean intact, Long firstBrokenEntry, String reason, Instant checkedAt) {}

  /**
   * A signed tree head to compare while the trail streams past: its size and root, whether its
   * signature is the clinic's, and when it was published.
   */
  public record SignedHead(
      long treeSize,
      String rootHash,
      boolean signedByTheClinic,
      Instant publishedAt,
      boolean keptOutside,
      Long lastEntryId) {

    /** A head read from the database. */
    public SignedHead(
        long treeSize, String rootHash, boolean signedByTheClinic, Instant publishedAt) {
      this(treeSize, rootHash, signedByTheClinic, publishedAt, false, null);
    }

    /**
     * A head kept outside the database (ADR-061), vouching for the entries up to {@code
     * lastEntryId}.
     */
    public static SignedHead keptOutside(
        long treeSize,
        String rootHash,
        boolean signedByTheClinic,
        Instant publishedAt,
        long lastEntryId) {
      return new SignedHead(treeSize, rootHash, signedByTheClinic, publishedAt, true, lastEntryId);
    }

    String describe() {
      return keptOutside
          ? "the tree head kept outside the database, signed at " + publishedAt
          : "the tree head signed at " + publishedAt;
    }

    /** Why this head vouches for nothing, when its signature is not the clinic's. */
    String notTheClinics() {
      return (keptOutside ? "the tree head kept outside the database, of " : "the tree head of ")
          + treeSize
          + " entries published at "
          + publishedAt
          + " does not carry the clinic's signature";
    }
  }

  /** The heads not yet compared, in ascending size, read as the check goes. */
  private final PeekingHeads heads;

  private final MerkleFrontier tree = new MerkleFrontier();
  private long lastMatchingHead;
  private long expectedIndex;
  private String expectedPrevious = GENESIS;
  private long entries;
  private Long brokenAt;
  private String reason;

  /** A check of the hash chain alone. */
  public ChainCheck() {
    this(List.of());
  }

  /**
   * A check of the hash chain and of every signed tree head: the tree over the entries' hashes must
   * have each head's root at each head's size, so a trail rewritten with a consistent chain is
   * still found out by the first head signed before the change.
   */
  public ChainCheck(List<SignedHead> heads) {
    this(heads.stream().sorted(Comparator.comparingLong(SignedHead::treeSize)).iterator());
  }

  /**
   * As {@link #ChainCheck(List)}, with the heads given in ascending size as the check needs them,
   * so that a long trail's heads need not all be in memory at once.
   */
  public ChainCheck(Iterator<SignedHead> ascending) {
    this.heads = new PeekingHeads(ascending);
  }

  /** An iterator with a look at its next element. */
  private static final class PeekingHeads {
    private final Iterator<SignedHead> source;
    private SignedHead next;

    PeekingHeads(Iterator<SignedHead> source) {
      this.source = source;
      this.next = source.hasNext() ? source.next() : null;
    }

    boolean isEmpty() {
      return next == null;
    }

    SignedHead peekFirst() {
      return next;
    }

    SignedHead removeFirst() {
      SignedHead taken = next;
      next = source.hasNext() ? source.next() : null;
      return taken;
    }
  }

  /**
   * Takes the next leaf in tree order with its entry (null when the entry is gone); after the first
   * break the rest are only counted.
   */
  public void accept(AuditLeaf leaf, AuditEntry entry) {
    entries++;
    if (brokenAt != null) {
      return;
    }
    long index = leaf.getLeafIndex();
    long id = leaf.getEntryId();
    if (index != expectedIndex) {
      breakAt(
          id,
          index > expectedIndex + 1
              ? "the entries at places "
                  + (expectedIndex + 1)
                  + " to "
                  + index
                  + " of the trail are missing before entry "
                  + id
              : index > expectedIndex
                  ? "the entry at place " + index + " of the trail is missing before entry " + id
                  : "entry " + id + " appears out of order after place " + expectedIndex);
    } else if (entry == null) {
      breakAt(id, "entry " + id + " is missing (it was at place " + (index + 1) + ")");
    } else if (!expectedPrevious.equals(leaf.getPreviousHash())
        || entry.isChainedToPredecessor() && !expectedPrevious.equals(entry.getPreviousHash())) {
      breakAt(id, "entry " + id + " does not name the hash of the entry before it");
    } else if (!entry.computeHash().equals(entry.getEntryHash())) {
      breakAt(id, changed(id));
    } else if (!entry.getEntryHash().equals(leaf.getEntryHash())) {
      breakAt(
          id,
          "entry "
              + id
              + " was rewritten after it was written (its hash is not the one the tree took in)");
    } else {
      expectedIndex = index + 1;
      expectedPrevious = leaf.getEntryHash();
      tree.add(MerkleTree.leafHash(HexFormat.of().parseHex(leaf.getEntryHash())));
      while (brokenAt == null && !heads.isEmpty() && heads.peekFirst().treeSize() == tree.size()) {
        compare(heads.removeFirst());
      }
    }
  }

  /** Takes an entry still waiting for its leaf: only its own hash can be checked yet. */
  public void acceptQueued(AuditEntry entry) {
    entries++;
    if (brokenAt == null && !entry.computeHash().equals(entry.getEntryHash())) {
      breakAt(entry.getId(), changed(entry.getId()));
    }
  }

  /** An entry in the trail that has no leaf and is not queued for one: it was put in around us. */
  public void stray(long entryId) {
    if (brokenAt == null) {
      breakAt(
          entryId,
          "entry "
              + entryId
              + " is in the trail but was never queued for the tree: it was written around"
              + " MyoChart");
    }
  }

  /** A queued entry that is gone before the sequencer took it in. */
  public void vanished(long entryId) {
    if (brokenAt == null) {
      breakAt(entryId, "entry " + entryId + " is missing (it was waiting for its place)");
    }
  }

  private static String changed(long id) {
    return "entry "
        + id
        + " was changed after it was written (its content no longer matches its hash)";
  }

  private void breakAt(long entry, String why) {
    brokenAt = entry;
    reason = why;
  }

  private void compare(SignedHead head) {
    String changed =
        "the entries at places "
            + (lastMatchingHead + 1)
            + " to "
            + head.treeSize()
            + " do not match "
            + head.describe();
    if (!head.signedByTheClinic()) {
      brokenAt = lastMatchingHead + 1;
      reason = head.notTheClinics();
    } else if (!HexFormat.of().formatHex(tree.root()).equals(head.rootHash())) {
      brokenAt = lastMatchingHead + 1;
      reason = changed + ": the trail was rewritten after that head was signed";
    } else {
      lastMatchingHead = head.treeSize();
    }
  }

  /** Why a head that covers more entries than the trail holds is reported. */
  private String beyondTheTrail(SignedHead beyond) {
    if (!beyond.keptOutside()) {
      return beyond.describe()
          + " covers "
          + beyond.treeSize()
          + " entries, but the trail ends at place "
          + expectedIndex;
    }
    if (!beyond.signedByTheClinic()) {
      return beyond.notTheClinics();
    }
    return "the trail ends at place "
        + expectedIndex
        + ", but "
        + beyond.describe()
        + " vouches for "
        + beyond.treeSize()
        + " entries, the last of them entry "
        + beyond.lastEntryId()
        + ": the entries at places "
        + (expectedIndex + 1)
        + " to "
        + beyond.treeSize()
        + " were removed from the database";
  }

  /** The verdict, given how many leaves the sequencer says it has given out. */
  public Result finish(long sequenced, Instant now) {
    if (brokenAt == null && expectedIndex < sequenced) {
      brokenAt = expectedIndex + 1;
      reason =
          "the entries at places "
              + (expectedIndex + 1)
              + " to "
              + sequenced
              + " of the trail are missing at its end";
    }
    if (brokenAt == null && !heads.isEmpty()) {
      SignedHead beyond = heads.peekFirst();
      brokenAt = expectedIndex + 1;
      reason = beyondTheTrail(beyond);
    }
    return new Result(
        entries,
        brokenAt == null,
        brokenAt,
        brokenAt == null ? "The audit trail is intact." : reason,
        now);
  }
}
