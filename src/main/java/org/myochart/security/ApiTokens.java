package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.myochart.audit.Actor;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.audit.CurrentActor;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.Sha256;
import org.myochart.platform.validation.Between;
import org.myochart.platform.validation.RefusesInvalidInput;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;
import org.myochart.staff.Role;

/**
 * Bearer tokens for integrations (ADR-052). The owner issues one for a staff account; the token is
 * shown once and only its SHA-256 is stored, so checking one is a single indexed lookup instead of
 * a password hash: an API call costs milliseconds. HTTP Basic stays for people and stays slow.
 */
@ApplicationScoped
@Transactional
@RefusesInvalidInput
public class ApiTokens {

  public static final String RECORD_TYPE = "ApiToken";

  /** What every token starts with, so that a leaked one is recognised by secret scanners. */
  public static final String PREFIX = "myo_";

  public static final int LONGEST_VALIDITY_DAYS = 365;
  public static final int DEFAULT_VALIDITY_DAYS = 90;
  public static final int LONGEST_NAME = 80;

  /** Set on a request the authentication accepted by a bearer token (the token's id). */
  public static final String VIA_TOKEN = "org.myochart.security.viaToken";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** PREFIX plus 43 characters of unpadded Base64url for 32 random bytes. */
  private static final int TOKEN_LENGTH = PREFIX.length() + 43;

  @PersistenceContext EntityManager em;
  @Inject StaffAccounts accounts;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject CurrentActor actor;
  @Inject SignInThrottle throttle;

  /** A token just issued: the record, and the token itself, which is never shown again. */
  public record Issued(ApiToken token, String secret) {}

  /**
   * What an integration's bearer token is worth: the account to act as, or why it is refused; with
   * {@code retryAfter} when the address is refused for too many failures (429).
   */
  public record Check(Optional<ApiToken> token, String refusal, Instant retryAfter) {
    static Check refused(String why) {
      return new Check(Optional.empty(), why, null);
    }
  }

  /**
   * Issues a token for the staff account, in its current role, valid for the given number of days.
   * Owner only.
   */
  public Issued issue(
      long accountId,
      @Required(label = "name for the token") @Text(label = "token name", max = LONGEST_NAME)
          String name,
      @Between(
              min = 1,
              max = LONGEST_VALIDITY_DAYS,
              message = "A token is valid for 1 to " + LONGEST_VALIDITY_DAYS + " days.")
          int validDays) {
    requireOwner();
    StaffAccount account = accounts.get(accountId);
    String secret = newSecret();
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            account,
            name.strip(),
            Sha256.of(secret),
            now,
            actor.get().name(),
            now.plus(Duration.ofDays(validDays)));
    em.persist(token);
    em.flush();
    audit.recordDetail(
        AuditAction.CREATE,
        RECORD_TYPE,
        token.getId(),
        new TokenIssued(
            token.getName(),
            account.getUsername(),
            token.getRole().name(),
            token.getExpiresAt().toString()));
    return new Issued(token, secret);
  }

  /** Every token ever issued, live ones first, newest first. Owner only; audited as a view. */
  public List<ApiToken> all() {
    requireOwner();
    audit.record(AuditAction.VIEW, RECORD_TYPE, "all", null);
    return em.createQuery(
            "select t from ApiToken t order by case when t.revokedAt is null then 0 else 1 end,"
                + " t.createdAt desc, t.id desc",
            ApiToken.class)
        .getResultList();
  }

  /**
   * Revokes a token at once: its next use is refused. Revoking it again changes nothing and writes
   * nothing. Owner only.
   */
  public ApiToken revoke(long tokenId) {
    requireOwner();
    ApiToken token = em.find(ApiToken.class, tokenId, LockModeType.PESSIMISTIC_WRITE);
    if (token == null) {
      throw RuleViolation.notFound("There is no API token " + tokenId + ".");
    }
    if (token.revoke(clock.instant(), actor.get().name())) {
      audit.record(AuditAction.REVOKE, RECORD_TYPE, tokenId, null);
    }
    return token;
  }

  /**
   * Checks a bearer token an API request carries. A refused token is recorded as a failed sign-in
   * for the address, naming the token when it is one of the clinic's (revoked, expired).
   */
  public Check check(String secret, Actor from) {
    // Refused tokens count against their address with wrong passwords: a flood of guesses is
    // stopped (429) before it writes an audit entry per guess.
    Optional<Instant> refusedUntil = throttle.addressRefusedUntil(from.ipAddress());
    if (refusedUntil.isPresent()) {
      return new Check(
          Optional.empty(),
          SignInOutcome.tooManyFromAddress(refusedUntil.get(), clock.instant()).message(),
          refusedUntil.get());
    }
    if (secret == null
        || secret.length() != TOKEN_LENGTH
        || !secret.startsWith(PREFIX)
        || !secret.chars().allMatch(ApiTokens::isBase64Url)) {
      return failed(
          from,
          null,
          "The bearer token is malformed: MyoChart tokens start with \""
              + PREFIX
              + "\" and are "
              + TOKEN_LENGTH
              + " characters long.");
    }
    Optional<ApiToken> found =
        em.createQuery("select t from ApiToken t where t.tokenSha256 = :h", ApiToken.class)
            .setParameter("h", Sha256.of(secret))
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return failed(from, null, "This bearer token is not one the clinic issued.");
    }
    ApiToken token = found.get();
    Instant now = clock.instant();
    Optional<String> refusal = token.refusalAt(now);
    if (refusal.isPresent()) {
      return failed(from, token, refusal.get());
    }
    // A plain update, not the versioned entity: concurrent calls with one token (or a revocation
    // meanwhile) must not fail each other with an optimistic-lock error.
    em.createQuery(
            "update ApiToken t set t.lastUsedAt = :now where t.id = :id"
                + " and (t.lastUsedAt is null or t.lastUsedAt < :minuteAgo)")
        .setParameter("now", now)
        .setParameter("id", token.getId())
        .setParameter("minuteAgo", now.minusSeconds(60))
        .executeUpdate();
    return new Check(Optional.of(token), null, null);
  }

  /** "Active", "Expired" or "Revoked", now. */
  public String status(ApiToken token) {
    return token.status(clock.instant());
  }

  public boolean isLive(ApiToken token) {
    return token.isLive(clock.instant());
  }

  private Check failed(Actor from, ApiToken token, String why) {
    throttle.countAddressFailure(from.ipAddress());
    audit.recordAs(
        new Actor(
            token == null ? "(token)" : token.getAccount().getUsername(),
            null,
            from.ipAddress(),
            from.userAgent()),
        AuditAction.LOGIN_FAILED,
        RECORD_TYPE,
        token == null ? null : token.getId(),
        why);
    return Check.refused(why);
  }

  private void requireOwner() {
    if (!actor.get().actsAs(Role.OWNER)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN, "Only the clinic's owner manages API tokens.");
    }
    // A token never manages tokens: a leaked owner token must not be able to issue itself
    // successors that outlive its revocation.
    if (actor.request().map(r -> r.getAttribute(VIA_TOKEN) != null).orElse(false)) {
      throw new RuleViolation(
          RuleViolation.Kind.FORBIDDEN,
          "API tokens are managed by the owner signed in with a password, not with a token.");
    }
  }

  /**
   * Revokes every live token of an account, in the caller's transaction: when the account is
   * deactivated or its role changes, so that reactivating it or changing the role back does not
   * bring old tokens back.
   */
  void revokeAllOf(long accountId, String by) {
    var now = clock.instant();
    List<ApiToken> live =
        em.createQuery(
                "select t from ApiToken t where t.account.id = :a and t.revokedAt is null",
                ApiToken.class)
            .setParameter("a", accountId)
            .getResultList();
    for (ApiToken token : live) {
      if (token.revoke(now, by)) {
        audit.record(AuditAction.REVOKE, RECORD_TYPE, token.getId(), null);
      }
    }
  }

  static String newSecret() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
