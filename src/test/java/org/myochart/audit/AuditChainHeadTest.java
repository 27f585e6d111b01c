package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  /** The head as migration V1 leaves it: no entries, the genesis hash. */
  private static AuditChainHead emptyChain() throws ReflectiveOperationException {
    AuditChainHead head = new AuditChainHead();
    Field hash = AuditChainHead.class.getDeclaredField("lastHash");
    hash.setAccessible(true);
    hash.set(head, AuditEntry.GENESIS_HASH);
    return head;
  }

  @Test
  void eachAppendedEntryPointsAtThePreviousOneAndTakesTheNextId() throws Exception {
    AuditChainHead head = emptyChain();
    Instant now = Instant.parse("2026-11-21T10:00:00Z");

    AuditEntry first = head.append(now, Actor.SYSTEM, AuditAction.SETUP, null, null, null);
    AuditEntry second = head.append(now, Actor.SYSTEM, AuditAction.LOGIN, null, null, null);

    assertEquals(1L, first.getId());
    assertEquals(2L, second.getId());
    assertEquals(AuditEntry.GENESIS_HASH, first.getPreviousHash());
    assertEquals(first.getEntryHash(), second.getPreviousHash());
  }

  @Test
  void aStampedEntryKeepsItsTimeAndGetsItsPlaceOnlyWhenAppended() throws Exception {
    AuditChainHead head = emptyChain();
    Instant signedAt = Instant.parse("2026-11-21T10:00:00.000001Z");
    AuditEntry signing =
        new AuditEntry(signedAt, Actor.SYSTEM, AuditAction.SIGN, "SoapNote", "7", "{}");
    assertFalse(signing.isChained());

    AuditEntry meanwhile =
        head.append(signedAt.plusMillis(40), Actor.SYSTEM, AuditAction.LOGIN, null, null, null);
    head.append(signing);

    assertTrue(signing.isChained());
    assertEquals(2L, signing.getId());
    assertEquals(signedAt, signing.getOccurredAt());
    assertEquals(meanwhile.getEntryHash(), signing.getPreviousHash());
    assertEquals(signing.computeHash(), signing.getEntryHash());
  }

  @Test
  void anEntryCannotBeChainedTwice() throws Exception {
    AuditChainHead head = emptyChain();
    AuditEntry entry =
        head.append(
            Instant.parse("2026-11-21T10:00:00Z"),
            Actor.SYSTEM,
            AuditAction.SETUP,
            null,
            null,
            null);

    assertThrows(IllegalStateException.class, () -> head.append(entry));
    assertEquals(1L, entry.getId());
  }
}
