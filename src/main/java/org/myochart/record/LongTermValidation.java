package org.myochart.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Makes a timestamped seal last beyond the certificates in it (PAdES B-LT and B-LTA, ETSI EN 319
 * 142-1): one incremental update that adds the document security store (DSS) with every certificate
 * the file's signatures and timestamps carry and the revocation lists their issuers publish,
 * followed by a document timestamp over the whole file as it then is. Done once when a record is
 * sealed, and again by {@link ArchiveTimestamps} before the newest document timestamp's certificate
 * expires: each round puts the validation data of the earlier timestamps under a new one.
 *
 * <p>Nothing a reader sees changes: the update adds only the DSS and an invisible, printable
 * signature field, which {@link ArchiveRevisions} checks when a file is verified.
 */
final class LongTermValidation {

  static final COSName RFC3161 = COSName.getPDFName("ETSI.RFC3161");

  /** Room for the authority's token: its signature and its certificate chain. */
  private static final int TIMESTAMP_SPACE = 16_000;

  private LongTermValidation() {}

  /**
   * The PDF with validation data and a document timestamp added.
   *
   * @throws TimestampUnavailable when the authority fails; the PDF is then left as it was
   */
  static byte[] extend(byte[] pdf, TimestampAuthority authority) {
    try (PDDocument doc = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      Collection<X509CertificateHolder> certificates = certificatesIn(doc, pdf);
      addSecurityStore(
          doc,
          certificates.stream().map(LongTermValidation::encoded).toList(),
          authority.revocations().forCertificates(certificates));
      PDSignature stamp = new PDSignature();
      stamp.setType(COSName.DOC_TIME_STAMP);
      stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      stamp.setSubFilter(RFC3161);
      options.setPreferredSignatureSize(TIMESTAMP_SPACE);
      doc.addSignature(stamp, options);
      printable(doc, stamp);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + TIMESTAMP_SPACE * 3);
      ExternalSigningSupport unsigned = doc.saveIncrementalForExternalSigning(out);
      TimeStampToken token = authority.stamp(unsigned.getContent().readAllBytes());
      unsigned.setSignature(token.getEncoded(ASN1Encoding.DER));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not add long-term validation data to the record", e);
    }
  }

  /** A signature dictionary of type DocTimeStamp or with the RFC 3161 sub-filter. */
  static boolean isDocumentTimestamp(PDSignature signature) {
    return signature != null
        && (RFC3161.getName().equals(signature.getSubFilter())
            || COSName.DOC_TIME_STAMP.equals(signature.getCOSObject().getCOSName(COSName.TYPE)));
  }

  /**
   * When the certificate of the authority that made the file's newest document timestamp expires:
   * after that, the timestamp can only be trusted under a newer one. Empty without a document
   * timestamp (a B-B or B-T seal), or when it cannot be read. A file whose bytes do not name the
   * RFC 3161 sub-filter is not parsed at all, so a B-B seal (the default) costs a byte scan.
   */
  static Optional<Instant> newestTimestampExpiry(byte[] pdf) {
    if (!contains(pdf, RFC3161_BYTES)) {
      return Optional.empty();
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Instant newest = null;
      Instant expires = null;
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        if (!isDocumentTimestamp(signature) || signature.getByteRange().length != 4) {
          continue;
        }
        TimeStampToken token =
            new TimeStampToken(new CMSSignedData(firstObject(signature.getContents(pdf))));
        @SuppressWarnings("unchecked")
        var signers = token.getCertificates().getMatches(token.getSID());
        Instant made = token.getTimeStampInfo().getGenTime().toInstant();
        if (!signers.isEmpty() && (newest == null || made.isAfter(newest))) {
          newest = made;
          expires = ((X509CertificateHolder) signers.iterator().next()).getNotAfter().toInstant();
        }
      }
      return Optional.ofNullable(expires);
    } catch (IOException | CMSException | TSPException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final byte[] RFC3161_BYTES =
      RFC3161.getName().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean contains(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Every certificate carried by the file's signatures, their signature timestamps, its document
   * timestamps and its DSS, each once, in the order found.
   */
  static Collection<X509CertificateHolder> certificatesIn(PDDocument doc, byte[] pdf)
      throws IOException {
    Map<String, X509CertificateHolder> found = new LinkedHashMap<>();
    for (PDSignature signature : doc.getSignatureDictionaries()) {
      if (signature.getByteRange().length != 4) {
        continue; // not a signature that was ever made
      }
      try {
        CMSSignedData cms = new CMSSignedData(firstObject(signature.getContents(pdf)));
        addAll(found, cms);
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
          var unsigned = signer.getUnsignedAttributes();
          var token =
              unsigned == null
                  ? null
                  : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
          if (token != null) {
            addAll(
                found,
                new TimeStampToken(
                        new CMSSignedData(
                            token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()))
                    .toCMSSignedData());
          }
        }
      } catch (CMSException | TSPException e) {
        throw new IOException("A signature of the record cannot be read", e);
      }
    }
    COSDictionary store = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
    if (store != null) {
      for (byte[] der : streams(store.getCOSArray(COSName.CERTS))) {
        X509CertificateHolder holder = new X509CertificateHolder(der);
        found.putIfAbsent(Arrays.toString(holder.getEncoded()), holder);
      }
    }
    return List.copyOf(found.values());
  }

  /** The DER object at the start of a signature's contents, without the zeros that pad it. */
  private static byte[] firstObject(byte[] padded) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(padded)) {
      ASN1Primitive object = in.readObject();
      if (object == null) {
        throw new IOException("An empty signature value");
      }
      return object.getEncoded(ASN1Encoding.DER);
    }
  }

  @SuppressWarnings("unchecked")
  private static void addAll(Map<String, X509CertificateHolder> found, CMSSignedData cms)
      throws IOException {
    for (Object match : cms.getCertificates().getMatches(null)) {
      X509CertificateHolder holder = (X509CertificateHolder) match;
      found.putIfAbsent(Arrays.toString(holder.getEncoded()), holder);
    }
  }

  /**
   * A new DSS holding what the old one held and the new certificates and lists not yet in it. The
   * old streams are referred to, not copied.
   */
  private static void addSecurityStore(PDDocument doc, List<byte[]> certificates, List<byte[]> crls)
      throws IOException {
    COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
    COSDictionary old = catalog.getCOSDictionary(COSName.DSS);
    COSDictionary store = new COSDictionary();
    store.setItem(COSName.TYPE, COSName.DSS);
    store.setItem(COSName.CERTS, merged(doc, old, COSName.CERTS, certificates));
    store.setItem(COSName.CRLS, merged(doc, old, COSName.CRLS, crls));
    if (old != null && old.getCOSArray(COSName.OCSPS) != null) {
      store.setItem(COSName.OCSPS, old.getCOSArray(COSName.OCSPS));
    }
    catalog.setItem(COSName.DSS, store);
    catalog.setNeedToBeUpdated(true);
  }

  private static COSArray merged(PDDocument doc, COSDictionary old, COSName key, List<byte[]> added)
      throws IOException {
    COSArray array = new COSArray();
    List<byte[]> present = new ArrayList<>();
    COSArray before = old == null ? null : old.getCOSArray(key);
    if (before != null) {
      for (int i = 0; i < before.size(); i++) {
        array.add(before.get(i));
      }
      present.addAll(streams(before));
    }
    for (byte[] der : added) {
      if (present.stream().noneMatch(p -> Arrays.equals(p, der))) {
        COSStream stream = doc.getDocument().createCOSStream();
        try (var out = stream.createOutputStream(COSName.FLATE_DECODE)) {
          out.write(der);
        }
        array.add(stream);
        present.add(der);
      }
    }
    return array;
  }

  /** The decoded bytes of each stream in a DSS array. */
  static List<byte[]> streams(COSArray array) throws IOException {
    List<byte[]> bytes = new ArrayList<>();
    if (array == null) {
      return bytes;
    }
    for (int i = 0; i < array.size(); i++) {
      COSBase item = array.get(i);
      if (item instanceof COSObject object) {
        item = object.getObject();
      }
      if (item instanceof COSStream stream) {
        try (var in = stream.createInputStream()) {
          bytes.add(in.readAllBytes());
        }
      }
    }
    return bytes;
  }

  /** PDF/A wants every annotation printable, the invisible timestamp's widget too. */
  private static void printable(PDDocument doc, PDSignature stamp) throws IOException {
    for (PDSignatureField field : doc.getSignatureFields()) {
      if (field.getCOSObject().getDictionaryObject(COSName.V) == stamp.getCOSObject()) {
        field.setPartialName("Archive timestamp " + doc.getSignatureDictionaries().size());
        field.getWidgets().forEach(widget -> widget.setPrinted(true));
        return;
      }
    }
    throw new IOException("The signature field for the document timestamp was not created");
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
