package org.myochart.audit;

/**
 * Signs a tree head's text with the clinic's own key. The audit package defines what is signed; the
 * record package, which holds the clinic's record-seal key, signs it (so that audit does not depend
 * on record).
 */
public interface TreeHeadSigner {

  /** The signature over {@code text} and the certificate whose public key checks it. */
  Signed sign(byte[] text);

  /**
   * Whether a head's certificate (DER) is one the clinic signs with: its current key's, or one of
   * the clinic's earlier seal certificates. A head signed by any other key is not the clinic's.
   */
  boolean isClinicCertificate(byte[] certificate);

  /**
   * A detached signature: the JCA algorithm name (e.g. SHA256withRSA), the signature bytes, the
   * signer's X.509 certificate (DER) and, when the clinic has a timestamp authority that answered,
   * an RFC 3161 token (DER) over the SHA-256 of the signature bytes; otherwise null.
   */
  record Signed(String algorithm, byte[] signature, byte[] certificate, byte[] timestampToken) {}
}
