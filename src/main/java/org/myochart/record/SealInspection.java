package org.myochart.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
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
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.myochart.audit.RecordKind;

/**
 * Reads what the bytes of an uploaded PDF say about their seal. The signatures are found in the
 * raw bytes as well as through PDFBox, so that a file damaged beyond parsing is still checked
 * (and found broken) instead of refused. Nothing in the file is trusted but the mathematics: the
 * certificate that checks the signature is the one the signature carries.
 */
final class SealInspection {

  static final String CHART = "ClientChart";

  private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern SOURCE = Pattern.compile("(consent|note|addendum|chart)-(\\d{1,18})\\.json");

  /** One signature and what checking it found. */
  record SignatureCheck(boolean valid, boolean coversWholeFile, boolean cleanContents, String signer, Instant signedAt,
      String problem) {}

  /** Every signature of the file, and the record it names (type and id, or nulls). */
  record Findings(List<SignatureCheck> signatures, String recordType, Long recordId, boolean readable) {

    boolean allValid() {
      return signatures.stream().allMatch(SignatureCheck::valid);
    }

    /** One signature, covering every byte of the file, with nothing hidden beside its value. */
    boolean intact() {
      return signatures.size() == 1 && signatures.get(0).coversWholeFile() && signatures.get(0).cleanContents();
    }

    SignatureCheck last() {
      return signatures.get(signatures.size() - 1);
    }
  }

  private SealInspection() {}

  static Findings inspect(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw new UploadRefused(UploadRefused.Reason.EMPTY, "The upload is empty: send the PDF file itself.");
    }
    if (!startsLikePdf(pdf)) {
      throw new UploadRefused(UploadRefused.Reason.NOT_PDF, "This file is not a PDF.");
    }
    List<int[]> ranges = rawByteRanges(pdf);
    Map<String, PDSignature> parsedSignatures = new java.util.LinkedHashMap<>();
    String type = null;
    Long id = null;
    boolean readable;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted()) {
        throw encrypted();
      }
      readable = true;
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        int[] range = signature.getByteRange();
        parsedSignatures.put(Arrays.toString(range), signature);
        if (range.length > 0 && ranges.stream().noneMatch(r -> Arrays.equals(r, range))) {
          ranges.add(range);
        }
      }
      Optional<Matcher> source = sourceName(doc);
      if (source.isPresent()) {
        type = switch (source.get().group(1)) {
          case "consent" -> RecordKind.CONSENT.typeName();
          case "note" -> RecordKind.SOAP_NOTE.typeName();
          case "addendum" -> RecordKind.NOTE_ADDENDUM.typeName();
          default -> CHART;
        };
        id = Long.parseLong(source.get().group(2));
      }
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRefused refused) {
        throw refused;
      }
      readable = false;
    }
    if (ranges.isEmpty()) {
      if (!readable) {
        throw new UploadRefused(UploadRefused.Reason.UNREADABLE,
            "This file starts like a PDF but cannot be read as one: it is damaged, cut short or not really a PDF.");
      }
      throw new UploadRefused(UploadRefused.Reason.UNSIGNED, "This PDF carries no signature, so there is no seal to verify.");
    }
    List<SignatureCheck> checks = new ArrayList<>();
    for (int[] range : ranges) {
      checks.add(check(pdf, range, parsedSignatures.get(Arrays.toString(range))));
    }
    return new Findings(List.copyOf(checks), type, id, readable);
  }

  private static UploadRefused encrypted() {
    return new UploadRefused(UploadRefused.Reason.ENCRYPTED,
        "This PDF is encrypted. MyoChart's sealed records never are, so this is not one as we issued it.");
  }

  /** PDF readers accept the header anywhere in the first 1024 bytes. */
  private static boolean startsLikePdf(byte[] pdf) {
    String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  /** Every {@code /ByteRange [a b c d]} written in the file's bytes, in file order. */
  static List<int[]> rawByteRanges(byte[] pdf) {
    List<int[]> ranges = new ArrayList<>();
    for (int at = indexOf(pdf, BYTE_RANGE, 0); at >= 0; at = indexOf(pdf, BYTE_RANGE, at + BYTE_RANGE.length)) {
      int i = skipSpace(pdf, at + BYTE_RANGE.length);
      if (i >= pdf.length || pdf[i] != '[') {
        continue;
      }
      i++;
      long[] numbers = new long[4];
      int count = 0;
      while (true) {
        i = skipSpace(pdf, i);
        if (i >= pdf.length || pdf[i] == ']' || count == 4) {
          break;
        }
        long number = 0;
        int digits = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
          number = number * 10 + (pdf[i] - '0');
          i++;
          digits++;
        }
        if (digits == 0) {
          break;
        }
        numbers[count++] = number;
      }
      boolean wellFormed = count == 4 && i < pdf.length && pdf[i] == ']'
          && Arrays.stream(numbers).allMatch(n -> n <= Integer.MAX_VALUE);
      int[] range = wellFormed ? Arrays.stream(numbers).mapToInt(n -> (int) n).toArray() : new int[] {-1, -1, -1, -1};
      if (ranges.stream().noneMatch(r -> Arrays.equals(r, range))) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  private static SignatureCheck check(byte[] pdf, int[] range, PDSignature parsed) {
    String nameInFile = parsed == null ? null : parsed.getName();
    Instant dateInFile = parsed == null ? null : instant(parsed.getSignDate());
    if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0
        || (long) range[2] + range[3] > pdf.length) {
      return new SignatureCheck(false, false, false, nameInFile, dateInFile, "its byte range does not fit this file");
    }
    boolean coversWholeFile = (long) range[2] + range[3] == pdf.length;
    byte[] value = hexValue(pdf, range[1], range[2]);
    if (value == null) {
      return new SignatureCheck(false, coversWholeFile, false, nameInFile, dateInFile, "the signature value is damaged");
    }
    byte[] der;
    boolean clean;
    try {
      ByteArrayInputStream bytes = new ByteArrayInputStream(value);
      ASN1Primitive object;
      try (ASN1InputStream in = new ASN1InputStream(bytes, value.length)) {
        object = in.readObject();
      }
      int used = value.length - bytes.available();
      der = Arrays.copyOf(value, used);
      clean = object != null && allZero(value, used);
    } catch (IOException | RuntimeException e) {
      return new SignatureCheck(false, coversWholeFile, false, nameInFile, dateInFile, "the signature value is damaged");
    }
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, 0, signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), der);
      var signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return new SignatureCheck(false, coversWholeFile, clean, nameInFile, dateInFile, "it does not hold exactly one signer");
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      var matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return new SignatureCheck(false, coversWholeFile, clean, nameInFile, dateInFile, "it does not carry its certificate");
      }
      X509CertificateHolder certificate = (X509CertificateHolder) matches.iterator().next();
      String name = commonName(certificate).orElse(nameInFile);
      Instant when = timestamp(signer).or(() -> signingTime(signer)).orElse(dateInFile);
      boolean valid;
      String problem = null;
      try {
        valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        if (!valid) {
          problem = "the signature does not match the signed bytes";
        }
      } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException changed) {
        valid = false;
        problem = "the signed bytes were changed after sealing";
      }
      String unsignedPartProblem = valid ? unsignedPartsProblem(cms, signer, certificate, der) : null;
      if (unsignedPartProblem != null) {
        // The signed bytes check out, but a part of the signature value that the signature
        // cannot cover itself was altered: the file is not as sealed.
        return new SignatureCheck(true, coversWholeFile, false, name, when, unsignedPartProblem);
      }
      return new SignatureCheck(valid, coversWholeFile, clean, name, when, problem);
    } catch (Exception e) {
      return new SignatureCheck(false, coversWholeFile, clean, nameInFile, dateInFile, "the signature cannot be read");
    }
  }

  /**
   * The parts of a CMS structure its own signature does not cover: the outer content type, the
   * version numbers, the digest algorithm list, the encapsulated content type, the certificate
   * (bound by the signing-certificate-v2 attribute and its own signature) and a timestamp token.
   * Returns what is wrong, or null.
   */
  private static String unsignedPartsProblem(CMSSignedData cms, SignerInformation signer,
      X509CertificateHolder certificate, byte[] der) {
    try {
      org.bouncycastle.asn1.cms.ContentInfo info = cms.toASN1Structure();
      if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
        return "the signature value's content type was changed";
      }
      org.bouncycastle.asn1.cms.SignedData signedData = org.bouncycastle.asn1.cms.SignedData.getInstance(info.getContent());
      // Rebuilt from typed parts, so that every tag and version number is written the one
      // correct way; a parser that tolerated a changed tag on reading is caught here.
      var signerInfos = new org.bouncycastle.asn1.ASN1EncodableVector();
      for (var element : signedData.getSignerInfos()) {
        signerInfos.add(org.bouncycastle.asn1.cms.SignerInfo.getInstance(element));
      }
      var rebuilt = new org.bouncycastle.asn1.cms.SignedData(signedData.getDigestAlgorithms(), signedData.getEncapContentInfo(),
          signedData.getCertificates(), signedData.getCRLs(), new org.bouncycastle.asn1.DERSet(signerInfos));
      byte[] canonical = new org.bouncycastle.asn1.cms.ContentInfo(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData, rebuilt)
          .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
      if (!Arrays.equals(canonical, der)) {
        return "the signature value's structure was changed";
      }
      int expectedVersion = signer.getSID().getSubjectKeyIdentifier() == null ? 1 : 3;
      if (signedData.getVersion().intValueExact() != expectedVersion || signer.getVersion() != expectedVersion) {
        return "the signature value's version was changed";
      }
      if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.data.equals(signedData.getEncapContentInfo().getContentType())
          || signedData.getEncapContentInfo().getContent() != null) {
        return "the signature value's content description was changed";
      }
      var digests = signedData.getDigestAlgorithms();
      boolean listed = false;
      for (int i = 0; i < digests.size(); i++) {
        var algorithm = org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(digests.getObjectAt(i));
        listed |= algorithm.getAlgorithm().equals(signer.getDigestAlgorithmID().getAlgorithm());
      }
      if (digests.size() != 1 || !listed) {
        return "the signature value's digest algorithm list was changed";
      }
      String certificateProblem = certificateProblem(cms, signer, certificate);
      if (certificateProblem != null) {
        return certificateProblem;
      }
      AttributeTable unsigned = signer.getUnsignedAttributes();
      if (unsigned != null && unsigned.size() > 0) {
        var token = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (token == null || unsigned.size() != 1) {
          return "unsigned data was added to the signature";
        }
        TimeStampToken stamp = new TimeStampToken(new CMSSignedData(token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
        @SuppressWarnings("unchecked")
        var tsa = stamp.getCertificates().getMatches(stamp.getSID());
        if (tsa.isEmpty()) {
          return "the timestamp does not carry its certificate";
        }
        stamp.validate(new JcaSimpleSignerInfoVerifierBuilder().build((X509CertificateHolder) tsa.iterator().next()));
        byte[] imprint = java.security.MessageDigest.getInstance(
            new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(
                stamp.getTimeStampInfo().getMessageImprintAlgOID())).digest(signer.getSignature());
        if (!Arrays.equals(imprint, stamp.getTimeStampInfo().getMessageImprintDigest())) {
          return "the timestamp is not over this signature";
        }
      }
      return null;
    } catch (Exception e) {
      return "the signature value's unsigned parts cannot be read";
    }
  }

  /** The certificate must be the one the signed attributes name, and must check out itself. */
  private static String certificateProblem(CMSSignedData cms, SignerInformation signer, X509CertificateHolder certificate)
      throws Exception {
    AttributeTable signedAttributes = signer.getSignedAttributes();
    var v2 = signedAttributes == null ? null : signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (v2 != null) {
      var ids = org.bouncycastle.asn1.ess.SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts();
      var id = ids[0];
      String algorithm = new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm());
      byte[] hash = java.security.MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
      if (!Arrays.equals(hash, id.getCertHash())) {
        return "the certificate is not the one the signature names";
      }
    }
    X509CertificateHolder issuer = certificate;
    if (!certificate.getIssuer().equals(certificate.getSubject())) {
      @SuppressWarnings("unchecked")
      var found = cms.getCertificates().getMatches(null);
      issuer = null;
      for (Object candidate : found) {
        X509CertificateHolder holder = (X509CertificateHolder) candidate;
        if (holder.getSubject().equals(certificate.getIssuer())) {
          issuer = holder;
        }
      }
    }
    if (issuer != null && !certificate.isSignatureValid(
        new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(issuer))) {
      return "the certificate was altered";
    }
    return null;
  }

  /** The bytes of the hex string that fills the gap of the byte range, or null if it is not one. */
  private static byte[] hexValue(byte[] pdf, int start, int end) {
    if (pdf[start] != '<' || pdf[end - 1] != '>') {
      return null;
    }
    int digits = end - start - 2;
    if (digits <= 0 || digits % 2 != 0) {
      return null;
    }
    byte[] value = new byte[digits / 2];
    for (int i = 0; i < value.length; i++) {
      int high = Character.digit(pdf[start + 1 + 2 * i], 16);
      int low = Character.digit(pdf[start + 2 + 2 * i], 16);
      if (high < 0 || low < 0) {
        return null;
      }
      value[i] = (byte) (high << 4 | low);
    }
    return value;
  }

  private static boolean allZero(byte[] value, int from) {
    for (int i = from; i < value.length; i++) {
      if (value[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> commonName(X509CertificateHolder certificate) {
    RDN[] names = certificate.getSubject().getRDNs(BCStyle.CN);
    return names.length == 0 ? Optional.empty() : Optional.of(IETFUtils.valueToString(names[0].getFirst().getValue()));
  }

  /** The time of an RFC 3161 timestamp on the signature, the strongest time a seal can have. */
  private static Optional<Instant> timestamp(SignerInformation signer) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    var attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return Optional.empty();
    }
    try {
      byte[] token = attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
      return Optional.of(new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    AttributeTable signedAttributes = signer.getSignedAttributes();
    var attribute = signedAttributes == null ? null : signedAttributes.get(CMSAttributes.signingTime);
    if (attribute == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Instant instant(Calendar calendar) {
    return calendar == null ? null : calendar.toInstant();
  }

  /** The attached JSON source names the record: consent-12.json, note-5.json, addendum-3.json, chart-7.json. */
  private static Optional<Matcher> sourceName(PDDocument doc) throws IOException {
    PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
    if (names == null || names.getEmbeddedFiles() == null) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    collect(names.getEmbeddedFiles(), found, 0);
    return found.stream().map(SOURCE::matcher).filter(Matcher::matches).findFirst();
  }

  private static void collect(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node, List<String> found, int depth) throws IOException {
    Map<String, PDComplexFileSpecification> entries = node.getNames();
    if (entries != null) {
      found.addAll(entries.keySet());
    }
    if (node.getKids() != null && depth < 8) {
      for (var kid : node.getKids()) {
        collect(kid, found, depth + 1);
      }
    }
  }

  private static int skipSpace(byte[] pdf, int from) {
    int i = from;
    while (i < pdf.length && (pdf[i] == ' ' || pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == '\t' || pdf[i] == '\f' || pdf[i] == 0)) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
