package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The client column is an index beside the chain, not part of what the hash covers (ADR-047). */
class AuditEntryClientTest {

  private static final Instant AT = Instant.parse("2026-12-06T09:30:00.000001Z");

  private static AuditEntry chained(Long clientId) {
    AuditEntry entry =
        new AuditEntry(
                AT,
                Actor.SYSTEM,
                AuditAction.VIEW,
                RecordKind.CONSENT.typeName(),
                "12",
                "{\"rows\":2}")
            .concerning(clientId);
    entry.chain(5, AuditEntry.GENESIS_HASH);
    return entry;
  }

  @Test
  void theClientDoesNotChangeTheEntrysHash() {
    AuditEntry withClient = chained(7L);
    AuditEntry withoutClient = chained(null);

    assertEquals(7L, withClient.getClientId());
    assertNull(withoutClient.getClientId());
    assertEquals(withoutClient.getEntryHash(), withClient.getEntryHash());
  }

  @Test
  void theHashCoversTheSameFieldsAsBeforeTheColumnExisted() throws Exception {
    AuditEntry entry = chained(7L);
    StringBuilder canonical = new StringBuilder();
    for (Object field :
        new Object[] {
          entry.getPreviousHash(),
          entry.getId(),
          entry.getOccurredAt(),
          entry.getActor(),
          entry.getActorRole(),
          entry.getAction(),
          entry.getRecordType(),
          entry.getRecordId(),
          entry.getDetail(),
          entry.getIpAddress(),
          entry.getUserAgent()
        }) {
      String text = field == null ? "" : field.toString();
      canonical.append(text.length()).append(':').append(text).append(';');
    }
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertEquals(java.util.HexFormat.of().formatHex(digest), entry.getEntryHash());
  }

  @Test
  void theClientIsSetBeforeTheEntryIsChainedOnly() {
    AuditEntry entry = chained(null);
    assertThrows(IllegalStateException.class, () -> entry.concerning(4L));
  }

  @Test
  void recordKindsKeepTheirStoredText() {
    assertEquals("Consent", RecordKind.CONSENT.typeName());
    assertEquals("SoapNote", RecordKind.SOAP_NOTE.typeName());
    assertEquals("NoteAddendum", RecordKind.NOTE_ADDENDUM.typeName());
    assertEquals(RecordKind.NOTE_ADDENDUM, RecordKind.of("NoteAddendum").orElseThrow());
    assertEquals(java.util.Optional.empty(), RecordKind.of("Client"));
  }
}
