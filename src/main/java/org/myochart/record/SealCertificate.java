package org.myochart.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.myochart.platform.Sha256;

/**
 * One certificate the clinic has sealed records with, pinned by the SHA-256 of its DER encoding. A
 * seal counts as the clinic's only when its certificate is one of these and it was made while the
 * certificate was valid and before the clinic retired it; a name copied into another certificate
 * counts for nothing.
 */
@Entity
@Table(name = "seal_certificate")
public class SealCertificate implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seal_certificate_seq")
  @SequenceGenerator(
      name = "seal_certificate_seq",
      sequenceName = "seal_certificate_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(name = "not_before", nullable = false, updatable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false, updatable = false)
  private Instant notAfter;

  @Column(name = "in_use_from", nullable = false, updatable = false)
  private Instant inUseFrom;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "certificate_der", nullable = false, updatable = false)
  private byte[] der;

  protected SealCertificate() {}

  /** A certificate put into use at the given time; {@link SealCertificates} stores it. */
  public SealCertificate(X509Certificate certificate, Instant inUseFrom) {
    this.der = encoded(certificate);
    this.sha256 = Sha256.of(der);
    this.subject = certificate.getSubjectX500Principal().getName();
    this.notBefore = certificate.getNotBefore().toInstant();
    this.notAfter = certificate.getNotAfter().toInstant();
    this.inUseFrom = inUseFrom;
  }

  /**
   * A certificate put into use now, taking over from the ones in use until now, which are retired
   * at this moment.
   */
  static SealCertificate takingOverFrom(
      java.util.List<SealCertificate> inUse, X509Certificate certificate, Instant now) {
    inUse.forEach(previous -> previous.retire(now));
    return new SealCertificate(certificate, now);
  }

  static String fingerprintOf(X509Certificate certificate) {
    return Sha256.of(encoded(certificate));
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("The sealing certificate cannot be encoded", e);
    }
  }

  /** Takes the certificate out of use; seals it makes from now on are not the clinic's. */
  void retire(Instant at) {
    if (retiredAt == null) {
      retiredAt = at;
    }
  }

  /**
   * Whether a seal made at the given time with this certificate is the clinic's: within the
   * certificate's validity and before the clinic retired it. A seal without a time is not.
   */
  public boolean coversSealMadeAt(Instant sealedAt) {
    return sealedAt != null
        && !sealedAt.isBefore(notBefore)
        && !sealedAt.isAfter(notAfter)
        && (retiredAt == null || sealedAt.isBefore(retiredAt));
  }

  public boolean isCurrent() {
    return retiredAt == null;
  }

  public X509Certificate certificate() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException("Stored sealing certificate " + sha256 + " is damaged", e);
    }
  }

  /** The certificate in PEM, as openssl reads it, with its fingerprint and subject above it. */
  public String pem() {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "# "
        + subject
        + "\n# SHA-256 "
        + sha256
        + "\n-----BEGIN CERTIFICATE-----\n"
        + base64
        + "\n-----END CERTIFICATE-----\n";
  }

  public Long getId() {
    return id;
  }

  public String getSha256() {
    return sha256;
  }

  public String getSubject() {
    return subject;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public Instant getInUseFrom() {
    return inUseFrom;
  }

  public Instant getRetiredAt() {
    return retiredAt;
  }
}
