package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.consent.ConsentFixtures.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.platform.Sha256;

class ConsentEvidenceTest {

  private static Consent fresh() {
    return ConsentFixtures.consent(ConsentFixtures.version(12, false), T0);
  }

  private static Consent paper(byte[] scan) {
    ConsentFormVersion version = ConsentFixtures.version(12, false);
    return ConsentFixtures.withId(
        Consent.paper(
            ConsentFixtures.client(),
            version,
            ConsentFixtures.answers(version),
            SignedBy.client("Anna Bergström"),
            LocalDate.of(2026, 1, 10),
            "application/pdf",
            scan,
            "reception1",
            T0,
            "paper-1"));
  }

  @Test
  void aFreshConsentHasIntactEvidence() {
    Consent consent = fresh();

    assertTrue(consent.evidenceIntact());
    assertTrue(consent.getEvidenceSha256().matches("[0-9a-f]{64}"));
    assertEquals(Sha256.of(consent.evidence()), consent.getEvidenceSha256());
  }

  @Test
  void theEvidenceNamesWhatWasSignedAndHow() {
    Consent consent = fresh();

    String evidence = consent.evidence();

    assertTrue(evidence.contains(consent.getFormVersion().getTextSha256()));
    assertTrue(evidence.contains("Anna Bergström"));
    assertTrue(evidence.contains(T0.toString()));
    assertTrue(evidence.contains("submission-1"));
    assertTrue(evidence.contains("192.0.2.10"));
    assertTrue(evidence.contains(consent.getSignatureStrokes()));
    assertTrue(evidence.contains(Sha256.of(consent.getSignaturePng())));
  }

  @Test
  void aChangedSignerNameBreaksTheEvidence() {
    Consent consent = fresh();

    ConsentFixtures.set(consent, "signerName", "Someone Else");

    assertFalse(consent.evidenceIntact());
  }

  @Test
  void anyChangedColumnBreaksTheEvidence() {
    Object[][] changes = {
      {"signedAt", T0.plusSeconds(1)},
      {"signerRole", SignerRole.GUARDIAN},
      {"guardianRelationship", "mother"},
      {"method", SigningMethod.PAPER},
      {"ipAddress", "192.0.2.99"},
      {"userAgent", "curl"},
      {"kioskSessionId", "kiosk-8"},
      {"startedBy", "owner"},
      {"submissionId", "submission-2"},
      {"paperSignedOn", LocalDate.of(2026, 1, 1)},
      {"signatureStrokes", "{\"lines\":[]}"},
      {"signaturePng", new byte[] {1, 2, 3}},
      {"textSha256", Sha256.of("another text")}
    };
    for (Object[] change : changes) {
      Consent consent = fresh();

      ConsentFixtures.set(consent, (String) change[0], change[1]);

      assertFalse(consent.evidenceIntact(), () -> "changed " + change[0]);
    }
  }

  @Test
  void aChangedAnswerBreaksTheEvidence() {
    Consent consent = fresh();
    List<Answer> answers = new ArrayList<>(consent.getAnswers());
    Answer declined = answers.get(answers.size() - 1);
    assertFalse(declined.isAccepted());
    ConsentFixtures.set(declined, "accepted", true);
    ConsentFixtures.set(consent, "answers", answers);

    assertFalse(consent.evidenceIntact());
  }

  @Test
  void aRemovedAnswerBreaksTheEvidence() {
    Consent consent = fresh();
    List<Answer> answers = new ArrayList<>(consent.getAnswers());
    answers.remove(0);
    ConsentFixtures.set(consent, "answers", answers);

    assertFalse(consent.evidenceIntact());
  }

  @Test
  void aChangedFormWordingBreaksTheEvidence() {
    Consent consent = fresh();

    ConsentFixtures.set(
        consent.getFormVersion(),
        "shownText",
        consent.getFormVersion().getShownText() + "Small print.\n");

    assertFalse(consent.evidenceIntact());
  }

  @Test
  void theSameSigningOnAnotherScreenHasOtherEvidence() {
    ConsentFormVersion version = ConsentFixtures.version(12, false);

    Consent first = ConsentFixtures.consent(version, T0, "submission-1");
    Consent second = ConsentFixtures.consent(version, T0, "submission-2");

    assertNotEquals(first.getEvidenceSha256(), second.getEvidenceSha256());
  }

  @Test
  void keepsTheServersOwnCopyOfTheSignature() {
    Consent consent = fresh();

    assertEquals(ConsentFixtures.signature().toJson(), consent.getSignatureStrokes());
    assertArrayEquals(ConsentFixtures.signature().toPng(), consent.getSignaturePng());
    assertTrue(consent.hasSignatureImage());
  }

  @Test
  void changingACopyOfTheSignatureImageLeavesTheRecordIntact() {
    Consent consent = fresh();

    consent.getSignaturePng()[10] ^= 0x7F;

    assertTrue(consent.evidenceIntact());
  }

  @Test
  void keepsEveryAnswerWithItsWording() {
    Consent consent = fresh();

    assertEquals(2, consent.getAcknowledgements().size());
    assertTrue(consent.getAcknowledgements().stream().allMatch(Answer::isAccepted));
    assertEquals(
        List.of("Cupping", "Deep tissue work"),
        consent.getTechniqueChoices().stream().map(Answer::getText).toList());
    assertTrue(consent.declined((code, text) -> code.equals("deep-tissue-work")));
    assertFalse(consent.declined((code, text) -> code.equals("cupping")));
    assertFalse(consent.declined((code, text) -> code.equals("no-such-technique")));
  }

  @Test
  void aPaperConsentHasIntactEvidenceAndNoSignatureImage() {
    byte[] scan = {'%', 'P', 'D', 'F', '-', '1', '.', '7'};

    Consent consent = paper(scan);

    assertTrue(consent.evidenceIntact());
    assertEquals(Sha256.of(scan), consent.getScanSha256());
    assertFalse(consent.hasSignatureImage());
    assertNull(consent.getSignatureStrokes());
  }

  @Test
  void aReplacedScanBreaksTheEvidence() {
    Consent consent = paper(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7'});

    ConsentFixtures.set(consent, "scan", new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4'});

    assertFalse(consent.evidenceIntact());
  }

  @Test
  void theScanIsCopiedOnTheWayIn() {
    byte[] scan = {'%', 'P', 'D', 'F', '-', '1', '.', '7'};
    Consent consent = paper(scan);

    scan[7] = '4';

    assertEquals('7', consent.getScan()[7]);
  }

  @Test
  void aWitnessCountersignsTheEvidenceHash() {
    Consent consent = fresh();
    Consent other = ConsentFixtures.consent(consent.getFormVersion(), T0, "submission-9");

    ConsentWitness witness = ConsentFixtures.witness(consent, T0.plusSeconds(30));

    assertEquals(
        Sha256.of(
            "witness\n" + consent.getEvidenceSha256() + "\ntherapist1\n" + T0.plusSeconds(30)),
        witness.getEvidenceSha256());
    assertNotEquals(
        witness.getEvidenceSha256(),
        ConsentFixtures.witness(other, T0.plusSeconds(30)).getEvidenceSha256());
  }
}
