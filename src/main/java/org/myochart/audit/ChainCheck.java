package org.myochart.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Walks the audit trail in id order and finds the first entry that does not belong where it is: ids
 * must run 1, 2, 3 … without a gap, each entry must name its predecessor's hash, its stored hash
 * must be the hash of its content, and the chain must end where the chain head says. So an edited,
 * deleted, inserted or reordered row is named by its id.
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
      long treeSize, String rootHash, boolean signedByTheClinic, Instant publishedAt) {}

  /** The heads not yet compared, in ascending size, read as the check goes. */
  private final PeekingHeads heads;

  private final MerkleFrontier tree = new MerkleFrontier();
  private long lastMatchingHead;
  private long expectedId = 1;
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

  /** Takes the next entry in id order; after the first break the rest are only counted. */
  public void accept(AuditEntry entry) {
    entries++;
    if (brokenAt != null) {
      return;
    }
    long id = entry.getId();
    if (id != expectedId) {
      brokenAt = id;
      reason =
          id > expectedId
              ? "entry "
                  + expectedId
                  + (id - expectedId > 1 ? " to " + (id - 1) : "")
                  + " is missing before entry "
                  + id
              : "entry " + id + " appears out of order after entry " + (expectedId - 1);
      return;
    }
    if (!expectedPrevious.equals(entry.getPreviousHash())) {
      brokenAt = id;
      reason = "entry " + id + " does not name the hash of the entry before it";
      return;
    }
    if (!entry.computeHash().equals(entry.getEntryHash())) {
      brokenAt = id;
      reason =
          "entry "
              + id
              + " was changed after it was written (its content no longer matches its hash)";
      return;
    }
    expectedId = id + 1;
    expectedPrevious = entry.getEntryHash();
    tree.add(MerkleTree.leafHash(HexFormat.of().parseHex(entry.getEntryHash())));
    while (brokenAt == null && !heads.isEmpty() && heads.peekFirst().treeSize() == tree.size()) {
      compare(heads.removeFirst());
    }
  }

  private void compare(SignedHead head) {
    String changed =
        "entries "
            + (lastMatchingHead + 1)
            + " to "
            + head.treeSize()
            + " do not match the tree head signed at "
            + head.publishedAt();
    if (!head.signedByTheClinic()) {
      brokenAt = lastMatchingHead + 1;
      reason =
          "the tree head of "
              + head.treeSize()
              + " entries published at "
              + head.publishedAt()
              + " does not carry the clinic's signature";
    } else if (!HexFormat.of().formatHex(tree.root()).equals(head.rootHash())) {
      brokenAt = lastMatchingHead + 1;
      reason = changed + ": the trail was rewritten after that head was signed";
    } else {
      lastMatchingHead = head.treeSize();
    }
  }

  /** The verdict, given where the chain head says the trail ends. */
  public Result finish(long headLastId, String headLastHash, Instant now) {
    if (brokenAt == null && expectedId - 1 != headLastId) {
      brokenAt = expectedId - 1 < headLastId ? expectedId : headLastId + 1;
      reason =
          expectedId - 1 < headLastId
              ? "entries "
                  + expectedId
                  + " to "
                  + headLastId
                  + " are missing at the end of the trail"
              : "the trail holds entries after " + headLastId + ", where the chain ends";
    }
    if (brokenAt == null && !heads.isEmpty()) {
      SignedHead beyond = heads.peekFirst();
      brokenAt = expectedId;
      reason =
          "the tree head signed at "
              + beyond.publishedAt()
              + " covers "
              + beyond.treeSize()
              + " entries, but the trail ends at entry "
              + (expectedId - 1);
    }
    if (brokenAt == null && !expectedPrevious.equals(headLastHash.strip())) {
      brokenAt = headLastId;
      reason = "the last entry's hash is not the one the chain ended with";
    }
    return new Result(
        entries,
        brokenAt == null,
        brokenAt,
        brokenAt == null ? "The audit trail is intact." : reason,
        now);
  }
}
