package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class IntakeDraftTest {

  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  private static IntakeDraft draft() {
    return new IntakeDraft(7, "kiosk-1", "frontdesk", "{}", 0, START);
  }

  @Test
  void keepingTheSameAnswersOnTheSameScreenChangesNothing() {
    IntakeDraft draft = draft();

    assertFalse(draft.keep("{}", 0, START.plusSeconds(5)));
    assertEquals(START, draft.getUpdatedAt());
    assertTrue(draft.keep("{\"triggers\":\"stress\"}", 0, START.plusSeconds(9)));
    assertTrue(draft.keep("{\"triggers\":\"stress\"}", 1, START.plusSeconds(12)));
    assertEquals(1, draft.getStep());
    assertEquals(START.plusSeconds(12), draft.getUpdatedAt());
  }

  @Test
  void aLockedDraftIsHandedOverAgainAndNoLongerMarkedLocked() {
    IntakeDraft draft = draft();
    draft.lock(START.plusSeconds(1800));
    assertEquals(START.plusSeconds(1800), draft.getLockedAt());

    draft.handOver("kiosk-2", START.plusSeconds(2000));
    assertEquals("kiosk-2", draft.getKioskSession());
    assertNull(draft.getLockedAt());
    assertTrue(draft.isOpen());
  }

  @Test
  void aClosedDraftTakesNoMoreAnswersAndClosesOnlyOnce() {
    IntakeDraft sent = draft();
    sent.close(IntakeDraft.Outcome.SENT, "kiosk:client-7 (started by frontdesk)", START);
    assertThrows(RuleViolation.class, () -> sent.keep("{\"x\":1}", 2, START));
    assertThrows(RuleViolation.class, () -> sent.handOver("kiosk-3", START));
    assertEquals(
        "These answers were sent already.",
        assertThrows(
                RuleViolation.class,
                () -> sent.close(IntakeDraft.Outcome.DISCARDED, "owner", START))
            .getMessage());

    IntakeDraft discarded = draft();
    discarded.close(IntakeDraft.Outcome.DISCARDED, "owner", START);
    assertFalse(discarded.isOpen());
    assertThrows(RuleViolation.class, () -> discarded.lock(START));
  }

  @Test
  void answersAreKeptAsTypedAndReadBackTheSame() {
    IntakeDraftAnswers typed =
        new IntakeDraftAnswers(
            Map.of("THUNDERCLAP", "no", "WORSENING", "yes"),
            400,
            null,
            7,
            List.of("aura", "nausea"),
            "Bright light, \"deadlines\"\nand sleep",
            "yes",
            null,
            List.of(
                new IntakeDraftAnswers.MedicationLine("", null),
                new IntakeDraftAnswers.MedicationLine("Sumatriptan", "ACUTE")),
            List.of("pregnant"),
            null,
            "Almond oil",
            null);

    IntakeDraftAnswers back = IntakeDraftAnswers.fromJson(typed.json());

    assertEquals(typed, back);
    assertEquals(400, back.headacheDaysPerMonth());
    assertEquals("", back.medications().get(0).name());
  }

  @Test
  void keptAnswersThatCannotBeReadAreRefusedClearly() {
    assertEquals(
        RuleViolation.Kind.CONFLICT,
        assertThrows(RuleViolation.class, () -> IntakeDraftAnswers.fromJson("{not json")).kind());
  }
}
