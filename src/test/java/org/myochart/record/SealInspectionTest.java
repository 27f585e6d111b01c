package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.audit.RecordKind;
import org.myochart.platform.Sha256;

class SealInspectionTest {

  static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");
  static SigningIdentity identity;
  static byte[] sealed;

  @BeforeAll
  static void seal() {
    identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    sealed = sealedRecord("note-5.json", "{\"type\":\"note\",\"id\":5}");
  }

  static byte[] unsignedRecord(String attachment, String source) {
    return new RecordPdf()
        .add(RecordPdf.Style.TITLE, "Signed SOAP note")
        .add(
            RecordPdf.Style.TEXT,
            "Upper trapezius worked on the left; pressure firm and within comfort.")
        .render(
            "SOAP note 5",
            "Harbourside Migraine Massage",
            attachment,
            source,
            RecordPdf.utc(SIGNED));
  }

  static byte[] sealedRecord(String attachment, String source) {
    return PadesSeal.seal(
        unsignedRecord(attachment, source),
        identity,
        "Harbourside Migraine Massage",
        "SOAP note signed by the therapist",
        SIGNED);
  }

  /** The clinic's history: the identity's certificate, in use since before {@link #SIGNED}. */
  static Function<String, Optional<SealCertificate>> clinicHistory(SealCertificate... history) {
    return sha -> Arrays.stream(history).filter(c -> c.getSha256().equals(sha)).findFirst();
  }

  private static Verification verify(byte[] pdf, byte[] stored) {
    return verify(
        pdf,
        stored,
        clinicHistory(new SealCertificate(identity.certificate(), SIGNED.minusSeconds(3600))));
  }

  private static Verification verify(
      byte[] pdf, byte[] stored, Function<String, Optional<SealCertificate>> history) {
    SealInspection.Findings findings = SealInspection.inspect(pdf);
    String sha = Sha256.of(pdf);
    return Verification.of(
        findings,
        findings.recordType(),
        findings.recordId(),
        sha,
        history,
        new Verification.Holding(
            stored != null, stored != null && Sha256.of(stored).equals(sha), null));
  }

  @Test
  void aSealedRecordIsValidIntactAndNamesItsRecordSignerAndTime() {
    Verification answer = verify(sealed, sealed);

    assertTrue(answer.sealedByClinic());
    assertEquals(SealCertificate.fingerprintOf(identity.certificate()), answer.sealCertificate());
    assertTrue(answer.signatureValid());
    assertTrue(answer.intact());
    assertTrue(answer.matchesStoredCopy());
    assertTrue(answer.confirmed());
    assertEquals(RecordKind.SOAP_NOTE.typeName(), answer.recordType());
    assertEquals(5L, answer.recordId());
    assertEquals("Harbourside Migraine Massage records seal", answer.signer());
    assertEquals("2026-11-20T10:15:30Z", answer.signedAt());
    assertEquals(1, answer.signatures());
    assertTrue(answer.message().contains("unchanged since signing"), answer.message());
    assertTrue(
        answer.message().contains("matches our stored copy of SOAP note 5 byte for byte"),
        answer.message());
  }

  @Test
  void oneFlippedByteAnywhereIsCaught() {
    // Every 97th byte and the bytes around the signature value, one at a time.
    int[] range = SealInspection.rawByteRanges(sealed).get(0);
    java.util.List<Integer> positions = new java.util.ArrayList<>();
    for (int i = 0; i < sealed.length; i += 97) {
      positions.add(i);
    }
    for (int i = -3; i <= 3; i++) {
      positions.add(range[1] + i);
      positions.add(range[2] + i);
    }
    positions.add(range[2] - 5); // inside the zero padding of the signature value
    positions.add(sealed.length - 1);
    for (int at : positions) {
      byte[] tampered = sealed.clone();
      tampered[at] ^= 0x01;
      Verification answer;
      try {
        answer = verify(tampered, sealed);
      } catch (UploadRefused refused) {
        continue; // refused outright is caught too (e.g. the %PDF header itself)
      }
      assertFalse(
          answer.signatureValid() && answer.intact(),
          "a flip at byte " + at + " went unnoticed: " + answer.message());
      assertFalse(answer.matchesStoredCopy(), "byte " + at);
    }
  }

  @Test
  void everyFlippedBitInsideTheSignatureValueIsCaught() {
    int[] range = SealInspection.rawByteRanges(sealed).get(0);
    // Every hex digit of the DER value, then a sample of the zero padding reserved after it.
    int derEnd = new String(sealed, StandardCharsets.ISO_8859_1).indexOf("0".repeat(64), range[1]);
    for (int at = range[1] + 1; at < range[2] - 1; at += at < derEnd + 64 ? 1 : 211) {
      byte[] tampered = sealed.clone();
      tampered[at] ^= 0x01;
      SealInspection.Findings findings = SealInspection.inspect(tampered);
      assertFalse(
          findings.allValid() && findings.intact(),
          "a flip at byte "
              + at
              + " (of the value from "
              + range[1]
              + " to "
              + range[2]
              + ") went unnoticed");
    }
  }

  @Test
  void aRecordResealedWithAKeyThatCopiesTheClinicsNameIsNotSealedByTheClinic() {
    SigningIdentity copycat = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    byte[] resealed =
        PadesSeal.seal(
            unsignedRecord("note-5.json", "{\"type\":\"note\",\"id\":5}"),
            copycat,
            "Harbourside Migraine Massage",
            "SOAP note signed by the therapist",
            SIGNED);

    Verification answer = verify(resealed, sealed);

    assertEquals("Harbourside Migraine Massage records seal", answer.signer());
    assertTrue(answer.signatureValid(), "the mathematics of a copycat's seal is fine");
    assertTrue(answer.intact());
    assertFalse(answer.sealedByClinic());
    assertFalse(answer.matchesStoredCopy());
    assertFalse(answer.confirmed());
    assertEquals(SealCertificate.fingerprintOf(copycat.certificate()), answer.sealCertificate());
    assertTrue(answer.message().startsWith("Not sealed by this clinic"), answer.message());
    assertFalse(answer.message().contains("The seal is the clinic's"), answer.message());
  }

  @Test
  void aFabricatedRecordSealedByAnotherKeyIsNotTheClinicsEvenWithNoCopyToCompare() {
    SigningIdentity forger = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    byte[] fabricated =
        PadesSeal.seal(
            unsignedRecord("consent-999.json", "{\"type\":\"consent\",\"id\":999}"),
            forger,
            "Harbourside Migraine Massage",
            "Consent signed",
            SIGNED);

    Verification answer = verify(fabricated, null);

    assertFalse(answer.sealedByClinic());
    assertFalse(answer.confirmed());
    assertTrue(
        answer.message().contains("We hold no sealed copy of Consent 999"), answer.message());
  }

  @Test
  void aSealMadeAfterTheClinicRetiredItsCertificateIsNotTheClinics() {
    SealCertificate retired =
        new SealCertificate(identity.certificate(), SIGNED.minusSeconds(7200));
    retired.retire(SIGNED.minusSeconds(60));

    Verification answer = verify(sealed, sealed, clinicHistory(retired));

    assertFalse(answer.sealedByClinic());
    assertTrue(answer.matchesStoredCopy());
    assertFalse(answer.confirmed());
    assertTrue(answer.message().contains("was retired on"), answer.message());
  }

  @Test
  void aSealMadeBeforeTheClinicRetiredItsCertificateStaysTheClinics() {
    SealCertificate retired =
        new SealCertificate(identity.certificate(), SIGNED.minusSeconds(7200));
    retired.retire(SIGNED.plusSeconds(60));

    assertTrue(verify(sealed, sealed, clinicHistory(retired)).confirmed());
  }

  @Test
  void aFileWhoseSignedBytesChangedIsNeitherValidNorIntact() {
    int[] range = SealInspection.rawByteRanges(sealed).get(0);
    byte[] changed = sealed.clone();
    changed[range[1] / 2] ^= 0x01;

    Verification answer = verify(changed, sealed);

    assertFalse(answer.signatureValid(), answer.message());
    assertFalse(answer.intact(), "changed signed bytes are not the bytes that were sealed");
    assertFalse(answer.confirmed());
  }

  @Test
  void bytesAppendedAfterSealingLeaveTheSignatureValidButTheFileNotIntact() {
    byte[] longer = Arrays.copyOf(sealed, sealed.length + 20);
    System.arraycopy(
        "\n% added afterwards\n".getBytes(StandardCharsets.US_ASCII), 0, longer, sealed.length, 20);

    Verification answer = verify(longer, sealed);

    assertTrue(answer.signatureValid());
    assertFalse(answer.intact());
    assertFalse(answer.matchesStoredCopy());
    assertTrue(answer.message().contains("bytes were added after sealing"), answer.message());
  }

  @Test
  void aSecondSignatureMakesTheFileNotIntact() {
    byte[] twice = PadesSeal.seal(sealed, identity, "Someone else", "Second seal", SIGNED);

    Verification answer = verify(twice, sealed);

    assertEquals(2, answer.signatures());
    assertFalse(answer.intact());
    assertTrue(answer.signatureValid(), answer.message());
    assertTrue(answer.message().contains("2 signatures"), answer.message());
  }

  @Test
  void somethingThatIsNotAPdfIsRefused() {
    UploadRefused refused =
        assertThrows(
            UploadRefused.class,
            () ->
                SealInspection.inspect(
                    "GIF89a not a pdf at all".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(UploadRefused.Reason.NOT_PDF, refused.reason());
    assertEquals("This file is not a PDF.", refused.getMessage());
  }

  @Test
  void garbageAfterThePdfHeaderIsRefusedAsUnreadable() {
    byte[] garbage =
        ("%PDF-1.7\n" + "x".repeat(4000) + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);

    UploadRefused refused =
        assertThrows(UploadRefused.class, () -> SealInspection.inspect(garbage));
    assertEquals(UploadRefused.Reason.UNREADABLE, refused.reason());
  }

  @Test
  void anEmptyUploadIsRefused() {
    assertEquals(
        UploadRefused.Reason.EMPTY,
        assertThrows(UploadRefused.class, () -> SealInspection.inspect(new byte[0])).reason());
  }

  @Test
  void aPdfWithoutSignatureIsRefused() {
    UploadRefused refused =
        assertThrows(
            UploadRefused.class, () -> SealInspection.inspect(unsignedRecord("note-6.json", "{}")));
    assertEquals(UploadRefused.Reason.UNSIGNED, refused.reason());
    assertTrue(refused.getMessage().startsWith("This PDF carries no signature"));
  }

  @Test
  void anEncryptedPdfIsRefused() throws Exception {
    for (String userPassword : new String[] {"", "open sesame"}) {
      byte[] encrypted;
      try (PDDocument doc = Loader.loadPDF(unsignedRecord("note-7.json", "{}"))) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        encrypted = out.toByteArray();
      }
      UploadRefused refused =
          assertThrows(UploadRefused.class, () -> SealInspection.inspect(encrypted));
      assertEquals(
          UploadRefused.Reason.ENCRYPTED, refused.reason(), "user password '" + userPassword + "'");
    }
  }

  @Test
  void aValidSealOverAnotherFileDoesNotMatchTheStoredCopy() {
    byte[] other = sealedRecord("note-5.json", "{\"type\":\"note\",\"id\":5,\"forged\":true}");

    Verification answer = verify(other, sealed);

    assertTrue(answer.signatureValid());
    assertFalse(answer.matchesStoredCopy());
    assertTrue(
        answer.message().contains("differs from our stored copy of SOAP note 5"), answer.message());
  }

  @Test
  void uploadsAreCutOffPastTheLimitWithoutReadingTheRest() {
    UploadRefused announced =
        assertThrows(
            UploadRefused.class,
            () -> Verifications.read(new ByteArrayInputStream(new byte[0]), 200L * 1024 * 1024));
    assertEquals(UploadRefused.Reason.TOO_LARGE, announced.reason());

    java.io.InputStream endless =
        new java.io.InputStream() {
          long served;

          @Override
          public int read() {
            served++;
            return served > 300L * 1024 * 1024 ? -1 : 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            served += len;
            return len;
          }
        };
    UploadRefused streamed =
        assertThrows(UploadRefused.class, () -> Verifications.read(endless, -1));
    assertEquals(Verifications.TOO_LARGE, streamed.getMessage());
  }
}
