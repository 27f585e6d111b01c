package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.EuDss;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.TestTimestampAuthority;

/**
 * A record sealed with a timestamp authority is PAdES B-LTA: checked by EU DSS with the clinic's
 * certificate and the authority's root as the only trust anchors and nothing fetched, by our own
 * verification, and by veraPDF; and whatever else is slipped in under a document timestamp is
 * found.
 */
class LongTermValidationTest {

  private static final Instant SIGNED = Instant.now().minus(Duration.ofMinutes(5));
  private static SigningIdentity identity;
  private static TestTimestampAuthority tsa;
  private static TimestampAuthority authority;
  private static byte[] sealed;
  private static byte[] extendedAgain;
  private static byte[] withoutAuthority;
  private static List<EuDss.Verdict> dss;

  @BeforeAll
  static void seal() {
    identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    tsa = TestTimestampAuthority.start();
    authority = new TimestampAuthority(tsa.url(), Duration.ofSeconds(10));
    byte[] unsigned =
        new RecordPdf()
            .add(RecordPdf.Style.TITLE, "Signed SOAP note · Anna Bergström")
            .field("Signed by", "Tor Hansen (therapist1)")
            .render(
                "Note 7",
                "Harbourside Migraine Massage",
                "note-7.json",
                "{\"note\":7}",
                RecordPdf.utc(SIGNED));
    sealed =
        PadesSeal.seal(
            unsigned,
            identity,
            "Harbourside Migraine Massage",
            "SOAP note signed by the therapist",
            SIGNED,
            authority);
    extendedAgain = LongTermValidation.extend(sealed, authority);
    withoutAuthority =
        PadesSeal.seal(unsigned, identity, "Harbourside Migraine Massage", "Signed", SIGNED);
    // One run of EU DSS for every verdict below: its start-up takes seconds.
    dss =
        EuDss.validate(
            List.of(
                new EuDss.Request(sealed, identity.certificate(), tsa.root()),
                new EuDss.Request(sealed, tsa.root()),
                new EuDss.Request(extendedAgain, identity.certificate(), tsa.root()),
                new EuDss.Request(withoutAuthority, identity.certificate())));
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  @BeforeEach
  void crlServerUp() {
    tsa.publishCrl(true);
  }

  @Test
  void euDssFindsATimestampedSealTotallyPassedAtLevelLta() {
    EuDss.Verdict verdict = dss.get(0);

    assertEquals(Indication.TOTAL_PASSED, verdict.indication(), verdict.toString());
    assertEquals(SignatureLevel.PAdES_BASELINE_LTA, verdict.level(), verdict.toString());
  }

  @Test
  void euDssDoesNotPassTheSealWhenTheClinicsCertificateIsNotTrusted() {
    EuDss.Verdict verdict = dss.get(1);

    assertNotEquals(Indication.TOTAL_PASSED, verdict.indication(), verdict.toString());
  }

  @Test
  void aSealWithoutAnAuthorityIsOnlyBaselineB() throws Exception {
    EuDss.Verdict verdict = dss.get(3);

    assertEquals(SignatureLevel.PAdES_BASELINE_B, verdict.level(), verdict.toString());
    assertTrue(SealedPdfs.documentTimestamps(withoutAuthority).isEmpty());
  }

  @Test
  void theSecurityStoreCarriesEveryCertificateAndTheAuthoritysRevocationList() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      COSDictionary store = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
      assertNotNull(store, "a DSS in the catalog");
      List<byte[]> certificates = LongTermValidation.streams(store.getCOSArray(COSName.CERTS));
      assertTrue(contains(certificates, identity.certificate().getEncoded()), "the clinic's");
      assertTrue(contains(certificates, tsa.certificate().getEncoded()), "the authority's");
      assertTrue(contains(certificates, tsa.root().getEncoded()), "the authority's root");
      List<byte[]> crls = LongTermValidation.streams(store.getCOSArray(COSName.CRLS));
      assertEquals(1, crls.size());
      assertEquals(
          new X509CertificateHolder(tsa.root().getEncoded()).getSubject(),
          new X509CRLHolder(crls.get(0)).getIssuer());
    }
    assertEquals(1, SealedPdfs.documentTimestamps(sealed).size());
    assertTrue(SealedPdfs.signatureValid(sealed), "the seal itself still checks out");
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(sealed));
  }

  @Test
  void ourVerificationFindsTheExtendedRecordIntact() {
    SealInspection.Findings findings = SealInspection.inspect(sealed);

    assertEquals(1, findings.signatures().size());
    assertEquals(1, findings.archiveTimestamps().size());
    assertNull(findings.laterRevisionsProblem());
    assertTrue(findings.intact(), findings.toString());
    assertEquals("MyoChart Test TSA", findings.newestArchiveTimestamp().signer());
  }

  @Test
  void anotherRoundOfArchiveTimestampingKeepsTheRecordIntactAndLta() {
    SealInspection.Findings findings = SealInspection.inspect(extendedAgain);
    assertTrue(findings.intact(), findings.toString());
    assertEquals(2, findings.archiveTimestamps().size());
    EuDss.Verdict verdict = dss.get(2);
    assertEquals(Indication.TOTAL_PASSED, verdict.indication(), verdict.toString());
    assertEquals(SignatureLevel.PAdES_BASELINE_LTA, verdict.level(), verdict.toString());
  }

  @Test
  void aChangedPageUnderANewDocumentTimestampIsNotIntact() throws Exception {
    byte[] changed;
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      PDPage page = doc.getPage(0);
      try (PDPageContentStream stream =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
        stream.addRect(10, 10, 50, 50);
        stream.fill();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      changed = LongTermValidation.extend(out.toByteArray(), authority);
    }

    SealInspection.Findings findings = SealInspection.inspect(changed);
    assertTrue(findings.allValid(), "the seal still checks out over the part it signs");
    assertTrue(findings.newestArchiveTimestamp().valid(), "and the new timestamp over its part");
    assertFalse(findings.intact());
    assertNotNull(findings.laterRevisionsProblem());
    assertTrue(
        findings.laterRevisionsProblem().contains("changed after sealing"),
        findings.laterRevisionsProblem());
  }

  @Test
  void bytesAddedAfterTheLastDocumentTimestampAreFound() {
    byte[] appended = Arrays.copyOf(sealed, sealed.length + 40);
    System.arraycopy(
        "\n% a comment slipped in at the end\n".getBytes(), 0, appended, sealed.length, 35);

    SealInspection.Findings findings = SealInspection.inspect(appended);
    assertFalse(findings.newestArchiveTimestamp().coversWholeFile());
    assertFalse(findings.intact());
  }

  @Test
  void aDocumentTimestampOverOtherBytesIsNotValid() {
    byte[] tampered = sealed.clone();
    // A byte inside the DSS (covered by the document timestamp only, not by the seal).
    int at = indexOf(tampered, "/DSS".getBytes()) + 1;
    tampered[at] = (byte) 'd';

    SealInspection.Findings findings = SealInspection.inspect(tampered);
    assertFalse(findings.newestArchiveTimestamp().valid());
    assertFalse(findings.intact());
  }

  @Test
  void aCrlServerThatIsDownLeavesTheListOutButStillSealsAndTimestamps() {
    tsa.publishCrl(false);
    TimestampAuthority fresh = new TimestampAuthority(tsa.url(), Duration.ofSeconds(10));

    byte[] extended = LongTermValidation.extend(sealed, fresh);

    assertTrue(SealInspection.inspect(extended).intact());
  }

  private static boolean contains(List<byte[]> all, byte[] one) {
    return all.stream().anyMatch(b -> Arrays.equals(b, one));
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = data.length - pattern.length; i >= 0; i--) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
