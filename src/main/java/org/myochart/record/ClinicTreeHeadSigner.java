package org.myochart.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.myochart.audit.TreeHeadSigner;

/**
 * Signs the audit trail's tree heads with the key that seals the clinic's records, so that an
 * auditor checks both against the one certificate the clinic publishes.
 */
@ApplicationScoped
public class ClinicTreeHeadSigner implements TreeHeadSigner {

  @Inject ClinicSigningKey signingKey;
  @Inject SealCertificates certificates;
  @Inject ClinicTimestampAuthority timestamps;

  private static final Logger LOG = Logger.getLogger(ClinicTreeHeadSigner.class.getName());

  @Override
  public Signed sign(byte[] text) {
    SigningIdentity identity = signingKey.identity();
    String algorithm =
        "SHA256with" + ("EC".equals(identity.key().getAlgorithm()) ? "ECDSA" : "RSA");
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(identity.key());
      signature.update(text);
      byte[] value = signature.sign();
      return new Signed(algorithm, value, identity.certificate().getEncoded(), anchor(value));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The clinic's key could not sign the audit tree head", e);
    }
  }

  /**
   * An RFC 3161 token over the signature, or null without an authority or when it fails: a head is
   * still worth publishing unanchored (the next one is anchored again), the failure is logged.
   */
  private byte[] anchor(byte[] signatureValue) {
    Optional<TimestampAuthority> authority = timestamps.authority();
    if (authority.isEmpty()) {
      return null;
    }
    try {
      return authority.get().stamp(signatureValue).getEncoded();
    } catch (TimestampUnavailable | IOException e) {
      LOG.warning(() -> "An audit tree head was published without a timestamp: " + e.getMessage());
      return null;
    }
  }

  /**
   * The current key's certificate, or nothing when the key cannot be loaded now (the check of the
   * trail then trusts the certificate history alone instead of failing).
   */
  private byte[] currentCertificate() throws GeneralSecurityException {
    try {
      return signingKey.identity().certificate().getEncoded();
    } catch (RuntimeException e) {
      LOG.warning(() -> "The clinic's key could not be loaded to check a tree head: " + e);
      return new byte[0];
    }
  }

  @Override
  public boolean isClinicCertificate(byte[] certificate) {
    try {
      if (Arrays.equals(certificate, currentCertificate())) {
        return true;
      }
      X509Certificate parsed =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificate));
      return certificates.byFingerprint(SealCertificate.fingerprintOf(parsed)).isPresent();
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
