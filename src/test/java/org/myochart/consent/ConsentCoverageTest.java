package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.consent.ConsentFixtures.OSLO;
import static org.myochart.consent.ConsentFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentCoverageTest {

  private static final Instant A_WEEK_LATER = T0.plus(Duration.ofDays(7));

  private static ConsentStanding standing(Consent consent, ConsentWithdrawal withdrawal) {
    return ConsentStanding.of(
        consent,
        Optional.empty(),
        Optional.ofNullable(withdrawal),
        Optional.empty(),
        A_WEEK_LATER,
        OSLO);
  }

  @Test
  void aValidConsentForEveryRequiredFormReadsSigned() {
    ConsentFormVersion required = ConsentFixtures.version(12, false);
    ConsentCoverage coverage =
        ConsentCoverage.of(
            List.of(required),
            List.of(standing(ConsentFixtures.consent(required, T0), null)),
            OSLO);

    assertTrue(coverage.complete());
    assertEquals("Signed", coverage.label());
    assertTrue(coverage.problems().isEmpty());
  }

  @Test
  void aRequiredFormNeverSignedReadsMissingWithTheSentenceStaffActOn() {
    ConsentFormVersion required = ConsentFixtures.version(12, false);
    ConsentCoverage coverage = ConsentCoverage.of(List.of(required), List.of(), OSLO);

    assertFalse(coverage.complete());
    assertEquals("Missing", coverage.label());
    assertEquals(
        List.of("\"" + required.getTitle() + "\" has not been signed."), coverage.problems());
  }

  @Test
  void aWithdrawnConsentReadsWithdrawn() {
    ConsentFormVersion required = ConsentFixtures.version(12, false);
    Consent consent = ConsentFixtures.consent(required, T0);
    ConsentCoverage coverage =
        ConsentCoverage.of(
            List.of(required),
            List.of(
                standing(
                    consent, ConsentFixtures.withdrawal(consent, T0.plus(Duration.ofDays(1))))),
            OSLO);

    assertEquals("Withdrawn", coverage.label());
    assertTrue(coverage.problems().get(0).contains("was withdrawn"), coverage.problems().get(0));
  }

  @Test
  void anExpiredConsentReadsExpired() {
    ConsentFormVersion required = ConsentFixtures.version(1, false);
    Consent consent = ConsentFixtures.consent(required, T0.minus(Duration.ofDays(60)));
    ConsentCoverage coverage =
        ConsentCoverage.of(List.of(required), List.of(standing(consent, null)), OSLO);

    assertEquals("Expired", coverage.label());
  }

  @Test
  void anOlderValidConsentOfTheSameFormStillCovers() {
    ConsentFormVersion required = ConsentFixtures.version(12, false);
    Consent older = ConsentFixtures.consent(required, T0, "submission-a");
    Consent newer = ConsentFixtures.consent(required, T0.plusSeconds(60), "submission-b");
    ConsentCoverage coverage =
        ConsentCoverage.of(
            List.of(required),
            List.of(
                standing(newer, ConsentFixtures.withdrawal(newer, T0.plusSeconds(120))),
                standing(older, null)),
            OSLO);

    assertTrue(coverage.complete());
  }
}
