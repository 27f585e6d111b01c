package org.myochart.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks Merkle inclusion and consistency proofs from root hashes alone, by the verification
 * algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2: what an auditor holding two signed tree
 * heads and a proof can check without the log.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /**
   * Whether {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose root is
   * {@code root}, by its audit path.
   */
  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size || leafHash == null || root == null) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MerkleTree.same(r, root);
  }

  /**
   * Whether the tree of {@code oldSize} leaves with root {@code oldRoot} is a prefix of the tree of
   * {@code newSize} leaves with root {@code newRoot}, by the consistency proof between them.
   */
  public static boolean verifyConsistency(
      long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || oldSize > newSize || oldRoot == null || newRoot == null) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && MerkleTree.same(oldRoot, newRoot);
    }
    if (oldSize == 0) {
      return proof.isEmpty() && MerkleTree.same(oldRoot, MerkleTree.EMPTY_ROOT);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> c = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      c.add(0, oldRoot);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = c.get(0);
    byte[] sr = c.get(0);
    for (byte[] node : c.subList(1, c.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleTree.nodeHash(node, fr);
        sr = MerkleTree.nodeHash(node, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleTree.nodeHash(sr, node);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MerkleTree.same(fr, oldRoot) && MerkleTree.same(sr, newRoot);
  }
}
