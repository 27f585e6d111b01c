package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

class ChainCheckTest {

  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final Actor OWNER = new Actor("owner", Role.OWNER, "10.0.0.5", "Firefox");

  /** Entries with their leaves, as the sequencer leaves them: leaf i holds entries.get(i). */
  private record Trail(List<AuditEntry> entries, List<AuditLeaf> leaves) {

    /** The trail without the leaf and entry at {@code place} (0-based). */
    Trail without(int place) {
      List<AuditEntry> e = new ArrayList<>(entries);
      List<AuditLeaf> l = new ArrayList<>(leaves);
      e.remove(place);
      l.remove(place);
      return new Trail(e, l);
    }

    Trail firstOf(int count) {
      return new Trail(entries.subList(0, count), leaves.subList(0, count));
    }

    AuditEntry entry(int place) {
      return entries.get(place);
    }
  }

  /** Entries numbered 10, 13, 16 … (ids from a sequence have gaps), each with its leaf. */
  private static Trail trail(int length) {
    return trail(length, id -> "{\"n\":" + id + "}");
  }

  private static Trail trail(int length, IntFunction<String> detail) {
    List<AuditEntry> entries = new ArrayList<>();
    List<AuditLeaf> leaves = new ArrayList<>();
    String previous = ChainCheck.GENESIS;
    for (int place = 0; place < length; place++) {
      int id = 10 + 3 * place;
      AuditEntry entry =
          new AuditEntry(
              T0.plusSeconds(id),
              OWNER,
              AuditAction.VIEW,
              "Client",
              Integer.toString(id),
              detail.apply(id));
      entry.number(id);
      entries.add(entry);
      leaves.add(new AuditLeaf(place, id, entry.getEntryHash(), previous));
      previous = entry.getEntryHash();
    }
    return new Trail(entries, leaves);
  }

  /** Entries 1, 2, 3 … chained by their writers, as before ADR-058, with the upgrade's leaves. */
  private static Trail chainedTrail(int length) {
    List<AuditEntry> entries = new ArrayList<>();
    List<AuditLeaf> leaves = new ArrayList<>();
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
              "{\"n\":" + id + "}",
              previous);
      entries.add(entry);
      leaves.add(new AuditLeaf(id - 1, id, entry.getEntryHash(), previous));
      previous = entry.getEntryHash();
    }
    return new Trail(entries, leaves);
  }

  private static ChainCheck.Result check(Trail trail) {
    return check(trail, trail.leaves().size(), List.of());
  }

  private static ChainCheck.Result check(
      Trail trail, long sequenced, List<ChainCheck.SignedHead> heads) {
    ChainCheck check = new ChainCheck(heads);
    for (AuditLeaf leaf : trail.leaves()) {
      check.accept(
          leaf,
          trail.entries().stream()
              .filter(e -> e.getId() == leaf.getEntryId())
              .findFirst()
              .orElse(null));
    }
    return check.finish(sequenced, T0);
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void anUntouchedTrailIsIntact() {
    ChainCheck.Result result = check(trail(5));
    assertTrue(result.intact(), result.reason());
    assertEquals(5, result.entries());
    assertNull(result.firstBrokenEntry());
  }

  @Test
  void aTrailChainedBeforeTheTreeAndContinuedByTheSequencerIsIntact() {
    Trail old = chainedTrail(4);
    Trail later = trail(3);
    List<AuditLeaf> leaves = new ArrayList<>(old.leaves());
    String previous = old.entry(3).getEntryHash();
    for (AuditEntry entry : later.entries()) {
      leaves.add(new AuditLeaf(leaves.size(), entry.getId(), entry.getEntryHash(), previous));
      previous = entry.getEntryHash();
    }
    List<AuditEntry> entries = new ArrayList<>(old.entries());
    entries.addAll(later.entries());
    assertTrue(check(new Trail(entries, leaves)).intact());
  }

  @Test
  void anEmptyTrailIsIntact() {
    assertTrue(check(new Trail(List.of(), List.of()), 0, List.of()).intact());
  }

  @Test
  void anEditedEntryIsNamedByItsId() throws Exception {
    Trail trail = trail(6);
    set(trail.entry(3), "detail", "{\"n\":400}");
    ChainCheck.Result result = check(trail);
    assertFalse(result.intact());
    assertEquals(19L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("entry 19 was changed after it was written"));
  }

  @Test
  void anEditWithARecomputedHashDoesNotMatchItsLeaf() throws Exception {
    Trail trail = trail(6);
    set(trail.entry(2), "actor", "someone else");
    set(trail.entry(2), "entryHash", trail.entry(2).computeHash());
    ChainCheck.Result result = check(trail);
    assertEquals(16L, result.firstBrokenEntry());
    assertTrue(
        result.reason().contains("its hash is not the one the tree took in"), result.reason());
  }

  @Test
  void aChainedEntryWhosePredecessorHashWasRewrittenWithItsOwnHashIsNamed() throws Exception {
    Trail trail = chainedTrail(5);
    set(trail.entry(2), "previousHash", "a".repeat(64));
    set(trail.entry(2), "entryHash", trail.entry(2).computeHash());
    ChainCheck.Result result = check(trail);
    assertEquals(3L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("does not name the hash of the entry before it"));
  }

  @Test
  void aDeletedEntryIsNamedByTheLeafThatStillHoldsItsPlace() {
    Trail trail = trail(6);
    Trail gone =
        new Trail(trail.entries().stream().filter(e -> e.getId() != 16).toList(), trail.leaves());
    ChainCheck.Result result = check(gone);
    assertEquals(16L, result.firstBrokenEntry());
    assertEquals("entry 16 is missing (it was at place 3)", result.reason());
  }

  @Test
  void aDeletedEntryWithItsLeafIsNamedByTheEntryAfterTheGap() {
    ChainCheck.Result result = check(trail(6).without(2), 6, List.of());
    assertEquals(19L, result.firstBrokenEntry());
    assertEquals("the entry at place 3 of the trail is missing before entry 19", result.reason());
  }

  @Test
  void deletedEntriesAtTheEndAreFoundThroughTheSequencersCount() {
    ChainCheck.Result result = check(trail(6).firstOf(4), 6, List.of());
    assertEquals(5L, result.firstBrokenEntry());
    assertEquals(
        "the entries at places 5 to 6 of the trail are missing at its end", result.reason());
  }

  @Test
  void leavesRenumberedIntoAnotherOrderAreFound() throws Exception {
    Trail trail = trail(5);
    // The places of the second and third entries swapped, as someone with the database could.
    set(trail.leaves().get(1), "leafIndex", 2L);
    set(trail.leaves().get(2), "leafIndex", 1L);
    List<AuditLeaf> byPlace = new ArrayList<>(trail.leaves());
    Collections.swap(byPlace, 1, 2);
    ChainCheck.Result result = check(new Trail(trail.entries(), byPlace));
    assertEquals(16L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("does not name the hash of the entry before it"));
  }

  @Test
  void aQueuedEntryIsCheckedAgainstItsOwnHash() throws Exception {
    AuditEntry queued = trail(1).entry(0);
    ChainCheck intact = new ChainCheck();
    intact.acceptQueued(queued);
    assertTrue(intact.finish(0, T0).intact());

    set(queued, "detail", "{\"n\":0}");
    ChainCheck edited = new ChainCheck();
    edited.acceptQueued(queued);
    ChainCheck.Result result = edited.finish(0, T0);
    assertEquals(10L, result.firstBrokenEntry());
    assertEquals(1, result.entries());
  }

  @Test
  void anEntryWrittenAroundTheQueueOrAQueuedEntryThatIsGoneIsNamed() {
    ChainCheck stray = new ChainCheck();
    stray.stray(42);
    assertEquals(42L, stray.finish(0, T0).firstBrokenEntry());
    assertTrue(stray.finish(0, T0).reason().contains("never queued for the tree"));

    ChainCheck vanished = new ChainCheck();
    vanished.vanished(43);
    ChainCheck.Result result = vanished.finish(0, T0);
    assertEquals(43L, result.firstBrokenEntry());
    assertEquals("entry 43 is missing (it was waiting for its place)", result.reason());
  }

  /** The signed head a correct sequencer would have published over the first {@code size}. */
  private static ChainCheck.SignedHead headOver(Trail trail, int size) {
    List<byte[]> leaves =
        trail.leaves().subList(0, size).stream()
            .map(l -> MerkleTree.leafHash(HexFormat.of().parseHex(l.getEntryHash())))
            .toList();
    return new ChainCheck.SignedHead(
        size, HexFormat.of().formatHex(MerkleTree.root(leaves)), true, T0.plusSeconds(1000 + size));
  }

  private static ChainCheck.Result checkWithHeads(Trail trail, List<ChainCheck.SignedHead> heads) {
    return check(trail, trail.leaves().size(), heads);
  }

  @Test
  void aTrailMatchingEverySignedHeadIsIntact() {
    Trail trail = trail(13);
    ChainCheck.Result result =
        checkWithHeads(trail, List.of(headOver(trail, 13), headOver(trail, 1), headOver(trail, 6)));
    assertTrue(result.intact(), result.reason());
  }

  @Test
  void aTrailRewrittenConsistentlyIsCaughtByTheFirstHeadSignedBeforeTheChange() {
    Trail original = trail(10);
    List<ChainCheck.SignedHead> heads =
        List.of(headOver(original, 4), headOver(original, 7), headOver(original, 10));
    // The entry at place 6 rewritten, its leaf and every later leaf's link computed again.
    Trail rewritten = trail(10, id -> id == 25 ? "{\"n\":600}" : "{\"n\":" + id + "}");
    assertEquals(original.entry(4).getEntryHash(), rewritten.entry(4).getEntryHash());
    assertTrue(check(rewritten).intact(), "the leaves alone cannot tell");

    ChainCheck.Result result = checkWithHeads(rewritten, heads);
    assertFalse(result.intact());
    assertEquals(5L, result.firstBrokenEntry());
    assertTrue(
        result.reason().startsWith("the entries at places 5 to 7 do not match the tree head"),
        result.reason());
  }

  @Test
  void aHeadWithoutTheClinicsSignatureIsReported() {
    Trail trail = trail(5);
    ChainCheck.SignedHead good = headOver(trail, 5);
    ChainCheck.SignedHead forged =
        new ChainCheck.SignedHead(5, good.rootHash(), false, good.publishedAt());
    ChainCheck.Result result = checkWithHeads(trail, List.of(headOver(trail, 2), forged));
    assertFalse(result.intact());
    assertEquals(3L, result.firstBrokenEntry());
    assertTrue(result.reason().contains("does not carry the clinic's signature"), result.reason());
  }

  @Test
  void aHeadCoveringEntriesThatAreGoneIsReported() {
    Trail trail = trail(8);
    ChainCheck.SignedHead head = headOver(trail, 8);
    ChainCheck.Result result = check(trail.firstOf(6), 6, List.of(head));
    assertFalse(result.intact());
    assertEquals(7L, result.firstBrokenEntry());
    assertTrue(
        result.reason().contains("covers 8 entries, but the trail ends at place 6"),
        result.reason());
  }

  /** The head a correct sequencer published over the first {@code size}, as kept outside. */
  private static ChainCheck.SignedHead keptOutside(Trail trail, int size, boolean clinics) {
    ChainCheck.SignedHead head = headOver(trail, size);
    return ChainCheck.SignedHead.keptOutside(
        size,
        head.rootHash(),
        clinics,
        head.publishedAt(),
        trail.leaves().get(size - 1).getEntryId());
  }

  @Test
  void aTailCutWithEveryCountInTheDatabaseRewoundIsNamedByTheHeadKeptOutside() {
    Trail trail = trail(12);
    // Entries at places 9 to 12 deleted with their leaves and the heads over them; the
    // sequencer's count rewound to 8, so that the database agrees with itself.
    ChainCheck.Result result =
        check(trail.firstOf(8), 8, List.of(headOver(trail, 4), keptOutside(trail, 12, true)));
    assertFalse(result.intact());
    assertEquals(9L, result.firstBrokenEntry());
    assertEquals(
        "the trail ends at place 8, but the tree head kept outside the database, signed at "
            + headOver(trail, 12).publishedAt()
            + " vouches for 12 entries, the last of them entry 43: the entries at places 9 to 12"
            + " were removed from the database",
        result.reason());
  }

  @Test
  void aHeadKeptOutsideThatTheTrailCoversIsComparedLikeAnyOther() {
    Trail trail = trail(12);
    assertTrue(
        check(trail, 12, List.of(headOver(trail, 5), keptOutside(trail, 9, true))).intact(),
        "the kept head matches");

    Trail rewritten = trail(12, id -> id == 31 ? "{\"n\":700}" : "{\"n\":" + id + "}");
    ChainCheck.Result result = check(rewritten, 12, List.of(keptOutside(trail, 9, true)));
    assertFalse(result.intact());
    assertEquals(1L, result.firstBrokenEntry());
    assertTrue(
        result
            .reason()
            .startsWith(
                "the entries at places 1 to 9 do not match the tree head kept"
                    + " outside the database"),
        result.reason());
  }

  @Test
  void aHeadKeptOutsideWithoutTheClinicsSignatureVouchesForNothing() {
    Trail trail = trail(12);
    ChainCheck.Result beyond = check(trail.firstOf(8), 8, List.of(keptOutside(trail, 12, false)));
    assertFalse(beyond.intact());
    assertTrue(
        beyond.reason().contains("kept outside the database, of 12 entries")
            && beyond.reason().contains("does not carry the clinic's signature"),
        beyond.reason());

    ChainCheck.Result within = check(trail, 12, List.of(keptOutside(trail, 6, false)));
    assertFalse(within.intact());
    assertTrue(within.reason().contains("does not carry the clinic's signature"), within.reason());
  }
}
