package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;

/**
 * Each of the demo clinic's sealed consents names exactly who signed or accepted it, as stored: the
 * disclosure its acceptor, a minor's forms the guardian with their relationship.
 */
class ConsentSignerPdfIT {

  private static RunningClinic clinic;

  /** One stored consent: who signed it as captured, and whether it is the disclosure. */
  private record Captured(
      String signerName, String role, String relationship, boolean disclosure, String strokes) {}

  private static final Map<Long, Captured> CONSENTS = new HashMap<>();

  @BeforeAll
  static void readTheStoredConsents() throws Exception {
    clinic = RunningClinic.demo();
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select c.id, c.signer_name, c.signer_role, c.guardian_relationship, f.kind,"
                    + " c.signature_strokes from consent c"
                    + " join consent_form_version v on v.id = c.form_version_id"
                    + " join consent_form f on f.id = v.form_id where c.method = 'ELECTRONIC'")) {
      while (rows.next()) {
        CONSENTS.put(
            rows.getLong(1),
            new Captured(
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                "ERECORDS_DISCLOSURE".equals(rows.getString(5)),
                rows.getString(6)));
      }
    }
  }

  @Test
  void everySealedConsentPrintsExactlyTheNameAndRoleThatWereCaptured() throws Exception {
    int disclosures = 0;
    int guardians = 0;
    for (DemoSealedRecords.Stored stored :
        DemoSealedRecords.all(clinic, RecordKind.CONSENT.typeName())) {
      Captured captured = CONSENTS.get(stored.id());
      if (captured == null) {
        continue;
      }
      String text = SealedPdfs.text(DemoSealedRecords.download(clinic, stored));
      String label = captured.disclosure() ? "Accepted by" : "Signed by";
      assertTrue(
          text.contains(label + ": " + captured.signerName()),
          "consent "
              + stored.id()
              + " prints "
              + label
              + ": "
              + captured.signerName()
              + "\n"
              + text);
      assertFalse(text.contains("(null)"), "consent " + stored.id() + "\n" + text);
      assertFalse(text.contains(": null"), "consent " + stored.id() + "\n" + text);
      if ("GUARDIAN".equals(captured.role())) {
        guardians++;
        assertTrue(
            text.contains("parent or guardian (" + captured.relationship() + ")"),
            "consent " + stored.id() + "\n" + text);
      }
      if (captured.disclosure()) {
        disclosures++;
        assertFalse(text.contains("Signed by:"), "nobody drew a signature on the disclosure");
      }
    }
    assertTrue(disclosures >= 3, "the demo clients each accepted the disclosure");
    assertTrue(guardians >= 1, "the demo's minor was signed for by a guardian");
  }

  @Test
  void noTwoDemoSignersShareAnInk() {
    java.util.Set<String> demoSigners =
        java.util.Set.of("Anna Bergström", "Jonas Lindqvist", "Heidi Brandt");
    Map<String, String> inkOf = new HashMap<>();
    for (Captured captured : CONSENTS.values()) {
      if (captured.strokes() == null || !demoSigners.contains(captured.signerName())) {
        continue;
      }
      String earlier = inkOf.putIfAbsent(captured.strokes(), captured.signerName());
      if (earlier != null) {
        assertEquals(earlier, captured.signerName(), "one ink, two signers");
      }
    }
    assertEquals(
        demoSigners, new java.util.HashSet<>(inkOf.values()), "each has an ink of their own");
  }
}
