package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditTree.Inclusion;
import org.myochart.platform.Sha256;

class AuditProofsTest {

  private static String hash(long id) {
    return Sha256.of("entry " + id);
  }

  private static AuditLine entry(long id) {
    return new AuditLine(
        id,
        Instant.parse("2026-03-02T09:00:00Z").plusSeconds(id),
        "owner",
        "OWNER",
        "VIEW",
        "Client",
        "3",
        null,
        null,
        null,
        hash(id - 1),
        hash(id),
        null);
  }

  /** A tree whose leaves are in its own order, not the ids': entry 12 is leaf 0. */
  private static final Map<Long, Long> LEAF_INDEX = Map.of(12L, 0L, 10L, 1L, 11L, 2L);

  private static List<Inclusion> prove(java.util.Collection<Long> ids) {
    return ids.stream()
        .filter(LEAF_INDEX::containsKey)
        .map(
            id ->
                new Inclusion(
                    id,
                    LEAF_INDEX.get(id),
                    null,
                    hash(id),
                    List.of(hash(100 + id), hash(200 + id))))
        .toList();
  }

  private static List<JsonObject> lines(byte[] written) {
    return new String(written, StandardCharsets.UTF_8)
        .lines()
        .map(line -> Json.createReader(new StringReader(line)).readObject())
        .toList();
  }

  private static byte[] write(List<AuditLine> entries, AuditProofs.Prover prover, int batch)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditProofs.write(entries, 3, prover, batch, out);
    return out.toByteArray();
  }

  @Test
  void eachEntryGetsOneLineInTheLogsOrderWithThePlaceTheTreeGivesIt() throws Exception {
    List<JsonObject> lines =
        lines(
            write(
                List.of(entry(10), entry(11), entry(12), entry(13)), AuditProofsTest::prove, 100));

    assertEquals(4, lines.size());
    assertEquals(
        List.of(10L, 11L, 12L, 13L),
        lines.stream().map(l -> l.getJsonNumber("id").longValue()).toList());
    JsonObject ten = lines.get(0);
    assertTrue(ten.getBoolean("covered"));
    assertEquals(hash(10), ten.getString("entry_hash"));
    assertEquals(1, ten.getJsonNumber("leaf_index").longValue(), "the tree's place, not id - 1");
    assertEquals(0, lines.get(2).getJsonNumber("leaf_index").longValue());
    assertEquals(3, ten.getJsonNumber("tree_size").longValue());
    assertEquals(
        List.of(hash(110), hash(210)),
        ten.getJsonArray("audit_path").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
  }

  @Test
  void anEntryTheHeadDoesNotCoverIsListedAsNotCoveredWithItsHashAndNoPath() throws Exception {
    JsonObject thirteen =
        lines(write(List.of(entry(12), entry(13)), AuditProofsTest::prove, 100)).get(1);

    assertFalse(thirteen.getBoolean("covered"));
    assertEquals(hash(13), thirteen.getString("entry_hash"));
    assertFalse(thirteen.containsKey("leaf_index"), thirteen.toString());
    assertFalse(thirteen.containsKey("audit_path"), thirteen.toString());
  }

  @Test
  void entriesAreProvedABatchAtATimeEachOnceAndTheFileIsTheSameEveryTime() throws Exception {
    List<AuditLine> entries = List.of(entry(9), entry(10), entry(11), entry(12), entry(13));
    List<List<Long>> asked = new ArrayList<>();
    AuditProofs.Prover recording =
        ids -> {
          asked.add(List.copyOf(ids));
          return prove(ids);
        };

    byte[] first = write(entries, recording, 2);

    assertEquals(List.of(List.of(9L, 10L), List.of(11L, 12L), List.of(13L)), asked);
    assertArrayEquals(first, write(entries, AuditProofsTest::prove, 3), "whatever the batch");
    assertEquals(5, lines(first).size());
  }
}
