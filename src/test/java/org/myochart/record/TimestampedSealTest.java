package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.TestTimestampAuthority;
import org.myochart.testsupport.TestTimestampAuthority.Behaviour;

class TimestampedSealTest {

  private static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");
  private static SigningIdentity identity;
  private static TestTimestampAuthority tsa;
  private static byte[] unsigned;

  @BeforeAll
  static void startAuthority() {
    identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    tsa = TestTimestampAuthority.start();
    unsigned =
        new RecordPdf()
            .add(RecordPdf.Style.TITLE, "Signed SOAP note · Anna Bergström")
            .field("Signed by", "Tor Hansen (therapist1)")
            .render(
                "Note 7",
                "Harbourside Migraine Massage",
                "note-7.json",
                "{\"note\":7}",
                RecordPdf.utc(SIGNED));
  }

  @AfterAll
  static void stopAuthority() {
    tsa.close();
  }

  @BeforeEach
  void granting() {
    tsa.behave(Behaviour.GRANT);
  }

  private static byte[] sealWith(URI url, Duration timeout) {
    return PadesSeal.seal(
        unsigned,
        identity,
        "Harbourside Migraine Massage",
        "SOAP note signed by the therapist",
        SIGNED,
        new TimestampAuthority(url, timeout));
  }

  @Test
  void aTimestampedSealCarriesTheAuthoritysTokenOverItsSignatureValue() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    byte[] pdf = sealWith(tsa.url(), Duration.ofSeconds(10));

    assertTrue(SealedPdfs.signatureValid(pdf), "the seal still verifies with the token added");
    TimeStampToken token = SealedPdfs.timestampToken(pdf).orElseThrow();
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(SealedPdfs.signatureValue(pdf));
    assertArrayEquals(
        expected,
        token.getTimeStampInfo().getMessageImprintDigest(),
        "the imprint is the signature value's SHA-256");
    X509CertificateHolder signer =
        (X509CertificateHolder)
            token.getCertificates().getMatches(token.getSID()).iterator().next();
    assertArrayEquals(
        tsa.certificate().getEncoded(),
        signer.getEncoded(),
        "signed by the authority's certificate");
    Instant stamped = SealedPdfs.timestampTime(pdf).orElseThrow();
    assertTrue(
        !stamped.isBefore(before) && !stamped.isAfter(Instant.now().plusSeconds(1)),
        stamped.toString());
    assertTrue(
        SealedPdfs.sealAppearanceText(pdf).contains("time-stamped"),
        SealedPdfs.sealAppearanceText(pdf));
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(pdf));
  }

  @Test
  void aSealWithoutAnAuthorityHasNoTimestamp() throws Exception {
    int served = tsa.served();
    byte[] pdf =
        PadesSeal.seal(
            unsigned, identity, "Harbourside Migraine Massage", "Consent signed", SIGNED);

    assertTrue(SealedPdfs.signatureValid(pdf));
    assertTrue(SealedPdfs.timestampTime(pdf).isEmpty());
    assertEquals(served, tsa.served());
  }

  @Test
  void anAuthorityThatRefusesStopsTheSeal() {
    tsa.behave(Behaviour.REJECT);

    TimestampUnavailable failure =
        assertThrows(TimestampUnavailable.class, () -> sealWith(tsa.url(), Duration.ofSeconds(10)));
    assertTrue(
        failure.getMessage().contains(tsa.url() + " refused the request"), failure.getMessage());
    assertTrue(failure.getMessage().contains("down for maintenance"), failure.getMessage());
    assertTrue(failure.getMessage().endsWith("the record was not sealed."), failure.getMessage());
  }

  @Test
  void anAuthorityAnsweringAnHttpErrorStopsTheSeal() {
    tsa.behave(Behaviour.SERVER_ERROR);

    TimestampUnavailable failure =
        assertThrows(TimestampUnavailable.class, () -> sealWith(tsa.url(), Duration.ofSeconds(10)));
    assertTrue(failure.getMessage().contains("answered HTTP 500"), failure.getMessage());
  }

  @Test
  void aTokenOverAnotherHashIsNotAccepted() {
    tsa.behave(Behaviour.WRONG_IMPRINT);

    TimestampUnavailable failure =
        assertThrows(TimestampUnavailable.class, () -> sealWith(tsa.url(), Duration.ofSeconds(10)));
    assertTrue(failure.getMessage().contains("does not check out"), failure.getMessage());
  }

  @Test
  void anUnreachableAuthorityStopsTheSeal() {
    URI gone;
    try (TestTimestampAuthority stopped = TestTimestampAuthority.start()) {
      gone = stopped.url();
    }

    TimestampUnavailable failure =
        assertThrows(TimestampUnavailable.class, () -> sealWith(gone, Duration.ofSeconds(5)));
    assertTrue(failure.getMessage().contains(gone + " could not be reached"), failure.getMessage());
  }

  @Test
  void anAuthorityTooSlowToAnswerStopsTheSeal() {
    tsa.behave(Behaviour.SLOW);

    TimestampUnavailable failure =
        assertThrows(TimestampUnavailable.class, () -> sealWith(tsa.url(), Duration.ofSeconds(1)));
    assertTrue(
        failure.getMessage().contains("did not answer within 1 seconds"), failure.getMessage());
  }
}
