package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.consent.ConsentFixtures.OSLO;
import static org.myochart.consent.ConsentFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentStandingTest {

  private static final Instant A_WEEK_LATER = T0.plus(Duration.ofDays(7));

  private static ConsentStanding standing(Consent consent, Instant now) {
    return ConsentStanding.of(
        consent, Optional.empty(), Optional.empty(), Optional.empty(), now, OSLO);
  }

  private static ConsentStanding standing(
      Consent consent,
      Optional<ConsentWitness> witness,
      Optional<ConsentWithdrawal> withdrawal,
      Optional<ConsentFormVersion> successor,
      Instant now) {
    return ConsentStanding.of(consent, witness, withdrawal, successor, now, OSLO);
  }

  private static ConsentFormVersion successorOf(ConsentFormVersion version) {
    return ConsentFixtures.version(
        version.getForm(), version.getVersionNumber() + 1, ConsentFixtures.draft(12, true, false));
  }

  @Test
  void aFreshConsentIsValid() {
    ConsentStanding standing =
        standing(ConsentFixtures.consent(ConsentFixtures.version(12, false), T0), A_WEEK_LATER);

    assertEquals(ConsentStatus.VALID, standing.status());
    assertTrue(standing.isValid());
    assertEquals("", standing.problem(OSLO));
  }

  @Test
  void expiresWhenTheValidityMonthsHavePassedOnTheClinicsClock() {
    // Signed at 12:00 in Oslo in winter; six months later 12:00 in Oslo is summer time, 10:00 UTC.
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(6, false), T0);
    Instant expiry = Instant.parse("2026-07-15T10:00:00Z");

    assertEquals(expiry, consent.expiresAt(OSLO));
    assertEquals(Instant.parse("2026-07-15T11:00:00Z"), consent.expiresAt(ZoneOffset.UTC));
    assertEquals(ConsentStatus.VALID, standing(consent, expiry.minusSeconds(1)).status());
    assertEquals(ConsentStatus.EXPIRED, standing(consent, expiry).status());
    assertEquals(
        ConsentStatus.EXPIRED, standing(consent, expiry.plus(Duration.ofDays(400))).status());
    assertEquals(expiry, standing(consent, expiry).expiresAt());
  }

  @Test
  void aMonthFromTheLastDayOfJanuaryIsTheLastDayOfFebruary() {
    Consent consent =
        ConsentFixtures.consent(
            ConsentFixtures.version(1, false), Instant.parse("2026-01-31T09:00:00Z"));

    assertEquals(Instant.parse("2026-02-28T09:00:00Z"), consent.expiresAt(OSLO));
  }

  @Test
  void aPaperConsentRunsFromTheStartOfTheDayWrittenOnIt() {
    ConsentFormVersion version = ConsentFixtures.version(12, false);
    Consent paper =
        ConsentFixtures.withId(
            Consent.paper(
                ConsentFixtures.client(),
                version,
                ConsentFixtures.answers(version),
                SignedBy.client("Anna Bergström"),
                LocalDate.of(2026, 1, 10),
                "application/pdf",
                new byte[] {1, 2, 3},
                "reception1",
                T0,
                "paper-1"));

    assertEquals(Instant.parse("2027-01-09T23:00:00Z"), paper.expiresAt(OSLO));
    assertEquals(
        ConsentStatus.EXPIRED, standing(paper, Instant.parse("2027-01-10T00:00:00Z")).status());
    assertEquals(
        ConsentStatus.VALID, standing(paper, Instant.parse("2027-01-09T22:59:59Z")).status());
  }

  @Test
  void expiredProblemGivesTheExpiryDayInTheClinicsZone() {
    // 23:30 UTC on 14 July is already 15 July in Oslo.
    Consent consent =
        ConsentFixtures.consent(
            ConsentFixtures.version(6, false), Instant.parse("2026-01-14T23:30:00Z"));

    String problem = standing(consent, Instant.parse("2026-08-01T00:00:00Z")).problem(OSLO);

    assertEquals(
        "\"" + ConsentFixtures.TITLE + "\" expired on 2026-07-15; the client must sign it again.",
        problem);
  }

  @Test
  void aWithdrawalBeatsEverythingElse() {
    ConsentFormVersion version = ConsentFixtures.version(6, true);
    Consent consent = ConsentFixtures.consent(version, T0);
    Optional<ConsentWithdrawal> withdrawal =
        Optional.of(ConsentFixtures.withdrawal(consent, T0.plus(Duration.ofDays(3))));
    Instant expired = T0.plus(Duration.ofDays(400));

    assertEquals(
        ConsentStatus.WITHDRAWN,
        standing(consent, Optional.empty(), withdrawal, Optional.empty(), A_WEEK_LATER).status());
    assertEquals(
        ConsentStatus.WITHDRAWN,
        standing(consent, Optional.empty(), withdrawal, Optional.of(successorOf(version)), expired)
            .status());
    assertEquals(
        ConsentStatus.WITHDRAWN,
        standing(
                consent,
                Optional.of(ConsentFixtures.witness(consent, T0)),
                withdrawal,
                Optional.empty(),
                A_WEEK_LATER)
            .status());
  }

  @Test
  void aWithdrawalCountsFromItsOwnMoment() {
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(12, false), T0);
    Instant withdrawnAt = T0.plus(Duration.ofDays(3));
    Optional<ConsentWithdrawal> withdrawal =
        Optional.of(ConsentFixtures.withdrawal(consent, withdrawnAt));

    assertEquals(
        ConsentStatus.VALID,
        standing(
                consent, Optional.empty(), withdrawal, Optional.empty(), withdrawnAt.minusMillis(1))
            .status());
    assertEquals(
        ConsentStatus.WITHDRAWN,
        standing(consent, Optional.empty(), withdrawal, Optional.empty(), withdrawnAt).status());
  }

  @Test
  void withdrawnProblemGivesTheDayInTheClinicsZone() {
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(12, false), T0);
    Optional<ConsentWithdrawal> withdrawal =
        Optional.of(ConsentFixtures.withdrawal(consent, Instant.parse("2026-05-31T22:30:00Z")));

    ConsentStanding standing =
        standing(
            consent,
            Optional.empty(),
            withdrawal,
            Optional.empty(),
            Instant.parse("2026-06-02T08:00:00Z"));

    assertFalse(standing.isValid());
    assertEquals(
        "\""
            + ConsentFixtures.TITLE
            + "\" was withdrawn on 2026-06-01; the client must sign again before treatment.",
        standing.problem(OSLO));
  }

  @Test
  void aRequiredNewVersionSupersedesTheConsent() {
    ConsentFormVersion version = ConsentFixtures.version(12, true);
    Consent consent = ConsentFixtures.consent(version, T0);
    ConsentFormVersion successor = successorOf(version);

    ConsentStanding standing =
        standing(
            consent,
            Optional.of(ConsentFixtures.witness(consent, T0)),
            Optional.empty(),
            Optional.of(successor),
            A_WEEK_LATER);

    assertEquals(ConsentStatus.SUPERSEDED, standing.status());
    assertFalse(standing.isValid());
    assertEquals(
        "\""
            + ConsentFixtures.TITLE
            + "\" has a new version 2 that requires the client to consent again.",
        standing.problem(OSLO));
  }

  @Test
  void supersededIsReportedBeforeExpiredAndBeforeTheMissingWitness() {
    ConsentFormVersion version = ConsentFixtures.version(6, true);
    Consent consent = ConsentFixtures.consent(version, T0);
    Optional<ConsentFormVersion> successor = Optional.of(successorOf(version));

    assertEquals(
        ConsentStatus.SUPERSEDED,
        standing(consent, Optional.empty(), Optional.empty(), successor, A_WEEK_LATER).status());
    assertEquals(
        ConsentStatus.SUPERSEDED,
        standing(
                consent,
                Optional.empty(),
                Optional.empty(),
                successor,
                T0.plus(Duration.ofDays(400)))
            .status());
  }

  @Test
  void aFormThatAsksForAWitnessAwaitsOne() {
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(12, true), T0);

    ConsentStanding awaiting = standing(consent, A_WEEK_LATER);
    assertEquals(ConsentStatus.AWAITING_WITNESS, awaiting.status());
    assertFalse(awaiting.isValid());
    assertEquals(
        "\""
            + ConsentFixtures.TITLE
            + "\" is signed but still needs a staff witness's countersignature.",
        awaiting.problem(OSLO));

    ConsentStanding witnessed =
        standing(
            consent,
            Optional.of(ConsentFixtures.witness(consent, T0.plusSeconds(60))),
            Optional.empty(),
            Optional.empty(),
            A_WEEK_LATER);
    assertEquals(ConsentStatus.VALID, witnessed.status());
  }

  @Test
  void anExpiredConsentIsExpiredEvenWithoutItsWitness() {
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(6, true), T0);

    assertEquals(ConsentStatus.EXPIRED, standing(consent, T0.plus(Duration.ofDays(400))).status());
  }

  @Test
  void aFormWithoutWitnessIgnoresOne() {
    Consent consent = ConsentFixtures.consent(ConsentFixtures.version(12, false), T0);

    assertEquals(ConsentStatus.VALID, standing(consent, A_WEEK_LATER).status());
  }

  @Test
  void everyProblemNamesTheForm() {
    ConsentFormVersion version = ConsentFixtures.version(6, true);
    Consent consent = ConsentFixtures.consent(version, T0);
    Optional<ConsentWithdrawal> withdrawal =
        Optional.of(ConsentFixtures.withdrawal(consent, T0.plusSeconds(10)));

    for (ConsentStanding standing :
        new ConsentStanding[] {
          standing(consent, A_WEEK_LATER),
          standing(consent, T0.plus(Duration.ofDays(400))),
          standing(consent, Optional.empty(), withdrawal, Optional.empty(), A_WEEK_LATER),
          standing(
              consent,
              Optional.empty(),
              Optional.empty(),
              Optional.of(successorOf(version)),
              A_WEEK_LATER)
        }) {
      assertFalse(standing.isValid());
      assertTrue(
          standing.problem(OSLO).startsWith("\"" + ConsentFixtures.TITLE + "\" "),
          () -> standing.status() + ": " + standing.problem(OSLO));
    }
  }
}
