package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The throttle's rows, each read under a row lock in a short transaction of its own, always the
 * address before the username so that two attempts never wait for each other in a circle. Two
 * first failures at once may both insert a row: one fails and {@link SignInThrottle} tries again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class SignInCounts {

  @PersistenceContext EntityManager em;

  SignInThrottle.Verdict reserve(String usernameKey, String address, Instant now) {
    FailedSignInsFromAddress fromAddress = address == null ? null
        : locked(FailedSignInsFromAddress.class, address, () -> new FailedSignInsFromAddress(address));
    if (fromAddress != null && fromAddress.isBlocked(now)) {
      return SignInThrottle.Verdict.addressRefused(fromAddress.getBlockedUntil());
    }
    FailedSignIns forUsername = locked(FailedSignIns.class, usernameKey, () -> new FailedSignIns(usernameKey));
    if (fromAddress != null) {
      fromAddress.count(now);
    }
    if (forUsername.isLocked(now)) {
      return SignInThrottle.Verdict.usernameLocked(forUsername.getLockedUntil());
    }
    forUsername.count(now);
    return SignInThrottle.Verdict.reserved(forUsername.isLocked(now) ? forUsername.getLockedUntil() : null);
  }

  void release(String usernameKey, String address) {
    if (address != null) {
      FailedSignInsFromAddress fromAddress =
          em.find(FailedSignInsFromAddress.class, address, LockModeType.PESSIMISTIC_WRITE);
      if (fromAddress != null) {
        fromAddress.uncount();
      }
    }
    FailedSignIns forUsername = em.find(FailedSignIns.class, usernameKey, LockModeType.PESSIMISTIC_WRITE);
    if (forUsername != null) {
      em.remove(forUsername);
    }
  }

  private <T> T locked(Class<T> type, String key, Supplier<T> created) {
    T row = em.find(type, key, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      row = created.get();
      em.persist(row);
      em.flush();
    }
    return row;
  }
}
