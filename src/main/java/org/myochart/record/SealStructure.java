package org.myochart.record;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The parts of a CMS signature value that its own signature does not cover: the outer content type,
 * the version numbers, the digest algorithm list, the encapsulated content description, the
 * certificate (bound by the signing-certificate-v2 attribute and its own signature) and a timestamp
 * token. A seal whose signed bytes verify is still not "as sealed" when one of these was altered.
 */
final class SealStructure {

  private static final Logger LOG = Logger.getLogger(SealStructure.class.getName());

  private SealStructure() {}

  /** What is wrong with the unsigned parts, or null when nothing is. */
  static String problem(
      CMSSignedData cms, SignerInformation signer, X509CertificateHolder certificate, byte[] der) {
    try {
      ContentInfo info = cms.toASN1Structure();
      if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
        return "the signature value's content type was changed";
      }
      SignedData signedData = SignedData.getInstance(info.getContent());
      String problem = encodingProblem(signedData, der);
      if (problem == null) {
        problem = versionProblem(signedData, signer);
      }
      if (problem == null) {
        problem = contentProblem(signedData);
      }
      if (problem == null) {
        problem = digestListProblem(signedData, signer);
      }
      if (problem == null) {
        problem = certificateProblem(cms, signer, certificate);
      }
      if (problem == null) {
        problem = timestampProblem(signer);
      }
      return problem;
    } catch (IOException
        | GeneralSecurityException
        | CMSException
        | TSPException
        | OperatorCreationException
        | CertException
        | RuntimeException e) {
      LOG.log(
          Level.INFO,
          "An uploaded PDF's signature value has unreadable unsigned parts: {0}",
          e.toString());
      return "the signature value's unsigned parts cannot be read";
    }
  }

  /**
   * Rebuilt from typed parts, so that every tag and length is written the one correct way; a parser
   * that tolerated a changed tag on reading is caught here.
   */
  private static String encodingProblem(SignedData signedData, byte[] der) throws IOException {
    ASN1EncodableVector signerInfos = new ASN1EncodableVector();
    for (ASN1Encodable element : signedData.getSignerInfos()) {
      signerInfos.add(SignerInfo.getInstance(element));
    }
    SignedData rebuilt =
        new SignedData(
            signedData.getDigestAlgorithms(),
            signedData.getEncapContentInfo(),
            signedData.getCertificates(),
            signedData.getCRLs(),
            new DERSet(signerInfos));
    byte[] canonical =
        new ContentInfo(CMSObjectIdentifiers.signedData, rebuilt).getEncoded(ASN1Encoding.DER);
    return Arrays.equals(canonical, der) ? null : "the signature value's structure was changed";
  }

  private static String versionProblem(SignedData signedData, SignerInformation signer) {
    int expected = signer.getSID().getSubjectKeyIdentifier() == null ? 1 : 3;
    return signedData.getVersion().intValueExact() == expected && signer.getVersion() == expected
        ? null
        : "the signature value's version was changed";
  }

  private static String contentProblem(SignedData signedData) {
    return CMSObjectIdentifiers.data.equals(signedData.getEncapContentInfo().getContentType())
            && signedData.getEncapContentInfo().getContent() == null
        ? null
        : "the signature value's content description was changed";
  }

  private static String digestListProblem(SignedData signedData, SignerInformation signer) {
    var digests = signedData.getDigestAlgorithms();
    ASN1ObjectIdentifier used = signer.getDigestAlgorithmID().getAlgorithm();
    boolean listed = false;
    for (int i = 0; i < digests.size(); i++) {
      listed |= AlgorithmIdentifier.getInstance(digests.getObjectAt(i)).getAlgorithm().equals(used);
    }
    return digests.size() == 1 && listed
        ? null
        : "the signature value's digest algorithm list was changed";
  }

  /** The certificate must be the one the signed attributes name, and must check out itself. */
  private static String certificateProblem(
      CMSSignedData cms, SignerInformation signer, X509CertificateHolder certificate)
      throws IOException, GeneralSecurityException, OperatorCreationException, CertException {
    AttributeTable signedAttributes = signer.getSignedAttributes();
    var v2 =
        signedAttributes == null
            ? null
            : signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (v2 != null) {
      ESSCertIDv2 named =
          SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
      if (!Arrays.equals(
          digest(named.getHashAlgorithm().getAlgorithm(), certificate.getEncoded()),
          named.getCertHash())) {
        return "the certificate is not the one the signature names";
      }
    }
    X509CertificateHolder issuer = issuerOf(cms, certificate);
    if (issuer != null
        && !certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
      return "the certificate was altered";
    }
    return null;
  }

  /**
   * The certificate itself when self-issued, else the carried certificate whose subject issued it,
   * or null.
   */
  private static X509CertificateHolder issuerOf(
      CMSSignedData cms, X509CertificateHolder certificate) {
    if (certificate.getIssuer().equals(certificate.getSubject())) {
      return certificate;
    }
    X509CertificateHolder issuer = null;
    for (Object candidate : cms.getCertificates().getMatches(null)) {
      X509CertificateHolder holder = (X509CertificateHolder) candidate;
      if (holder.getSubject().equals(certificate.getIssuer())) {
        issuer = holder;
      }
    }
    return issuer;
  }

  /**
   * A signature timestamp is the only unsigned attribute allowed, and must be over this signature.
   */
  private static String timestampProblem(SignerInformation signer)
      throws IOException,
          GeneralSecurityException,
          CMSException,
          TSPException,
          OperatorCreationException {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    if (unsigned == null || unsigned.size() == 0) {
      return null;
    }
    var token = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (token == null || unsigned.size() != 1) {
      return "unsigned data was added to the signature";
    }
    TimeStampToken stamp =
        new TimeStampToken(
            new CMSSignedData(token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
    @SuppressWarnings("unchecked")
    var authority = stamp.getCertificates().getMatches(stamp.getSID());
    if (authority.isEmpty()) {
      return "the timestamp does not carry its certificate";
    }
    stamp.validate(
        new JcaSimpleSignerInfoVerifierBuilder()
            .build((X509CertificateHolder) authority.iterator().next()));
    byte[] imprint =
        digest(stamp.getTimeStampInfo().getMessageImprintAlgOID(), signer.getSignature());
    return Arrays.equals(imprint, stamp.getTimeStampInfo().getMessageImprintDigest())
        ? null
        : "the timestamp is not over this signature";
  }

  private static byte[] digest(ASN1ObjectIdentifier algorithm, byte[] data)
      throws GeneralSecurityException {
    return MessageDigest.getInstance(new DefaultAlgorithmNameFinder().getAlgorithmName(algorithm))
        .digest(data);
  }
}
