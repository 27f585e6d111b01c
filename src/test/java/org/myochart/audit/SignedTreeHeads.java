package org.myochart.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Tree heads for tests outside the audit package, which cannot make one themselves: the head of the
 * tree of given entry hashes, signed with a key of the test's choosing as the clinic signs (SHA-256
 * with RSA, or ECDSA for an EC key).
 */
public final class SignedTreeHeads {

  private static final HexFormat HEX = HexFormat.of();

  private SignedTreeHeads() {}

  /**
   * @param entryHashes the hex entry hashes in leaf order
   */
  public static AuditTreeHead over(
      List<String> entryHashes, Instant publishedAt, PrivateKey key, X509Certificate certificate) {
    byte[] root =
        MerkleTree.root(
            entryHashes.stream().map(hash -> MerkleTree.leafHash(HEX.parseHex(hash))).toList());
    TreeHeadSigner signer =
        new TreeHeadSigner() {
          @Override
          public Signed sign(byte[] text) {
            try {
              Signature signature =
                  Signature.getInstance(
                      "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : "RSA"));
              signature.initSign(key);
              signature.update(text);
              return new Signed(
                  signature.getAlgorithm(), signature.sign(), certificate.getEncoded(), null);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          }

          /** The test's key stands for the clinic's: its certificate is the one trusted. */
          @Override
          public boolean isClinicCertificate(byte[] other) {
            try {
              return java.util.Arrays.equals(other, certificate.getEncoded());
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    return new AuditTreeHead(entryHashes.size(), HEX.formatHex(root), publishedAt, signer);
  }
}
