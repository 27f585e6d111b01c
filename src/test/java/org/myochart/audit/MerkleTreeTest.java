package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree hash and proofs of RFC 6962, checked against the reference test vectors of Certificate
 * Transparency (eight leaves of 0 to 16 bytes, the root of each prefix), and every proof of logs up
 * to 33 entries checked, then broken.
 */
class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The eight leaf inputs of the reference vectors. */
  private static final List<String> INPUTS =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  /** The reference roots of the first 1 to 8 of them. */
  private static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private static List<byte[]> referenceLeaves() {
    return INPUTS.stream().map(HEX::parseHex).map(MerkleTree::leafHash).toList();
  }

  private static List<byte[]> leaves(int count) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(MerkleTree.leafHash(("audit entry " + i).getBytes()));
    }
    return leaves;
  }

  @Test
  void theRootOfEveryPrefixIsTheReferenceRoot() {
    List<byte[]> leaves = referenceLeaves();
    for (int n = 1; n <= 8; n++) {
      assertEquals(
          ROOTS.get(n - 1), HEX.formatHex(MerkleTree.root(leaves.subList(0, n))), "size " + n);
    }
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HEX.formatHex(MerkleTree.root(List.of())),
        "an empty tree's root is the hash of nothing");
  }

  @Test
  void everyInclusionProofChecksOutAgainstItsRoot() {
    List<byte[]> leaves = leaves(33);
    for (int size = 1; size <= leaves.size(); size++) {
      byte[] root = MerkleTree.root(leaves.subList(0, size));
      for (int index = 0; index < size; index++) {
        List<byte[]> path = MerkleTree.inclusionProof(leaves, index, size);
        assertTrue(
            MerkleProofs.verifyInclusion(index, size, leaves.get(index), path, root),
            index + " in " + size);
      }
    }
  }

  @Test
  void theProofsOfManyLeavesAtOnceAreTheProofsOfEachOnItsOwn() {
    List<byte[]> leaves = leaves(70);
    for (int size = 1; size <= leaves.size(); size++) {
      List<Integer> indexes = new ArrayList<>();
      for (int index = size - 1; index >= 0; index--) {
        indexes.add(index);
      }
      Map<Integer, List<byte[]>> paths = MerkleTree.inclusionProofs(leaves, size, indexes);
      assertEquals(indexes, List.copyOf(paths.keySet()), "in the order asked for");
      for (int index : indexes) {
        assertEquals(
            hex(MerkleTree.inclusionProof(leaves, index, size)),
            hex(paths.get(index)),
            index + " in " + size);
      }
    }
    assertEquals(Map.of(), MerkleTree.inclusionProofs(leaves, 9, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> MerkleTree.inclusionProofs(leaves, 9, List.of(3, 9)),
        "a leaf beyond the tree");
    assertThrows(
        IllegalArgumentException.class,
        () -> MerkleTree.inclusionProofs(leaves, 71, List.of(3)),
        "a tree larger than the log");
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  @Test
  void anInclusionProofForAnotherEntryPlaceOrTreeFails() {
    List<byte[]> leaves = leaves(13);
    byte[] root = MerkleTree.root(leaves);
    List<byte[]> path = MerkleTree.inclusionProof(leaves, 5, 13);

    assertFalse(MerkleProofs.verifyInclusion(5, 13, leaves.get(6), path, root), "other entry");
    assertFalse(MerkleProofs.verifyInclusion(6, 13, leaves.get(5), path, root), "other place");
    assertFalse(MerkleProofs.verifyInclusion(5, 32, leaves.get(5), path, root), "other size");
    assertFalse(
        MerkleProofs.verifyInclusion(5, 13, leaves.get(5), path, MerkleTree.root(leaves(12))),
        "other root");
    List<byte[]> altered = new ArrayList<>(path);
    altered.set(1, MerkleTree.leafHash("forged".getBytes()));
    assertFalse(MerkleProofs.verifyInclusion(5, 13, leaves.get(5), altered, root), "altered");
    assertFalse(
        MerkleProofs.verifyInclusion(5, 13, leaves.get(5), path.subList(0, 2), root), "short");
  }

  @Test
  void everyConsistencyProofChecksOutBetweenItsRoots() {
    List<byte[]> leaves = leaves(33);
    for (int newSize = 1; newSize <= leaves.size(); newSize++) {
      byte[] newRoot = MerkleTree.root(leaves.subList(0, newSize));
      for (int oldSize = 0; oldSize <= newSize; oldSize++) {
        byte[] oldRoot = MerkleTree.root(leaves.subList(0, oldSize));
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, oldSize, newSize);
        assertTrue(
            MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof),
            oldSize + " to " + newSize);
      }
    }
  }

  @Test
  void aRewrittenHistoryFailsTheConsistencyProof() {
    List<byte[]> honest = leaves(20);
    byte[] oldRoot = MerkleTree.root(honest.subList(0, 11));
    List<byte[]> rewritten = new ArrayList<>(honest);
    rewritten.set(7, MerkleTree.leafHash("entry 7, changed afterwards".getBytes()));
    byte[] newRoot = MerkleTree.root(rewritten);

    // Whatever proof the rewritten log offers, it cannot tie the old root to its new one.
    assertFalse(
        MerkleProofs.verifyConsistency(
            11, 20, oldRoot, newRoot, MerkleTree.consistencyProof(rewritten, 11, 20)));
    assertFalse(
        MerkleProofs.verifyConsistency(
            11, 20, oldRoot, newRoot, MerkleTree.consistencyProof(honest, 11, 20)));
    assertTrue(
        MerkleProofs.verifyConsistency(
            11, 20, oldRoot, MerkleTree.root(honest), MerkleTree.consistencyProof(honest, 11, 20)));
  }

  @Test
  void proofsOutsideTheLogAreRefused() {
    List<byte[]> leaves = leaves(4);
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(leaves, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(leaves, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(leaves, 3, 2));
  }
}
