package org.myochart.export;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditTree;
import org.myochart.audit.AuditTreeHead;
import org.myochart.audit.MerkleTree;
import org.myochart.audit.SignedTreeHeads;

/**
 * What an export reads from the audit tree, without a database: one head, signed with the test's
 * key, over entries in a leaf order the test chooses (not necessarily their ids'), and the proofs
 * of those entries in it.
 */
final class FixedAuditTree extends AuditTree {

  private static final HexFormat HEX = HexFormat.of();

  private final List<AuditLine> leafOrder;
  private final AuditTreeHead head;

  FixedAuditTree(
      List<AuditLine> leafOrder, Instant publishedAt, PrivateKey key, X509Certificate certificate) {
    this.leafOrder = List.copyOf(leafOrder);
    this.head =
        SignedTreeHeads.over(
            leafOrder.stream().map(AuditLine::entryHash).toList(), publishedAt, key, certificate);
  }

  AuditTreeHead head() {
    return head;
  }

  @Override
  public Optional<AuditTreeHead> head(long treeSize) {
    return treeSize == head.getTreeSize() ? Optional.of(head) : Optional.empty();
  }

  @Override
  public List<Inclusion> inclusions(Collection<Long> entryIds, long treeSize) {
    List<byte[]> leaves =
        leafOrder.stream()
            .map(entry -> MerkleTree.leafHash(HEX.parseHex(entry.entryHash())))
            .toList();
    List<Inclusion> proofs = new ArrayList<>();
    for (long entryId : entryIds) {
      for (int index = 0; index < leafOrder.size(); index++) {
        if (leafOrder.get(index).id() == entryId) {
          proofs.add(
              new Inclusion(
                  entryId,
                  index,
                  head,
                  leafOrder.get(index).entryHash(),
                  MerkleTree.inclusionProof(leaves, index, leaves.size()).stream()
                      .map(HEX::formatHex)
                      .toList()));
        }
      }
    }
    return proofs;
  }
}
