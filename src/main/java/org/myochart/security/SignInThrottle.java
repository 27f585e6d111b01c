package org.myochart.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Slows down password guessing, per username and per source address, in the database so that every
 * clustered instance sees the same counts. Each password check is reserved before it is made
 * ({@link #reserve}) and released when it proves right ({@link #succeeded}): with {@value
 * FailedSignIns#ALLOWED_FAILURES} allowed failures, exactly that many checks run however many
 * guesses arrive at once.
 *
 * <p>Loopback addresses are never refused per address: without {@code MYOCHART_TRUSTED_PROXIES}, a
 * proxy on the same host makes every person one address, and one stranger would keep the whole
 * clinic out. The per-username lock still applies to them.
 */
@ApplicationScoped
public class SignInThrottle {

  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
  private static final int TRIES = 8;

  @Inject SignInCounts counts;
  @Inject Clock clock;

  /** What the throttle says to one attempt. */
  public record Verdict(Kind kind, Instant until) {

    public enum Kind {
      /** Check the password; {@code until} is set when this check, if wrong, locks the username. */
      RESERVED,
      USERNAME_LOCKED,
      ADDRESS_REFUSED
    }

    static Verdict reserved(Instant lockedIfWrong) {
      return new Verdict(Kind.RESERVED, lockedIfWrong);
    }

    static Verdict usernameLocked(Instant until) {
      return new Verdict(Kind.USERNAME_LOCKED, until);
    }

    static Verdict addressRefused(Instant until) {
      return new Verdict(Kind.ADDRESS_REFUSED, until);
    }
  }

  /**
   * Counts the coming password check as a failure unless {@link #succeeded} follows; {@code
   * address} may be null.
   */
  public Verdict reserve(String username, String address) {
    String usernameKey = key(username);
    String addressKey = counted(address);
    for (int attempt = 1; ; attempt++) {
      try {
        return counts.reserve(usernameKey, addressKey, clock.instant());
      } catch (PersistenceException | TransactionalException raced) {
        // Another attempt inserted the same row first, or held its lock too long: read it again.
        if (attempt == TRIES) {
          throw raced;
        }
        LOG.fine(() -> "Sign-in throttle row busy, trying again: " + raced);
        pause(attempt);
      }
    }
  }

  /**
   * Until when the address is refused for its failures (passwords and bearer tokens together), or
   * empty; loopback and unknown addresses are never counted.
   */
  public java.util.Optional<Instant> addressRefusedUntil(String address) {
    String addressKey = counted(address);
    return addressKey == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(counts.addressRefusedUntil(addressKey, clock.instant()));
  }

  /** A refused bearer token counts against its address like a wrong password. */
  public void countAddressFailure(String address) {
    String addressKey = counted(address);
    if (addressKey == null) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        counts.countAddressFailure(addressKey, clock.instant());
        return;
      } catch (PersistenceException | TransactionalException raced) {
        if (attempt == TRIES) {
          throw raced;
        }
        pause(attempt);
      }
    }
  }

  /** Lifts a username's lock at once, as a password reset by the owner does. */
  public void forget(String username) {
    succeeded(username, null);
  }

  /**
   * The reserved check proved right: the username's failures are forgotten and the address's count
   * undone.
   */
  public void succeeded(String username, String address) {
    String usernameKey = key(username);
    String addressKey = counted(address);
    for (int attempt = 1; ; attempt++) {
      try {
        counts.release(usernameKey, addressKey);
        return;
      } catch (PersistenceException | TransactionalException raced) {
        if (attempt == TRIES) {
          throw raced;
        }
        pause(attempt);
      }
    }
  }

  static String key(String username) {
    // "@" separates a username from an address in the per-address keys; a typed name never has one.
    String normalized = Username.normalize(username).replace('@', '_');
    return normalized.length() > 128 ? normalized.substring(0, 128) : normalized;
  }

  /** The address as counted, or null for none and for loopback addresses. */
  static String counted(String address) {
    if (address == null || address.isBlank() || isLoopback(address)) {
      return null;
    }
    return address.length() > 64 ? address.substring(0, 64) : address;
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.")
        || address.equals("::1")
        || address.equals("0:0:0:0:0:0:0:1")
        || address.equals("localhost");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(5L * attempt + (long) (Math.random() * 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while counting a sign-in", e);
    }
  }
}
