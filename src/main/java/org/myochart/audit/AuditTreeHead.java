package org.myochart.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement of the audit trail's Merkle tree at one size (ADR-057): "the first {@code
 * treeSize} entries have this root", signed with the clinic's key. Once published it never changes;
 * a later head's tree must extend it, which a consistency proof shows.
 */
@Entity
@Table(name = "audit_tree_head")
public class AuditTreeHead {

  @Id
  @Column(name = "tree_size")
  private Long treeSize;

  @Column(name = "root_hash", nullable = false, length = 64)
  private String rootHash;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(nullable = false, length = 40)
  private String algorithm;

  @Column(nullable = false)
  private String signature;

  @Column(nullable = false)
  private String certificate;

  @Column(name = "timestamp_token")
  private String timestampToken;

  protected AuditTreeHead() {}

  AuditTreeHead(long treeSize, String rootHash, Instant publishedAt, TreeHeadSigner signer) {
    this.treeSize = treeSize;
    this.rootHash = rootHash;
    this.publishedAt = publishedAt;
    TreeHeadSigner.Signed signed = signer.sign(signedText());
    this.algorithm = signed.algorithm();
    this.signature = Base64.getEncoder().encodeToString(signed.signature());
    this.certificate = Base64.getEncoder().encodeToString(signed.certificate());
    this.timestampToken =
        signed.timestampToken() == null
            ? null
            : Base64.getEncoder().encodeToString(signed.timestampToken());
  }

  /**
   * A head read back from outside the database (a copy kept in the data directory, ADR-061): the
   * stored fields as they were written, trusted only as far as its signature and certificate go.
   */
  static AuditTreeHead restored(
      long treeSize,
      String rootHash,
      Instant publishedAt,
      String algorithm,
      String signature,
      String certificate,
      String timestampToken) {
    AuditTreeHead head = new AuditTreeHead();
    head.treeSize = treeSize;
    head.rootHash = rootHash;
    head.publishedAt = publishedAt;
    head.algorithm = algorithm;
    head.signature = signature;
    head.certificate = certificate;
    head.timestampToken = timestampToken;
    return head;
  }

  /** Whether this head is the clinic's: signed by a certificate of the clinic, and intact. */
  boolean signedByTheClinic(TreeHeadSigner clinic) {
    return certifiedByTheClinic(clinic) && signatureValid();
  }

  /**
   * The exact bytes the signature covers: four lines of UTF-8 text, each ending in a line feed, so
   * that {@code openssl dgst -verify} can check a head written to a file.
   */
  public byte[] signedText() {
    return ("MyoChart audit tree head v1\n"
            + "tree_size="
            + treeSize
            + "\nroot_hash="
            + rootHash
            + "\npublished_at="
            + publishedAt
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the stored certificate is one the clinic signs with. */
  boolean certifiedByTheClinic(TreeHeadSigner clinic) {
    try {
      return clinic.isClinicCertificate(signerCertificate().getEncoded());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the stored signature checks against the stored certificate's public key. */
  boolean signatureValid() {
    try {
      Signature check = Signature.getInstance(algorithm);
      check.initVerify(signerCertificate().getPublicKey());
      check.update(signedText());
      return check.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public X509Certificate signerCertificate() throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
  }

  public long getTreeSize() {
    return treeSize;
  }

  public String getRootHash() {
    return rootHash;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  /** Base64 of the signature bytes. */
  public String getSignature() {
    return signature;
  }

  /**
   * Base64 of the RFC 3161 token over the SHA-256 of the signature bytes, or empty when no
   * timestamp authority is configured or it did not answer.
   */
  public java.util.Optional<String> getTimestampToken() {
    return java.util.Optional.ofNullable(timestampToken);
  }

  /** Base64 of the signer's X.509 certificate (DER). */
  public String getCertificate() {
    return certificate;
  }
}
