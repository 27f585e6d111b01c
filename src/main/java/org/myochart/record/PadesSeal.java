package org.myochart.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Seals a record PDF with the clinic's key: a PAdES baseline signature ({@code
 * ETSI.CAdES.detached}) as a certification signature that allows form filling and further
 * signatures (DocMDP P=2), written as an incremental update, with a visible, printable box at the
 * foot of the last page. With a timestamp authority the signature carries an RFC 3161 signature
 * timestamp (PAdES B-T), and {@link LongTermValidation} then adds the validation data and a
 * document timestamp (B-LT, B-LTA); without one it is B-B.
 */
public final class PadesSeal {

  private static final int SIGNATURE_SPACE = 18_000;

  private PadesSeal() {}

  /** A B-B seal: the time in it is the server's own claim. */
  public static byte[] seal(
      byte[] pdf, SigningIdentity identity, String signerName, String reason, Instant when) {
    return seal(pdf, identity, signerName, reason, when, null);
  }

  /**
   * A B-LTA seal when {@code timestamps} is given, B-B when it is null.
   *
   * @throws TimestampUnavailable when the timestamp authority fails; nothing is sealed then
   */
  public static byte[] seal(
      byte[] pdf,
      SigningIdentity identity,
      String signerName,
      String reason,
      Instant when,
      TimestampAuthority timestamps) {
    try (PDDocument doc = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signerName);
      signature.setReason(reason);
      signature.setSignDate(RecordPdf.utc(when));
      certify(doc, signature);
      options.setPreferredSignatureSize(SIGNATURE_SPACE);
      options.setPage(doc.getNumberOfPages() - 1);
      doc.addSignature(signature, options);
      SealAppearance appearance =
          SealAppearance.of(signerName, when, reason, identity.certificate(), timestamps != null);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(pdf.length + SIGNATURE_SPACE * 2 + 16_384);
      // The faces are returned before the CMS is built, so a slow timestamp authority holds no
      // font.
      ExternalSigningSupport unsigned =
          Typefaces.borrow(
              faces -> {
                appearance.applyTo(widget(doc, signature), doc, faces);
                return doc.saveIncrementalForExternalSigning(out);
              });
      unsigned.setSignature(cms(unsigned.getContent(), identity, timestamps));
      return timestamps == null
          ? out.toByteArray()
          : LongTermValidation.extend(out.toByteArray(), timestamps);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not seal the record PDF", e);
    }
  }

  private static PDAnnotationWidget widget(PDDocument doc, PDSignature signature)
      throws IOException {
    for (PDSignatureField field : doc.getSignatureFields()) {
      if (field.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
        field.setAlternateFieldName("Record seal");
        return field.getWidgets().get(0);
      }
    }
    throw new IOException("The signature field for the seal was not created");
  }

  /**
   * Marks the signature as the document's certification signature. The reference dictionary has no
   * DigestMethod entry, which PDF/A-3 does not allow there.
   */
  private static void certify(PDDocument doc, PDSignature signature) {
    COSDictionary params = new COSDictionary();
    params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
    params.setInt(COSName.P, 2);
    params.setName(COSName.V, "1.2");
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
    reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
    reference.setItem(COSName.getPDFName("TransformParams"), params);
    COSArray references = new COSArray();
    references.add(reference);
    signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
    COSDictionary permissions = new COSDictionary();
    permissions.setItem(COSName.DOCMDP, signature);
    doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, permissions);
    permissions.setNeedToBeUpdated(true);
    doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
  }

  /**
   * CMS signed data over the byte ranges, with signing-certificate-v2 and no CMS signing time; with
   * a timestamp authority, its token over the signature value as an unsigned attribute.
   */
  private static byte[] cms(
      InputStream content, SigningIdentity identity, TimestampAuthority timestamps)
      throws IOException {
    try {
      byte[] data = content.readAllBytes();
      byte[] certificateHash =
          MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
      ESSCertIDv2 id =
          new ESSCertIDv2(
              new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash);
      Attribute signingCertificate =
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(new SigningCertificateV2(id)));
      AttributeTable extra = new AttributeTable(signingCertificate);
      DefaultSignedAttributeTableGenerator defaults =
          new DefaultSignedAttributeTableGenerator(extra);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(
                  parameters ->
                      defaults.getAttributes(parameters).remove(CMSAttributes.signingTime))
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()),
                  identity.certificate()));
      generator.addCertificates(new JcaCertStore(List.of(identity.chain())));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
      if (timestamps != null) {
        signed = timestamped(signed, timestamps);
      }
      return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Could not build the CMS signature", e);
    }
  }

  /**
   * PAdES B-T: the authority's token over this signature's value, as signature-time-stamp-token.
   */
  private static CMSSignedData timestamped(CMSSignedData signed, TimestampAuthority timestamps)
      throws IOException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    TimeStampToken token = timestamps.stamp(signer.getSignature());
    Attribute stamp =
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(ASN1Primitive.fromByteArray(token.getEncoded())));
    SignerInformation stamped =
        SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(stamp));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }
}
