package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.myochart.client.ClearanceRecorded;
import org.myochart.client.DuplicateCleared;
import org.myochart.client.IntakeRecorded;
import org.myochart.client.VisitChecked;
import org.myochart.consent.ConsentFileViewed;
import org.myochart.consent.FormPrinted;
import org.myochart.record.RecordHandedOut;
import org.myochart.record.RecordSealed;
import org.myochart.security.KioskHandOver;
import org.myochart.security.PasswordStep;
import org.myochart.security.SecondFactorStep;
import org.myochart.treatment.PlanCreated;

/**
 * The detail records serialise to exactly the text that was stored before they existed (it is part
 * of every entry's hash), property order included, and name the client they concern.
 */
class AuditDetailTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void chainVerificationKeepsItsOrderAndWritesAMissingBrokenEntryAsNull() {
    assertEquals(
        "{\"entries\":120,\"intact\":true,\"firstBrokenEntry\":null}",
        AuditDetail.json(new ChainVerified(120, true, null)));
    assertEquals(
        "{\"entries\":120,\"intact\":false,\"firstBrokenEntry\":7}",
        AuditDetail.json(new ChainVerified(120, false, 7L)));
  }

  @Test
  void aListReadShowsItsRowsAndKeepsTheClientInTheColumnOnly() {
    RowsRead read = new RowsRead(42, 3);
    assertEquals("{\"rows\":3}", AuditDetail.json(read));
    assertEquals(42L, read.concernedClient());
  }

  @Test
  void intakeClearanceAndVisitCheckStartWithTheClient() {
    assertEquals(
        "{\"client\":5,\"version\":2,\"source\":\"KIOSK\",\"redFlags\":\"[]\"}",
        AuditDetail.json(new IntakeRecorded(5, 2, "KIOSK", "[]")));
    assertEquals(
        "{\"client\":5,\"letterSha256\":null}", AuditDetail.json(new ClearanceRecorded(5, null)));
    assertEquals(
        "{\"client\":5,\"letterSha256\":\"" + SHA + "\"}",
        AuditDetail.json(new ClearanceRecorded(5, SHA)));
    assertEquals(
        "{\"client\":5,\"acute\":false,\"changed\":true,\"redFlags\":\"[]\"}",
        AuditDetail.json(new VisitChecked(5, false, true, "[]")));
    assertEquals(5L, new VisitChecked(5, false, true, "[]").concernedClient());
    assertEquals("{\"possibleDuplicate\":false}", AuditDetail.json(new DuplicateCleared(false)));
    assertNull(new DuplicateCleared(false).concernedClient());
  }

  @Test
  void consentDetailsNameTheFileOrThePrintedForm() {
    assertEquals("{\"file\":\"signature\"}", AuditDetail.json(ConsentFileViewed.SIGNATURE));
    assertEquals("{\"file\":\"scan\"}", AuditDetail.json(ConsentFileViewed.SCAN));
    assertEquals("{\"printedFor\":9,\"version\":3}", AuditDetail.json(new FormPrinted(9L, 3)));
    assertEquals("{\"printedFor\":null,\"version\":3}", AuditDetail.json(new FormPrinted(null, 3)));
    assertEquals(9L, new FormPrinted(9L, 3).concernedClient());
  }

  @Test
  void sealedRecordDetailsKeepTheirTextAndTheClientOutOfIt() {
    RecordSealed sealed = new RecordSealed(RecordKind.NOTE_ADDENDUM.typeName(), 11, SHA, 4);
    assertEquals(
        "{\"recordType\":\"NoteAddendum\",\"recordId\":11,\"sha256\":\"" + SHA + "\"}",
        AuditDetail.json(sealed));
    assertEquals(4L, sealed.concernedClient());
    assertEquals("{\"sha256\":\"" + SHA + "\"}", AuditDetail.json(new RecordHandedOut(SHA, 4)));
  }

  @Test
  void signInAndKioskDetailsKeepTheirOrder() {
    assertEquals(
        "{\"secondFactor\":\"enrolled\"}",
        AuditDetail.json(new SecondFactorStep("enrolled", null)));
    assertEquals(
        "{\"secondFactor\":\"refused\",\"with\":\"recovery code\"}",
        AuditDetail.json(new SecondFactorStep("refused", "recovery code")));
    assertEquals(
        "{\"password\":\"accepted\",\"secondFactor\":\"asked next\"}",
        AuditDetail.json(new PasswordStep("accepted", "asked next")));
    KioskHandOver handOver = new KioskHandOver(17, "INTAKE");
    assertEquals("{\"client\":17,\"purpose\":\"INTAKE\"}", AuditDetail.json(handOver));
    assertEquals(17L, handOver.concernedClient());
    assertEquals("{\"client\":17}", AuditDetail.json(new PlanCreated(17)));
  }

  @Test
  void textIsEscapedAsJsonWhereConcatenationWouldHaveBrokenIt() {
    assertEquals(
        "{\"secondFactor\":\"a\\\"b\",\"with\":\"app\"}",
        AuditDetail.json(new SecondFactorStep("a\"b", "app")));
  }

  @Test
  void noDetailIsNoText() {
    assertNull(AuditDetail.json(null));
  }
}
