package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value FailedSignIns#ALLOWED_FAILURES} failures in a row a
 * username is locked for fifteen minutes. Kept in the database so every clustered instance sees
 * the same count.
 */
@ApplicationScoped
public class SignInThrottle {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** When the username may try again, if it is locked now. */
  @Transactional
  public Optional<Instant> lockedUntil(String username) {
    FailedSignIns failures = em.find(FailedSignIns.class, key(username));
    Instant now = clock.instant();
    return failures != null && failures.isLocked(now) ? Optional.of(failures.getLockedUntil()) : Optional.empty();
  }

  /** Counts a failure and answers whether the username is locked now. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean countFailure(String username) {
    String key = key(username);
    FailedSignIns failures = em.find(FailedSignIns.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (failures == null) {
      failures = new FailedSignIns(key);
      em.persist(failures);
    }
    Instant now = clock.instant();
    failures.count(now);
    return failures.isLocked(now);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forget(String username) {
    FailedSignIns failures = em.find(FailedSignIns.class, key(username));
    if (failures != null) {
      em.remove(failures);
    }
  }

  static String key(String username) {
    String normalized = Username.normalize(username);
    return normalized.length() > 128 ? normalized.substring(0, 128) : normalized;
  }
}
