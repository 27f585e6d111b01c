package org.myochart.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree hash of an append-only log and its proofs, exactly as Certificate Transparency
 * defines them (RFC 6962 section 2.1, RFC 9162 section 2.1): leaves hashed as SHA-256(0x00 ||
 * entry), interior nodes as SHA-256(0x01 || left || right), a tree of n leaves split at the largest
 * power of two below n. An inclusion proof shows that an entry is in a tree of a given size and
 * root; a consistency proof shows that a smaller tree is a prefix of a larger one, i.e. that
 * nothing before was changed, removed or reordered.
 *
 * <p>This class computes over the leaf hashes held in a list; {@link MerkleProofs} checks proofs
 * with nothing but the root hashes, as an auditor's own code would.
 */
public final class MerkleTree {

  /** SHA-256 of the empty string: the root of a tree without leaves. */
  static final byte[] EMPTY_ROOT = sha256(new byte[0]);

  private MerkleTree() {}

  /** The hash of one log entry as a leaf: SHA-256(0x00 || entry). */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest digest = digest();
    digest.update((byte) 0x00);
    digest.update(entry);
    return digest.digest();
  }

  /** The hash of an interior node: SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = digest();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /** MTH(D[n]): the root of the tree over these leaf hashes. */
  public static byte[] root(List<byte[]> leaves) {
    return leaves.isEmpty() ? EMPTY_ROOT.clone() : subtreeRoot(leaves, 0, leaves.size());
  }

  /**
   * PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code size}
   * leaves, from the leaf's sibling up to the root's children.
   */
  public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
    requireSize(leaves, size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "Leaf " + index + " is not in a tree of " + size + " leaves");
    }
    List<byte[]> path = new ArrayList<>();
    path(leaves, index, 0, size, path);
    return path;
  }

  /**
   * The audit paths of several leaves of the tree of the first {@code size} leaves, hashing the
   * tree once instead of once a path: level by level from the leaves up, pairing neighbours and
   * raising the last node of a level with an odd count unpaired, which builds the same tree as RFC
   * 9162's split at the largest power of two. A leaf's node on each level is its index shifted
   * right by the level; its sibling, when the level has one, is the next hash of its path.
   *
   * @return each index's path, as {@link #inclusionProof} gives it, in the order asked for
   */
  public static Map<Integer, List<byte[]>> inclusionProofs(
      List<byte[]> leaves, int size, Collection<Integer> indexes) {
    requireSize(leaves, size);
    Map<Integer, List<byte[]>> paths = new LinkedHashMap<>();
    for (int index : indexes) {
      if (index < 0 || index >= size) {
        throw new IllegalArgumentException(
            "Leaf " + index + " is not in a tree of " + size + " leaves");
      }
      paths.put(index, new ArrayList<>());
    }
    List<byte[]> level = leaves.subList(0, size);
    for (int height = 0; level.size() > 1; height++) {
      for (Map.Entry<Integer, List<byte[]>> path : paths.entrySet()) {
        int sibling = (path.getKey() >> height) ^ 1;
        if (sibling < level.size()) {
          path.getValue().add(level.get(sibling).clone());
        }
      }
      List<byte[]> parents = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        parents.add(i + 1 < level.size() ? nodeHash(level.get(i), level.get(i + 1)) : level.get(i));
      }
      level = parents;
    }
    return paths;
  }

  /**
   * PROOF(m, D[n]): the consistency proof between the tree of the first {@code oldSize} leaves and
   * the tree of the first {@code newSize}; empty when the sizes are equal or the old tree is empty.
   */
  public static List<byte[]> consistencyProof(List<byte[]> leaves, int oldSize, int newSize) {
    requireSize(leaves, newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "A tree of " + oldSize + " leaves is not a prefix of one of " + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(leaves, oldSize, 0, newSize, true, proof);
    }
    return proof;
  }

  /** The largest power of two smaller than {@code n} (n at least 2). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from).clone();
    }
    int k = split(n);
    return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
  }

  private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (index - from < k) {
      path(leaves, index, from, from + k, out);
      out.add(subtreeRoot(leaves, from + k, to));
    } else {
      path(leaves, index, from + k, to, out);
      out.add(subtreeRoot(leaves, from, from + k));
    }
  }

  /** SUBPROOF(m, D[from:to], b) of RFC 6962 section 2.1.2, with m counted from {@code from}. */
  private static void subproof(
      List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
    int n = to - from;
    if (m == n) {
      if (!complete) {
        out.add(subtreeRoot(leaves, from, to));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(leaves, m, from, from + k, complete, out);
      out.add(subtreeRoot(leaves, from + k, to));
    } else {
      subproof(leaves, m - k, from + k, to, false, out);
      out.add(subtreeRoot(leaves, from, from + k));
    }
  }

  private static void requireSize(List<byte[]> leaves, int size) {
    if (size < 0 || size > leaves.size()) {
      throw new IllegalArgumentException("The log has " + leaves.size() + " entries, not " + size);
    }
  }

  static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** Whether two hashes are the same, in constant time. */
  static boolean same(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b) && Arrays.equals(a, b);
  }
}
