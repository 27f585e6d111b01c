package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class AuditFilterTest {

  private static RuleViolation refused(
      String staff, String client, String action, String from, String to, String type, String id) {
    RuleViolation refusal =
        assertThrows(
            RuleViolation.class, () -> AuditFilter.of(staff, client, action, from, to, type, id));
    assertEquals(RuleViolation.Kind.INVALID, refusal.kind());
    return refusal;
  }

  @Test
  void blankFieldsMeanTheWholeTrail() {
    AuditFilter filter = AuditFilter.of("", "  ", null, "", null, " ", "");
    assertTrue(filter.isEverything());
    assertEquals("{}", filter.describe());
    assertNull(filter.start(ZoneId.of("Europe/Oslo")));
  }

  @Test
  void everyFieldIsReadAndTrimmed() {
    AuditFilter filter =
        AuditFilter.of(
            " therapist1 ", " 12 ", "sign", "2026-03-01", "2026-03-31", "SoapNote", " 5 ");
    assertEquals(
        new AuditFilter(
            "therapist1",
            12L,
            AuditAction.SIGN,
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            "SoapNote",
            "5"),
        filter);
    assertEquals(
        "{\"staff\":\"therapist1\",\"client\":12,\"action\":\"SIGN\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\","
            + "\"type\":\"SoapNote\",\"id\":\"5\"}",
        filter.describe());
  }

  @Test
  void daysAreWholeDaysOfTheClinicsZone() {
    AuditFilter filter = AuditFilter.of(null, null, null, "2026-03-29", "2026-03-29", null, null);
    ZoneId oslo = ZoneId.of("Europe/Oslo");
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), filter.start(oslo));
    // Summer time starts that night, so the day is 23 hours long.
    assertEquals(Instant.parse("2026-03-29T22:00:00Z"), filter.end(oslo));
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefusedOnTheToField() {
    RuleViolation refusal = refused(null, null, null, "2026-03-02", "2026-03-01", null, null);
    assertEquals(
        "The last day (2026-03-01) is before the first day (2026-03-02).",
        refusal.fieldProblems().get("to"));
  }

  @Test
  void oneDayIsAValidRange() {
    AuditFilter filter = AuditFilter.of(null, null, null, "2026-03-02", "2026-03-02", null, null);
    assertEquals(filter.from(), filter.to());
  }

  @Test
  void malformedDatesAreRefusedWithTheExpectedForm() {
    RuleViolation refusal = refused(null, null, null, "21.11.2026", "2026-02-30", null, null);
    assertEquals(
        "Give the first day as YYYY-MM-DD; '21.11.2026' is not such a date.",
        refusal.fieldProblems().get("from"));
    assertEquals(
        "Give the last day as YYYY-MM-DD; '2026-02-30' is not such a date.",
        refusal.fieldProblems().get("to"));
    assertEquals("Please correct the 2 marked fields.", refusal.getMessage());
  }

  @Test
  void aClientThatIsNotAPickedClientIsRefused() {
    assertEquals(
        "Choose the client by name from the suggestions; 'Anna' does not name one.",
        refused(null, "Anna", null, null, null, null, null).fieldProblems().get("client"));
    assertEquals(
        "Choose the client by name from the suggestions; '-3' does not name one.",
        refused(null, "-3", null, null, null, null, null).getMessage());
  }

  @Test
  void anUnknownActionIsRefused() {
    assertEquals(
        "'DELETE' is not an action the audit trail records.",
        refused(null, null, "DELETE", null, null, null, null).fieldProblems().get("action"));
  }

  @Test
  void aRecordIdNeedsItsTypeAndATypeIsOneWord() {
    assertEquals(
        "Give the record type as well as the record id.",
        refused(null, null, null, null, null, null, "5").fieldProblems().get("id"));
    assertEquals(
        "A record type is one word of letters, such as SoapNote or Client; 'Soap Note' is not.",
        refused(null, null, null, null, null, "Soap Note", null).fieldProblems().get("type"));
    assertEquals(
        "A record id has at most 60 characters.",
        refused(null, null, null, null, null, "Client", "9".repeat(61)).fieldProblems().get("id"));
  }

  @Test
  void aTypeAloneIsAllowed() {
    assertEquals(
        "AuditLog", AuditFilter.of(null, null, null, null, null, "AuditLog", null).recordType());
  }

  @Test
  void anOverlongUsernameIsRefused() {
    assertEquals(
        "A staff username has at most 120 characters.",
        refused("x".repeat(121), null, null, null, null, null, null).fieldProblems().get("staff"));
  }
}
