package org.myochart.consent;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A consent with what has happened to it since signing, and the status that follows. The order of
 * the checks is the order staff need to hear them: a withdrawal beats everything else.
 *
 * <p>Pages keep standings in the session, which a cluster copies to other instances; the optional
 * parts are therefore held as nullable fields ({@link Optional} is not serializable) and handed out
 * as {@link Optional}.
 */
public final class ConsentStanding implements Serializable {

  private final Consent consent;
  private final ConsentWitness witness;
  private final ConsentWithdrawal withdrawal;
  private final ConsentFormVersion requiredSuccessor;
  private final ConsentStatus status;
  private final Instant expiresAt;

  public ConsentStanding(
      Consent consent,
      Optional<ConsentWitness> witness,
      Optional<ConsentWithdrawal> withdrawal,
      Optional<ConsentFormVersion> requiredSuccessor,
      ConsentStatus status,
      Instant expiresAt) {
    this.consent = consent;
    this.witness = witness.orElse(null);
    this.withdrawal = withdrawal.orElse(null);
    this.requiredSuccessor = requiredSuccessor.orElse(null);
    this.status = status;
    this.expiresAt = expiresAt;
  }

  /**
   * @param requiredSuccessor the newest later version of the same form marked "requires
   *     re-consent", if any
   */
  public static ConsentStanding of(
      Consent consent,
      Optional<ConsentWitness> witness,
      Optional<ConsentWithdrawal> withdrawal,
      Optional<ConsentFormVersion> requiredSuccessor,
      Instant now,
      ZoneId zone) {
    Instant expiresAt = consent.expiresAt(zone);
    ConsentStatus status;
    if (withdrawal.isPresent() && !withdrawal.get().getWithdrawnAt().isAfter(now)) {
      status = ConsentStatus.WITHDRAWN;
    } else if (requiredSuccessor.isPresent()) {
      status = ConsentStatus.SUPERSEDED;
    } else if (!now.isBefore(expiresAt)) {
      status = ConsentStatus.EXPIRED;
    } else if (consent.getFormVersion().isRequiresWitness() && witness.isEmpty()) {
      status = ConsentStatus.AWAITING_WITNESS;
    } else {
      status = ConsentStatus.VALID;
    }
    return new ConsentStanding(consent, witness, withdrawal, requiredSuccessor, status, expiresAt);
  }

  public Consent consent() {
    return consent;
  }

  public Optional<ConsentWitness> witness() {
    return Optional.ofNullable(witness);
  }

  public Optional<ConsentWithdrawal> withdrawal() {
    return Optional.ofNullable(withdrawal);
  }

  public Optional<ConsentFormVersion> requiredSuccessor() {
    return Optional.ofNullable(requiredSuccessor);
  }

  public ConsentStatus status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isValid() {
    return status == ConsentStatus.VALID;
  }

  /** One sentence for staff on why this consent does not allow treatment. */
  public String problem(ZoneId zone) {
    String title = consent.getFormVersion().getTitle();
    return switch (status) {
      case VALID -> "";
      case AWAITING_WITNESS ->
          "\"" + title + "\" is signed but still needs a staff witness's countersignature.";
      case WITHDRAWN ->
          "\""
              + title
              + "\" was withdrawn on "
              + withdrawal.getWithdrawnAt().atZone(zone).toLocalDate()
              + "; the client must sign again before treatment.";
      case EXPIRED ->
          "\""
              + title
              + "\" expired on "
              + expiresAt.atZone(zone).toLocalDate()
              + "; the client must sign it again.";
      case SUPERSEDED ->
          "\""
              + title
              + "\" has a new version "
              + requiredSuccessor.getVersionNumber()
              + " that requires the client to consent again.";
    };
  }
}
