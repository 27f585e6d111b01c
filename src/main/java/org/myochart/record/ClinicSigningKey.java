package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * The key that seals the clinic's records: a PKCS#12 keystore named by
 * {@code MYOCHART_SIGNING_KEYSTORE} with its password in {@code MYOCHART_SIGNING_KEYSTORE_PASSWORD};
 * without one, a self-signed key made at first use and kept in the data directory
 * ({@code keys/clinic-seal.p12}, its generated password beside it, both readable by the owner only).
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
      char[] password = keystorePassword.orElseThrow(() -> new IllegalStateException(
          "MYOCHART_SIGNING_KEYSTORE is set but MYOCHART_SIGNING_KEYSTORE_PASSWORD is not.")).toCharArray();
      return SigningIdentity.fromPkcs12(Path.of(keystore.get()), password, alias.orElse(null));
    }
    Path folder = DatabaseLocation.dataDirectory(Setting.DATA_DIR.value().orElse(DatabaseLocation.DEFAULT_DATA_DIR)).resolve("keys");
    Path store = folder.resolve("clinic-seal.p12");
    Path secret = folder.resolve("clinic-seal.password");
    try {
      if (Files.exists(store) && Files.exists(secret)) {
        return SigningIdentity.fromPkcs12(store, Files.readString(secret, StandardCharsets.UTF_8).strip().toCharArray(), null);
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
      LOG.warning("No MYOCHART_SIGNING_KEYSTORE is configured: created a self-signed record seal in " + store
          + ". PDF readers will show the signer as unknown until a CA-issued certificate is configured (docs/operations.md).");
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the clinic's record seal in " + folder, e);
    }
  }

  private static void writePrivately(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system; the data directory's own permissions apply.
    }
  }
}
