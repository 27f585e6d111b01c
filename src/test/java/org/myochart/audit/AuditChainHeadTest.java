package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  @Test
  void eachAppendedEntryPointsAtThePreviousOneAndTakesTheNextId() throws Exception {
    AuditChainHead head = new AuditChainHead();
    Field hash = AuditChainHead.class.getDeclaredField("lastHash");
    hash.setAccessible(true);
    hash.set(head, AuditEntry.GENESIS_HASH);
    Instant now = Instant.parse("2026-11-21T10:00:00Z");

    AuditEntry first = head.append(now, Actor.SYSTEM, AuditAction.SETUP, null, null, null);
    AuditEntry second = head.append(now, Actor.SYSTEM, AuditAction.LOGIN, null, null, null);

    assertEquals(1L, first.getId());
    assertEquals(2L, second.getId());
    assertEquals(AuditEntry.GENESIS_HASH, first.getPreviousHash());
    assertEquals(first.getEntryHash(), second.getPreviousHash());
  }
}
