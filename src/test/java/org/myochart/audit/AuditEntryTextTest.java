package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEntryTextTest {

  private final AuditEntryText text =
      new AuditEntryText(
          id -> id == 7 ? "Anna Bergström (born 1988-04-12)" : null,
          username -> Map.of("therapist1", "Tomás Reyes").get(username));

  @Test
  void everyActionHasItsOwnReadableLabel() {
    for (AuditAction action : AuditAction.values()) {
      assertFalse(action.label().isBlank(), action.name());
      assertFalse(action.label().contains("_"), action.name());
      assertFalse(action.label().equals(action.name()), action.name());
    }
    assertEquals(
        AuditAction.values().length,
        Arrays.stream(AuditAction.values()).map(AuditAction::label).distinct().count(),
        "no two actions read alike");
    assertEquals("Sign-in failed", AuditAction.LOGIN_FAILED.label());
  }

  @Test
  void anUnknownStoredActionIsShownAsStored() {
    assertEquals("Signed", AuditAction.labelOf("SIGN"));
    assertEquals("ARCHIVE", AuditAction.labelOf("ARCHIVE"));
  }

  @Test
  void aJsonDetailReadsAsKeysAndValuesInWords() {
    assertEquals(
        "Client: Anna Bergström (born 1988-04-12); Version: 2; Source: KIOSK; Red flags: none",
        text.detail("{\"client\":7,\"version\":2,\"source\":\"KIOSK\",\"redFlags\":null}"));
    assertEquals("Acute: no; Changed: yes", text.detail("{\"acute\":false,\"changed\":true}"));
  }

  @Test
  void aClientTheLookupDoesNotKnowKeepsItsNumber() {
    assertEquals("Client: client 99", text.detail("{\"client\":99}"));
  }

  @Test
  void aSearchOfTheTrailNamesTheActionAndRecordKindInWords() {
    assertEquals(
        "Client: Anna Bergström (born 1988-04-12); Action: Sign-in failed; Type: SOAP note",
        text.detail("{\"client\":7,\"action\":\"LOGIN_FAILED\",\"type\":\"SoapNote\"}"));
  }

  @Test
  void hashesAreShortenedAndTheirKeysSpelt() {
    String hash = "ab".repeat(32);
    assertEquals(
        "Letter SHA-256: abababababab…", text.detail("{\"letterSha256\":\"" + hash + "\"}"));
  }

  @Test
  void nestedObjectsAndListsStayOnOneLine() {
    assertEquals(
        "Muscles: upper trapezius, scalenes; Pressure: (Side: left, Level: 3)",
        text.detail(
            "{\"muscles\":[\"upper trapezius\",\"scalenes\"],"
                + "\"pressure\":{\"side\":\"left\",\"level\":3}}"));
  }

  @Test
  void plainTextAndBrokenJsonAreShownAsWritten() {
    assertEquals("first owner created", text.detail("first owner created"));
    assertEquals("{not json", text.detail("{not json"));
    assertEquals("", text.detail(null));
  }

  @Test
  void markupInADetailStaysText() {
    // The page escapes it; the text itself is not altered into markup or out of it.
    assertEquals("Note: <b>x</b>", text.detail("{\"note\":\"<b>x</b>\"}"));
  }

  @Test
  void recordKindsAreSpeltOut() {
    assertEquals("SOAP note", AuditEntryText.recordKind("SoapNote"));
    assertEquals("Health intake", AuditEntryText.recordKind("HealthIntake"));
    assertEquals("Note addendum", AuditEntryText.recordKind("NoteAddendum"));
    assertEquals("Audit trail", AuditEntryText.recordKind("AuditLog"));
  }

  @Test
  void aClientsRecordsAndListsNameTheClient() {
    assertEquals("Client: Anna Bergström (born 1988-04-12)", text.record("Client", "7"));
    assertEquals(
        "SOAP note list of Anna Bergström (born 1988-04-12)", text.record("SoapNote", "client:7"));
    assertEquals("SOAP note 12", text.record("SoapNote", "12"));
    assertEquals("Audit trail", text.record("AuditLog", null));
  }

  @Test
  void staffAndTabletsAreNamed() {
    assertEquals("Tomás Reyes (therapist1)", text.actor("therapist1"));
    assertEquals("owner", text.actor("owner"));
    assertEquals(
        "Tablet for Anna Bergström (born 1988-04-12), handed over by Tomás Reyes (therapist1)",
        text.actor("kiosk:client-7 (started by therapist1)"));
    assertTrue(text.actor("kiosk:client-99 (started by owner)").startsWith("Tablet for client 99"));
  }

  @Test
  void keysAreSplitIntoWords() {
    assertEquals("Signature valid", AuditEntryText.keyWords("signatureValid"));
    assertEquals("IP address", AuditEntryText.keyWords("ipAddress"));
    assertEquals("First broken entry", AuditEntryText.keyWords("firstBrokenEntry"));
  }
}
