package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.DatabaseLocation;
import org.myochart.platform.Setting;

/**
 * The key that seals the clinic's records: a PKCS#12 keystore named by {@code
 * MYOCHART_SIGNING_KEYSTORE} with its password in {@code MYOCHART_SIGNING_KEYSTORE_PASSWORD};
 * without one, a self-signed key made at first use and kept in the data directory ({@code
 * keys/clinic-seal.p12}, its generated password beside it, both readable by the owner only).
 *
 * <p>A key is made only for a clinic that has sealed nothing yet. Records already in the database
 * mean the key exists elsewhere (another instance of a cluster, or a data directory that was not
 * restored): a second self-signed key would silently split the clinic's seals between two keys, so
 * sealing is refused with a message saying how to share the key.
 */
@ApplicationScoped
public class ClinicSigningKey {

  private static final Logger LOG = Logger.getLogger(ClinicSigningKey.class.getName());

  @Inject
  @ConfigProperty(name = "myochart.signing.keystore")
  Optional<String> keystore;

  @Inject
  @ConfigProperty(name = "myochart.signing.keystore-password")
  Optional<String> keystorePassword;

  @Inject
  @ConfigProperty(name = "myochart.signing.alias")
  Optional<String> alias;

  @Inject ClinicSettings settings;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  private volatile SigningIdentity identity;

  public SigningIdentity identity() {
    SigningIdentity loaded = identity;
    if (loaded == null) {
      synchronized (this) {
        if (identity == null) {
          identity = load();
        }
        loaded = identity;
      }
    }
    return loaded;
  }

  private SigningIdentity load() {
    if (keystore.filter(k -> !k.isBlank()).isPresent()) {
      char[] password =
          keystorePassword
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MYOCHART_SIGNING_KEYSTORE is set but MYOCHART_SIGNING_KEYSTORE_PASSWORD is not."))
              .toCharArray();
      return SigningIdentity.fromPkcs12(Path.of(keystore.get()), password, alias.orElse(null));
    }
    Path folder = keyFolder();
    Path store = folder.resolve("clinic-seal.p12");
    Path secret = folder.resolve("clinic-seal.password");
    try {
      if (Files.exists(store) && Files.exists(secret)) {
        return SigningIdentity.fromPkcs12(
            store, Files.readString(secret, StandardCharsets.UTF_8).strip().toCharArray(), null);
      }
      if (databaseHoldsSealedRecords()) {
        throw new IllegalStateException(
            "This server has no record seal in "
                + folder
                + ", but the database already"
                + " holds records sealed with the clinic's key, made by another instance or an earlier installation."
                + " MyoChart does not make a second key: give every instance the same one, either the same"
                + " MYOCHART_SIGNING_KEYSTORE and MYOCHART_SIGNING_KEYSTORE_PASSWORD, or a copy of the keys folder"
                + " of the instance that has it (docs/operations.md, \"Scale-out\").");
      }
      Files.createDirectories(folder);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      SigningIdentity created = SigningIdentity.selfSigned(settings.clinicName(), clock.instant());
      writePrivately(secret, password.getBytes(StandardCharsets.UTF_8));
      try (OutputStream out = Files.newOutputStream(store)) {
        created.writePkcs12(out, password.toCharArray());
      }
      restrict(store);
      LOG.warning(
          "No MYOCHART_SIGNING_KEYSTORE is configured: created a self-signed record seal in "
              + store
              + ". PDF readers will show the signer as unknown until a CA-issued certificate is configured (docs/operations.md).");
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read or create the clinic's record seal in " + folder, e);
    }
  }

  Path keyFolder() {
    return DatabaseLocation.dataDirectory(
            Setting.DATA_DIR.value().orElse(DatabaseLocation.DEFAULT_DATA_DIR))
        .resolve("keys");
  }

  boolean databaseHoldsSealedRecords() {
    return !em.createQuery("select r.id from SealedRecord r", Long.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static void writePrivately(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.warning(
          () ->
              "The file system of "
                  + file
                  + " has no POSIX permissions; protect the data directory instead.");
    } catch (IOException e) {
      LOG.warning(
          () ->
              "Could not make "
                  + file
                  + " readable by the server's user only ("
                  + e.getMessage()
                  + "); restrict its permissions by hand.");
    }
  }
}
