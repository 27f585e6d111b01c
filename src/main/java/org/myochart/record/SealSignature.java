package org.myochart.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPUtil;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.myochart.platform.Sha256;
import org.myochart.record.SealInspection.SignatureCheck;

/**
 * Checks one signature of an uploaded PDF from the file's bytes: that its byte range fits the file,
 * that the gap holds one CMS value and nothing else, that the value verifies against the bytes the
 * range covers, and (through {@link SealStructure}) that no part the signature cannot cover itself
 * was altered. A file that fails a check is answered with the reason, never with an exception; the
 * reason is also logged, since a refused upload is something an owner may ask about.
 */
final class SealSignature {

  private static final Logger LOG = Logger.getLogger(SealSignature.class.getName());

  /** The DER bytes of a signature value, and whether only zero padding follows them in the gap. */
  private record SignatureValue(byte[] der, boolean clean) {}

  private SealSignature() {}

  static SignatureCheck check(byte[] pdf, int[] range, PDSignature parsed) {
    String nameInFile = parsed == null ? null : parsed.getName();
    Instant dateInFile = parsed == null ? null : instant(parsed.getSignDate());
    if (!fits(range, pdf.length)) {
      return new SignatureCheck(
          false, false, false, nameInFile, dateInFile, "its byte range does not fit this file");
    }
    boolean coversWholeFile = (long) range[2] + range[3] == pdf.length;
    Optional<SignatureValue> value = signatureValue(pdf, range[1], range[2]);
    if (value.isEmpty()) {
      return new SignatureCheck(
          false, coversWholeFile, false, nameInFile, dateInFile, "the signature value is damaged");
    }
    return verify(signedBytes(pdf, range), value.get(), coversWholeFile, nameInFile, dateInFile);
  }

  /**
   * Checks a document timestamp (PAdES B-LTA): the authority's token must be over the bytes its
   * range covers, signed by the certificate it carries, which must be meant for time-stamping. Who
   * the authority is does not decide whether the record is the clinic's; the seal does.
   */
  static SignatureCheck checkDocumentTimestamp(byte[] pdf, int[] range) {
    if (!fits(range, pdf.length)) {
      return new SignatureCheck(
          false, false, false, null, null, "a document timestamp's byte range does not fit");
    }
    boolean coversWholeFile = (long) range[2] + range[3] == pdf.length;
    Optional<SignatureValue> value = signatureValue(pdf, range[1], range[2]);
    if (value.isEmpty()) {
      return new SignatureCheck(
          false, coversWholeFile, false, null, null, "a document timestamp is damaged");
    }
    try {
      TimeStampToken token = new TimeStampToken(new CMSSignedData(value.get().der()));
      @SuppressWarnings("unchecked")
      var matches = token.getCertificates().getMatches(token.getSID());
      Instant when = token.getTimeStampInfo().getGenTime().toInstant();
      if (matches.isEmpty()) {
        return new SignatureCheck(
            false,
            coversWholeFile,
            value.get().clean(),
            null,
            when,
            "a document timestamp does not carry its certificate");
      }
      X509CertificateHolder authority = (X509CertificateHolder) matches.iterator().next();
      String name = commonName(authority).orElse(null);
      TSPUtil.validateCertificate(authority);
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
      byte[] imprint =
          MessageDigest.getInstance(
                  new DefaultAlgorithmNameFinder()
                      .getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID()))
              .digest(signedBytes(pdf, range));
      boolean over = Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest());
      return new SignatureCheck(
          over,
          coversWholeFile,
          value.get().clean(),
          name,
          when,
          over ? null : "a document timestamp is not over the bytes it covers",
          fingerprint(authority));
    } catch (TSPValidationException e) {
      return new SignatureCheck(
          false,
          coversWholeFile,
          value.get().clean(),
          null,
          null,
          "a document timestamp does not check out: " + e.getMessage());
    } catch (IOException
        | CMSException
        | TSPException
        | OperatorCreationException
        | GeneralSecurityException
        | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's document timestamp cannot be read: {0}", e.toString());
      return new SignatureCheck(
          false,
          coversWholeFile,
          value.get().clean(),
          null,
          null,
          "a document timestamp cannot be read");
    }
  }

  /**
   * The certificate that made a stored record's seal (its signature that is not a document
   * timestamp), read from the file; empty when the file carries none that can be read.
   */
  static Optional<X509Certificate> sealCertificate(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        if (LongTermValidation.isDocumentTimestamp(signature)
            || signature.getByteRange().length != 4) {
          continue;
        }
        Optional<SignatureValue> value =
            signatureValue(pdf, signature.getByteRange()[1], signature.getByteRange()[2]);
        if (value.isEmpty()) {
          continue;
        }
        CMSSignedData cms = new CMSSignedData(value.get().der());
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        var matches = cms.getCertificates().getMatches(signer.getSID());
        if (!matches.isEmpty()) {
          return Optional.of(
              new JcaX509CertificateConverter()
                  .getCertificate((X509CertificateHolder) matches.iterator().next()));
        }
      }
      return Optional.empty();
    } catch (IOException | CMSException | CertificateException | RuntimeException e) {
      LOG.log(Level.INFO, "A stored record's seal certificate cannot be read: {0}", e.toString());
      return Optional.empty();
    }
  }

  private static boolean fits(int[] range, int length) {
    return range.length == 4
        && range[0] == 0
        && range[1] > 0
        && range[2] > range[1] + 1
        && range[3] >= 0
        && (long) range[2] + range[3] <= length;
  }

  private static byte[] signedBytes(byte[] pdf, int[] range) {
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, 0, signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    return signed;
  }

  private static SignatureCheck verify(
      byte[] signed,
      SignatureValue value,
      boolean coversWholeFile,
      String nameInFile,
      Instant dateInFile) {
    CMSSignedData cms;
    SignerInformation signer;
    X509CertificateHolder certificate;
    String name;
    Instant when;
    try {
      cms = new CMSSignedData(new CMSProcessableByteArray(signed), value.der());
      var signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return new SignatureCheck(
            false,
            coversWholeFile,
            value.clean(),
            nameInFile,
            dateInFile,
            "it does not hold exactly one signer");
      }
      signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      var matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return new SignatureCheck(
            false,
            coversWholeFile,
            value.clean(),
            nameInFile,
            dateInFile,
            "it does not carry its certificate");
      }
      certificate = (X509CertificateHolder) matches.iterator().next();
      SignerInformation only = signer;
      name = commonName(certificate).orElse(nameInFile);
      when = timestamp(signer).or(() -> signingTime(only)).orElse(dateInFile);
    } catch (CMSException | RuntimeException e) {
      LOG.log(
          Level.INFO,
          "An uploaded PDF's signature value is not a CMS signature: {0}",
          e.toString());
      return new SignatureCheck(
          false,
          coversWholeFile,
          value.clean(),
          nameInFile,
          dateInFile,
          "the signature cannot be read");
    }
    String fingerprint = fingerprint(certificate);
    String mismatch = mismatch(signer, certificate);
    if (mismatch != null) {
      return new SignatureCheck(
          false, coversWholeFile, value.clean(), name, when, mismatch, fingerprint);
    }
    String unsignedPartProblem = SealStructure.problem(cms, signer, certificate, value.der());
    if (unsignedPartProblem != null) {
      // The signed bytes check out, but a part of the signature value that the signature
      // cannot cover itself was altered: the file is not as sealed.
      return new SignatureCheck(
          true, coversWholeFile, false, name, when, unsignedPartProblem, fingerprint);
    }
    return new SignatureCheck(true, coversWholeFile, value.clean(), name, when, null, fingerprint);
  }

  /** Why the signature does not verify against the signed bytes, or null when it does. */
  private static String mismatch(SignerInformation signer, X509CertificateHolder certificate) {
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))
          ? null
          : "the signature does not match the signed bytes";
    } catch (CMSSignerDigestMismatchException changed) {
      return "the signed bytes were changed after sealing";
    } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's signature could not be checked: {0}", e.toString());
      return "the signature cannot be read";
    }
  }

  /**
   * The hex string that fills the gap of the byte range, decoded, with the length of the one DER
   * object at its start; empty if the gap holds no hex string or no DER object.
   */
  private static Optional<SignatureValue> signatureValue(byte[] pdf, int start, int end) {
    if (pdf[start] != '<'
        || pdf[end - 1] != '>'
        || (end - start - 2) <= 0
        || (end - start - 2) % 2 != 0) {
      return Optional.empty();
    }
    byte[] value;
    try {
      value =
          HexFormat.of()
              .parseHex(
                  new String(
                      pdf, start + 1, end - start - 2, java.nio.charset.StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException notHex) {
      return Optional.empty();
    }
    try {
      ByteArrayInputStream bytes = new ByteArrayInputStream(value);
      ASN1Primitive object;
      try (ASN1InputStream in = new ASN1InputStream(bytes, value.length)) {
        object = in.readObject();
      }
      int used = value.length - bytes.available();
      return Optional.of(
          new SignatureValue(Arrays.copyOf(value, used), object != null && allZero(value, used)));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's signature value is not DER: {0}", e.toString());
      return Optional.empty();
    }
  }

  private static boolean allZero(byte[] value, int from) {
    for (int i = from; i < value.length; i++) {
      if (value[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String fingerprint(X509CertificateHolder certificate) {
    try {
      return Sha256.of(certificate.getEncoded());
    } catch (IOException e) {
      return null;
    }
  }

  private static Optional<String> commonName(X509CertificateHolder certificate) {
    RDN[] names = certificate.getSubject().getRDNs(BCStyle.CN);
    return names.length == 0
        ? Optional.empty()
        : Optional.of(IETFUtils.valueToString(names[0].getFirst().getValue()));
  }

  /** The time of an RFC 3161 timestamp on the signature, the strongest time a seal can have. */
  private static Optional<Instant> timestamp(SignerInformation signer) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    var attribute =
        unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return Optional.empty();
    }
    try {
      byte[] token = attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
      return Optional.of(
          new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant());
    } catch (IOException | CMSException | TSPException | RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's timestamp cannot be read: {0}", e.toString());
      return Optional.empty();
    }
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    AttributeTable signedAttributes = signer.getSignedAttributes();
    var attribute =
        signedAttributes == null ? null : signedAttributes.get(CMSAttributes.signingTime);
    if (attribute == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "An uploaded PDF's signing time cannot be read: {0}", e.toString());
      return Optional.empty();
    }
  }

  private static Instant instant(Calendar calendar) {
    return calendar == null ? null : calendar.toInstant();
  }
}
