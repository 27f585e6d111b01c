package org.myochart.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks staff passwords with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000
 * iterations, 32-byte salt, following OWASP's password storage guidance). The stored form carries
 * its own parameters, so raising the cost later does not break existing hashes.
 */
@ApplicationScoped
public class Passwords {

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** Checked against when the username is unknown, so both answers take the same time. */
  private String decoyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoyHash = pbkdf2.generate("decoy password for unknown users".toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return pbkdf2.verify(password.toCharArray(), storedHash);
  }

  /** Spends the same work as a real check and always fails. */
  public boolean matchesNothing(String password) {
    pbkdf2.verify(password.toCharArray(), decoyHash);
    return false;
  }
}
