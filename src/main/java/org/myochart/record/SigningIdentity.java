package org.myochart.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The clinic's private key and certificate chain that seal its records. */
public record SigningIdentity(PrivateKey key, X509Certificate[] chain) {

  public X509Certificate certificate() {
    return chain[0];
  }

  /** The first key entry of a PKCS#12 keystore, or the named one. */
  public static SigningIdentity fromPkcs12(Path keystore, char[] password, String alias) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String chosen = alias;
      if (chosen == null || chosen.isBlank()) {
        chosen =
            Collections.list(store.aliases()).stream()
                .filter(a -> isKey(store, a))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "The keystore " + keystore + " holds no private key."));
      }
      if (!store.isKeyEntry(chosen)) {
        throw new IllegalStateException(
            "The keystore " + keystore + " has no private key named " + chosen + ".");
      }
      PrivateKey key = (PrivateKey) store.getKey(chosen, password);
      Certificate[] certificates = store.getCertificateChain(chosen);
      X509Certificate[] chain =
          Arrays.stream(certificates).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
      return new SigningIdentity(key, chain);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "The signing keystore " + keystore + " could not be opened: " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * A new RSA key with a self-signed certificate naming the clinic, valid for ten years. Readers
   * show such a seal as valid but from an unknown signer until a CA-issued certificate is used.
   */
  public static SigningIdentity selfSigned(String clinicName, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072, new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.CN, clinicName + " records seal")
              .addRDN(BCStyle.O, clinicName)
              .build();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      return new SigningIdentity(pair.getPrivate(), new X509Certificate[] {certificate});
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Could not create the clinic's signing key", e);
    }
  }

  /** Writes the identity as a PKCS#12 keystore. */
  public void writePkcs12(OutputStream out, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("seal", key, password, chain);
      store.store(out, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not store the signing key", e);
    }
  }
}
