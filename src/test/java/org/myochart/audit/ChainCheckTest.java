package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

class ChainCheckTest {

  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final Actor OWNER = new Actor("owner", Role.OWNER, "10.0.0.5", "Firefox");

  private static List<AuditEntry> trail(int length) {
    return trail(length, id -> "{\"n\":" + id + "}");
  }

  private static List<AuditEntry> trail(int length, IntFunction<String> detail) {
    List<AuditEntry> entries = new ArrayList<>();
    String previous = ChainCheck.GENESIS;
    for (int id = 1; id <= length; id++) {
      AuditEntry entry =
          new AuditEntry(
              id,
              T0.plusSeconds(id),
              OWNER,
              AuditAction.VIEW,
              "Client",
              Integer.toString(id),
              detail.apply(id),
              previous);
      entries.add(entry);
      previous = entry.getEntryHash();
    }
    return entries;
  }

  private static ChainCheck.Result check(List<AuditEntry> entries, long headId, String headHash) {
    ChainCheck check = new ChainCheck();
    entries.forEach(check::accept);
    return check.finish(headId, headHash, T0);
  }

  private static ChainCheck.Result check(List<AuditEntry> entries, List<AuditEntry> written) {
    AuditEntry last = written.get(written.size() - 1);
    return check(entries, last.getId(), last.getEntryHash());
  }

  private static void set(AuditEntry entry, String field, Object value) throws Exception {
    Field f = AuditEntry.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(entry, value);
  }

  @Test
  void anUntouchedTrailIsIntact() {
    List<AuditEntry> entries = trail(5);
    ChainCheck.Result result = check(entries, entries);
    assertTrue(result.intact());
    assertEquals(5, result.entries());
    assertNull(result.firstBrokenEntry());
  }

  @Test
  void anEmptyTrailWhoseHeadIsAtTheStartIsIntact() {
    assertTrue(check(List.of(), 0, ChainCheck.GENESIS).intact());
  }

  @Test
  void anEditedEntryIsNamed() throws Exception {
    List<AuditEntry> entries = trail(6);
    set(entries.get(3), "detail", "{\"n\":400}");
    ChainCheck.Result result = check(entries, entries);
    assertFalse(result.intact());
    assertEquals(4L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("was changed after it was written"));
  }

  @Test
  void anEditWithARecomputedHashIsNamedByTheNextEntry() throws Exception {
    List<AuditEntry> entries = trail(6);
    set(entries.get(2), "actor", "someone else");
    set(entries.get(2), "entryHash", entries.get(2).computeHash());
    ChainCheck.Result result = check(entries, entries);
    assertEquals(4L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("does not name the hash of the entry before it"));
  }

  @Test
  void aDeletedEntryIsNamedByTheEntryThatFollowsTheGap() {
    List<AuditEntry> written = trail(6);
    List<AuditEntry> entries = new ArrayList<>(written);
    entries.remove(2);
    ChainCheck.Result result = check(entries, written);
    assertEquals(4L, result.firstBrokenEntry());
    assertEquals("entry 3 is missing before entry 4", result.reason());
  }

  @Test
  void deletedEntriesAtTheEndAreFoundThroughTheChainHead() {
    List<AuditEntry> written = trail(6);
    ChainCheck.Result result = check(written.subList(0, 4), written);
    assertEquals(5L, result.firstBrokenEntry());
    assertEquals("entries 5 to 6 are missing at the end of the trail", result.reason());
  }

  @Test
  void reorderedEntriesAreFound() throws Exception {
    List<AuditEntry> written = trail(5);
    List<AuditEntry> entries = new ArrayList<>(written);
    Collections.swap(entries, 1, 2);
    assertEquals(3L, check(entries, written).firstBrokenEntry());
    // Swapping ids as well as positions breaks the chain at the first swapped entry.
    set(written.get(1), "id", 3L);
    set(written.get(2), "id", 2L);
    List<AuditEntry> renumbered =
        new ArrayList<>(
            List.of(
                written.get(0), written.get(2), written.get(1), written.get(3), written.get(4)));
    assertEquals(2L, check(renumbered, 5, written.get(4).getEntryHash()).firstBrokenEntry());
  }

  @Test
  void aTrailThatEndsWithAnotherHashThanTheHeadIsBroken() {
    List<AuditEntry> entries = trail(3);
    ChainCheck.Result result = check(entries, 3, "f".repeat(64));
    assertFalse(result.intact());
    assertEquals(3L, result.firstBrokenEntry());
  }

  /** The signed head a correct sequencer would have published over the first {@code size}. */
  private static ChainCheck.SignedHead headOver(List<AuditEntry> entries, int size) {
    List<byte[]> leaves =
        entries.subList(0, size).stream()
            .map(e -> MerkleTree.leafHash(java.util.HexFormat.of().parseHex(e.getEntryHash())))
            .toList();
    return new ChainCheck.SignedHead(
        size,
        java.util.HexFormat.of().formatHex(MerkleTree.root(leaves)),
        true,
        T0.plusSeconds(1000 + size));
  }

  private static ChainCheck.Result checkWithHeads(
      List<AuditEntry> entries, List<ChainCheck.SignedHead> heads) {
    ChainCheck check = new ChainCheck(heads);
    entries.forEach(check::accept);
    AuditEntry last = entries.get(entries.size() - 1);
    return check.finish(last.getId(), last.getEntryHash(), T0);
  }

  @Test
  void aTrailMatchingEverySignedHeadIsIntact() {
    List<AuditEntry> entries = trail(13);
    ChainCheck.Result result =
        checkWithHeads(
            entries, List.of(headOver(entries, 13), headOver(entries, 1), headOver(entries, 6)));
    assertTrue(result.intact(), result.reason());
  }

  @Test
  void aTrailRewrittenWithAConsistentChainIsCaughtByTheFirstHeadSignedBeforeTheChange() {
    List<AuditEntry> original = trail(10);
    List<ChainCheck.SignedHead> heads =
        List.of(headOver(original, 4), headOver(original, 7), headOver(original, 10));
    // Entry 6 rewritten and every later hash computed again, as someone with the database could.
    List<AuditEntry> rewritten = trail(10, id -> id == 6 ? "{\"n\":600}" : "{\"n\":" + id + "}");
    assertEquals(original.get(4).getEntryHash(), rewritten.get(4).getEntryHash());
    assertTrue(check(rewritten, rewritten).intact(), "the chain alone cannot tell");

    ChainCheck.Result result = checkWithHeads(rewritten, heads);
    assertFalse(result.intact());
    assertEquals(5L, result.firstBrokenEntry());
    assertTrue(result.reason().startsWith("entries 5 to 7 do not match the tree head signed at"));
  }

  @Test
  void aHeadWithoutTheClinicsSignatureIsReported() {
    List<AuditEntry> entries = trail(5);
    ChainCheck.SignedHead good = headOver(entries, 5);
    ChainCheck.SignedHead forged =
        new ChainCheck.SignedHead(5, good.rootHash(), false, good.publishedAt());
    ChainCheck.Result result = checkWithHeads(entries, List.of(headOver(entries, 2), forged));
    assertFalse(result.intact());
    assertEquals(3L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("does not carry the clinic's signature"), result.reason());
  }

  @Test
  void aHeadCoveringEntriesThatAreGoneIsReported() {
    List<AuditEntry> entries = trail(8);
    ChainCheck.SignedHead head = headOver(entries, 8);
    ChainCheck.Result result = checkWithHeads(entries.subList(0, 6), List.of(head));
    assertFalse(result.intact());
    assertEquals(7L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("covers 8 entries, but the trail ends at entry 6"));
  }
}
