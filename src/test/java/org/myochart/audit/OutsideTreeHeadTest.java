package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.record.SigningIdentity;

class OutsideTreeHeadTest {

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  private static final SigningIdentity CLINIC = SigningIdentity.selfSigned("Harbourside", T0);

  @TempDir Path dataDir;

  private static AuditTreeHead headOf(int size) {
    List<String> hashes =
        IntStream.range(0, size).mapToObj(i -> String.format("%064x", i + 1)).toList();
    return SignedTreeHeads.over(hashes, T0.plusSeconds(size), CLINIC.key(), CLINIC.certificate());
  }

  private OutsideTreeHead store() {
    return new OutsideTreeHead(dataDir.resolve("audit").resolve("newest-tree-head.json"));
  }

  @Test
  void aKeptHeadReadsBackWithItsSignatureStillValidAndItsLastEntry() {
    OutsideTreeHead store = store();
    assertInstanceOf(OutsideTreeHead.Reading.Absent.class, store.read());

    AuditTreeHead head = headOf(7);
    store.keep(head, 97);

    var kept = assertInstanceOf(OutsideTreeHead.Reading.Kept.class, store.read());
    assertEquals(97, kept.lastEntryId());
    assertEquals(7, kept.head().getTreeSize());
    assertEquals(head.getRootHash(), kept.head().getRootHash());
    assertEquals(head.getPublishedAt(), kept.head().getPublishedAt());
    assertTrue(kept.head().signatureValid(), "the signed text is rebuilt exactly");
  }

  @Test
  void aSmallerOrEqualHeadNeverReplacesTheKeptOne() {
    OutsideTreeHead store = store();
    store.keep(headOf(9), 90);
    store.keep(headOf(4), 40);
    store.keep(headOf(9), 91);
    var kept = assertInstanceOf(OutsideTreeHead.Reading.Kept.class, store.read());
    assertEquals(9, kept.head().getTreeSize());
    assertEquals(90, kept.lastEntryId());

    store.keep(headOf(12), 120);
    assertEquals(
        12,
        assertInstanceOf(OutsideTreeHead.Reading.Kept.class, store.read()).head().getTreeSize());
  }

  @Test
  void aDamagedOrForeignFileIsUnreadableWithTheReasonNeverAbsent() throws Exception {
    OutsideTreeHead store = store();
    store.keep(headOf(3), 30);
    Path file = store.file();

    Files.writeString(file, Files.readString(file).substring(0, 40));
    var damaged = assertInstanceOf(OutsideTreeHead.Reading.Unreadable.class, store.read());
    assertTrue(damaged.why().startsWith("it is damaged"), damaged.why());

    Files.writeString(file, "{\"format\":\"something else\",\"tree_size\":3}");
    var foreign = assertInstanceOf(OutsideTreeHead.Reading.Unreadable.class, store.read());
    assertEquals("it is not a tree head written by MyoChart", foreign.why());

    Files.writeString(
        file,
        OutsideTreeHead.toJson(headOf(3), 30)
            .toString()
            .replace("\"tree_size\":3", "\"tree_size\":\"3\""));
    assertInstanceOf(OutsideTreeHead.Reading.Unreadable.class, store.read());
  }

  @Test
  void aKeptHeadWhoseSizeWasRaisedNoLongerCarriesAValidSignature() throws Exception {
    OutsideTreeHead store = store();
    store.keep(headOf(5), 50);
    Files.writeString(
        store.file(), Files.readString(store.file()).replace("\"tree_size\":5", "\"tree_size\":8"));
    var kept = assertInstanceOf(OutsideTreeHead.Reading.Kept.class, store.read());
    assertFalse(kept.head().signatureValid());
  }

  @Test
  void aHeadThatCouldNotBeWrittenLeavesTheCopyUnreadableUntilOneIs() throws Exception {
    Path notADirectory = dataDir.resolve("audit");
    Files.writeString(notADirectory, "a file where the directory should be");
    OutsideTreeHead store = new OutsideTreeHead(notADirectory.resolve("newest-tree-head.json"));

    store.published(new OutsideTreeHead.PublishedHead(headOf(4), 40));

    var behind = assertInstanceOf(OutsideTreeHead.Reading.Unreadable.class, store.read());
    assertTrue(behind.why().contains("could not be written"), behind.why());

    Files.delete(notADirectory);
    store.published(new OutsideTreeHead.PublishedHead(headOf(5), 50));
    assertEquals(
        5, assertInstanceOf(OutsideTreeHead.Reading.Kept.class, store.read()).head().getTreeSize());
  }
}
