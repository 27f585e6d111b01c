package org.myochart.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The root of a growing Merkle tree with only O(log n) hashes kept: the roots of the perfect
 * subtrees along its right edge (a "compact range"), merged as a binary counter carries. Lets the
 * audit check compare every signed tree head while it streams the trail once.
 */
final class MerkleFrontier {

  /** Subtree roots, largest (leftmost) first; sizes are the set bits of {@link #size}. */
  private final List<byte[]> roots = new ArrayList<>();

  private long size;

  /** Appends the next leaf hash. */
  void add(byte[] leafHash) {
    byte[] carry = leafHash;
    // A perfect subtree completes for every trailing one-bit of the old size.
    for (long bits = size; (bits & 1) == 1; bits >>= 1) {
      carry = MerkleTree.nodeHash(roots.remove(roots.size() - 1), carry);
    }
    roots.add(carry);
    size++;
  }

  long size() {
    return size;
  }

  /** The subtree roots as hex, comma-separated, largest first. */
  String encode() {
    return String.join(",", roots.stream().map(HexFormat.of()::formatHex).toList());
  }

  /**
   * The frontier of a tree of {@code size} leaves from {@link #encode()}.
   *
   * @throws IllegalArgumentException when the roots do not fit the size
   */
  static MerkleFrontier decode(long size, String encoded) {
    MerkleFrontier frontier = new MerkleFrontier();
    if (!encoded.isEmpty()) {
      for (String root : encoded.split(",")) {
        frontier.roots.add(HexFormat.of().parseHex(root));
      }
    }
    if (frontier.roots.size() != Long.bitCount(size)
        || frontier.roots.stream().anyMatch(r -> r.length != 32)) {
      throw new IllegalArgumentException(
          "The stored frontier does not fit a tree of " + size + " leaves");
    }
    frontier.size = size;
    return frontier;
  }

  /** MTH of the leaves added so far: the subtree roots folded from the right. */
  byte[] root() {
    if (roots.isEmpty()) {
      return MerkleTree.EMPTY_ROOT.clone();
    }
    byte[] root = roots.get(roots.size() - 1);
    for (int i = roots.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(roots.get(i), root);
    }
    return root;
  }
}
