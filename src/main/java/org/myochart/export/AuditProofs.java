package org.myochart.export;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditTree.Inclusion;

/**
 * The inclusion proofs of an export's audit log in the tree of the archive's signed head (ADR-057),
 * as JSON Lines: one object a line, in the audit log's order, with the entry's id and stored hash,
 * its place in the tree ({@code leaf_index}, as the tree says, not worked out from the id), the
 * head's {@code tree_size} and the {@code audit_path} from the leaf up. An entry the head does not
 * cover yet is written with {@code "covered":false} and no path. Entries are proved a batch at a
 * time, so a large export holds one batch of paths in memory, not all of them; the file is the same
 * bytes every time it is written from the same trail.
 */
final class AuditProofs {

  static final String FILE = "audit-proofs.jsonl";
  static final int BATCH = 5_000;

  /** The proofs of those of the given entries that the head's tree contains. */
  @FunctionalInterface
  interface Prover {
    List<Inclusion> inclusions(Collection<Long> entryIds);
  }

  private AuditProofs() {}

  /** Writes one line per audit entry, asking the prover for {@code batch} entries at a time. */
  static void write(
      Iterable<AuditLine> entries, long treeSize, Prover prover, int batch, OutputStream out)
      throws IOException {
    List<AuditLine> pending = new ArrayList<>(batch);
    for (AuditLine entry : entries) {
      pending.add(entry);
      if (pending.size() == batch) {
        writeBatch(pending, treeSize, prover, out);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      writeBatch(pending, treeSize, prover, out);
    }
  }

  private static void writeBatch(
      List<AuditLine> entries, long treeSize, Prover prover, OutputStream out) throws IOException {
    Map<Long, Inclusion> proofs = new HashMap<>();
    for (Inclusion proof : prover.inclusions(entries.stream().map(AuditLine::id).toList())) {
      proofs.put(proof.entryId(), proof);
    }
    for (AuditLine entry : entries) {
      Inclusion proof = proofs.get(entry.id());
      JsonObjectBuilder line = JSON.createObjectBuilder().add("id", entry.id());
      if (proof == null) {
        line.add("entry_hash", entry.entryHash()).add("covered", false);
      } else {
        line.add("entry_hash", proof.entryHash())
            .add("covered", true)
            .add("leaf_index", proof.leafIndex())
            .add("tree_size", treeSize)
            .add("audit_path", JSON.createArrayBuilder(proof.path()));
      }
      out.write((line.build().toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
