package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

  @Test
  void theRootAfterEachLeafIsTheTreeHashOfEveryLeafSoFar() {
    MerkleFrontier frontier = new MerkleFrontier();
    List<byte[]> leaves = new ArrayList<>();
    assertArrayEquals(MerkleTree.root(leaves), frontier.root());
    for (int i = 0; i < 70; i++) {
      byte[] leaf = MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
      leaves.add(leaf);
      frontier.add(leaf);
      assertEquals(leaves.size(), frontier.size());
      assertArrayEquals(MerkleTree.root(leaves), frontier.root(), "after " + leaves.size());
    }
  }

  @Test
  void aStoredFrontierGoesOnAsIfItHadNeverBeenStored() {
    MerkleFrontier frontier = new MerkleFrontier();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      byte[] leaf = MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
      leaves.add(leaf);
      frontier.add(leaf);
      frontier = MerkleFrontier.decode(frontier.size(), frontier.encode());
      assertArrayEquals(MerkleTree.root(leaves), frontier.root(), "after " + leaves.size());
    }
  }

  @Test
  void aFrontierThatDoesNotFitItsSizeIsRefused() {
    MerkleFrontier frontier = new MerkleFrontier();
    for (int i = 0; i < 6; i++) {
      frontier.add(MerkleTree.leafHash(new byte[] {(byte) i}));
    }
    String stored = frontier.encode();
    assertThrows(IllegalArgumentException.class, () -> MerkleFrontier.decode(7, stored));
    assertThrows(IllegalArgumentException.class, () -> MerkleFrontier.decode(6, stored + "00"));
  }
}
