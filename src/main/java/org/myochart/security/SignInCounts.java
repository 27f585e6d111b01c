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
 * address before the username so that two attempts never wait for each other in a circle. Two first
 * failures at once may both insert a row: one fails and {@link SignInThrottle} tries again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class SignInCounts {

  @PersistenceContext EntityManager em;

  SignInThrottle.Verdict reserve(String usernameKey, String address, Instant now) {
    FailedSignInsFromAddress fromAddress =
        address == null
            ? null
            : locked(
                FailedSignInsFromAddress.class,
                address,
                () -> new FailedSignInsFromAddress(address));
    if (fromAddress != null && fromAddress.isBlocked(now)) {
      return SignInThrottle.Verdict.addressRefused(fromAddress.getBlockedUntil());
    }
    // A stranger's failures lock the username for their own address; only failures from many
    // addresses together lock it for everyone. Without a counted address both are one row.
    String hereKey = address == null ? usernameKey : atAddress(usernameKey, address);
    FailedSignIns here = locked(FailedSignIns.class, hereKey, () -> new FailedSignIns(hereKey));
    FailedSignIns everywhere =
        address == null
            ? here
            : locked(FailedSignIns.class, usernameKey, () -> new FailedSignIns(usernameKey));
    if (fromAddress != null) {
      fromAddress.count(now);
    }
    Instant lockedUntil = later(lockEnd(here, now), lockEnd(everywhere, now));
    if (lockedUntil != null) {
      return SignInThrottle.Verdict.usernameLocked(lockedUntil);
    }
    here.count(now);
    if (everywhere != here) {
      everywhere.count(now, FailedSignIns.ALLOWED_FAILURES_FROM_ALL_ADDRESSES);
    }
    return SignInThrottle.Verdict.reserved(later(lockEnd(here, now), lockEnd(everywhere, now)));
  }

  /** Until when the address is refused, or null when it is not. */
  Instant addressRefusedUntil(String address, Instant now) {
    FailedSignInsFromAddress fromAddress = em.find(FailedSignInsFromAddress.class, address);
    return fromAddress != null && fromAddress.isBlocked(now) ? fromAddress.getBlockedUntil() : null;
  }

  /** One more failure from the address that names no username (a refused bearer token). */
  void countAddressFailure(String address, Instant now) {
    locked(FailedSignInsFromAddress.class, address, () -> new FailedSignInsFromAddress(address))
        .count(now);
  }

  void release(String usernameKey, String address) {
    if (address != null) {
      FailedSignInsFromAddress fromAddress =
          em.find(FailedSignInsFromAddress.class, address, LockModeType.PESSIMISTIC_WRITE);
      if (fromAddress != null) {
        fromAddress.uncount();
      }
      removeLocked(atAddress(usernameKey, address));
      removeLocked(usernameKey);
    } else {
      // A right password from no counted address, or the owner's reset: every count for the name
      // goes.
      em.createQuery(
              "select f from FailedSignIns f where f.usernameKey = :name"
                  + " or f.usernameKey like :atAny escape '!'",
              FailedSignIns.class)
          .setParameter("name", usernameKey)
          .setParameter(
              "atAny", usernameKey.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "@%")
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList()
          .forEach(em::remove);
    }
  }

  /** The key of one username's failures from one address; both parts clipped to fit the column. */
  static String atAddress(String usernameKey, String address) {
    String name = usernameKey.length() > 63 ? usernameKey.substring(0, 63) : usernameKey;
    return name + "@" + address;
  }

  private void removeLocked(String key) {
    FailedSignIns row = em.find(FailedSignIns.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (row != null) {
      em.remove(row);
    }
  }

  private static Instant lockEnd(FailedSignIns row, Instant now) {
    return row.isLocked(now) ? row.getLockedUntil() : null;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
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
