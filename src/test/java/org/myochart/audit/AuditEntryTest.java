package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

class AuditEntryTest {

  private static final Instant WHEN = Instant.parse("2026-11-21T09:15:30.123456789Z");
  private static final Actor TOMAS = new Actor("therapist1", Role.THERAPIST, "10.0.0.7", "Tablet");

  private static AuditEntry entry(long id, String detail, String previous) {
    return new AuditEntry(id, WHEN, TOMAS, AuditAction.VIEW, "Client", "42", detail, previous);
  }

  @Test
  void storedHashIsTheHashOfTheContent() {
    AuditEntry entry = entry(1, "opened chart", AuditEntry.GENESIS_HASH);

    assertEquals(entry.computeHash(), entry.getEntryHash());
    assertEquals(64, entry.getEntryHash().length());
  }

  @Test
  void editingAnyFieldAfterwardsNoLongerMatchesTheStoredHash() throws Exception {
    AuditEntry entry = entry(1, "opened chart", AuditEntry.GENESIS_HASH);
    Field detail = AuditEntry.class.getDeclaredField("detail");
    detail.setAccessible(true);
    detail.set(entry, "nothing happened");

    assertNotEquals(entry.getEntryHash(), entry.computeHash());
  }

  @Test
  void hashDependsOnThePreviousEntry() {
    String first = entry(2, "x", AuditEntry.GENESIS_HASH).getEntryHash();
    String second = entry(2, "x", "f".repeat(64)).getEntryHash();

    assertNotEquals(first, second);
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
    AuditEntry a =
        new AuditEntry(
            1, WHEN, TOMAS, AuditAction.VIEW, "Client", "42", "x", AuditEntry.GENESIS_HASH);
    AuditEntry b =
        new AuditEntry(
            1, WHEN, TOMAS, AuditAction.VIEW, "Client4", "2", "x", AuditEntry.GENESIS_HASH);

    assertNotEquals(a.getEntryHash(), b.getEntryHash());
  }

  @Test
  void timeIsKeptToTheMicrosecondTheDatabasesStore() {
    assertEquals(
        Instant.parse("2026-11-21T09:15:30.123456Z"),
        entry(1, null, AuditEntry.GENESIS_HASH).getOccurredAt());
  }

  @Test
  void keepsTheActorsRoleByNameAndNoRoleForTheSystem() {
    assertEquals("THERAPIST", entry(1, "opened chart", AuditEntry.GENESIS_HASH).getActorRole());
    assertEquals(
        "KIOSK",
        new AuditEntry(
                2,
                WHEN,
                new Actor("kiosk:client-42", Role.KIOSK, null, null),
                AuditAction.VIEW,
                "Client",
                "42",
                null,
                AuditEntry.GENESIS_HASH)
            .getActorRole());
    assertNull(
        new AuditEntry(
                3,
                WHEN,
                Actor.SYSTEM,
                AuditAction.VIEW,
                "Client",
                "42",
                null,
                AuditEntry.GENESIS_HASH)
            .getActorRole());
  }

  @Test
  void aStampedEntryKeepsItsTimeAndGetsItsIdAndHashOnlyWhenNumbered() {
    AuditEntry signing = new AuditEntry(WHEN, TOMAS, AuditAction.SIGN, "SoapNote", "7", "{}");
    assertFalse(signing.isAppended());
    assertNull(signing.getEntryHash());

    signing.number(1042);

    assertTrue(signing.isAppended());
    assertEquals(1042L, signing.getId());
    assertEquals(WHEN.truncatedTo(java.time.temporal.ChronoUnit.MICROS), signing.getOccurredAt());
    assertFalse(signing.isChainedToPredecessor(), "its place is the sequencer's to give");
    assertEquals(signing.computeHash(), signing.getEntryHash());
  }

  @Test
  void anEntryIsNumberedOnlyOnceAndItsIdIsPartOfItsHash() {
    AuditEntry entry = new AuditEntry(WHEN, TOMAS, AuditAction.VIEW, "Client", "42", null);
    entry.number(7);
    assertThrows(IllegalStateException.class, () -> entry.number(8));
    assertEquals(7L, entry.getId());

    AuditEntry same = new AuditEntry(WHEN, TOMAS, AuditAction.VIEW, "Client", "42", null);
    same.number(8);
    assertNotEquals(entry.getEntryHash(), same.getEntryHash());
  }
}
