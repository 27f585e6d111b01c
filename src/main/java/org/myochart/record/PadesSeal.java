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
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
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
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a record PDF with the clinic's key: a PAdES baseline B-B signature
 * ({@code ETSI.CAdES.detached}) as a certification signature that allows form filling and
 * further signatures (DocMDP P=2), written as an incremental update.
 */
public final class PadesSeal {

  private static final int SIGNATURE_SPACE = 18_000;

  private PadesSeal() {}

  public static byte[] seal(byte[] pdf, SigningIdentity identity, String signerName, String reason, Instant when) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signerName);
      signature.setReason(reason);
      signature.setSignDate(RecordPdf.utc(when));
      certify(doc, signature);
      SignatureOptions options = new SignatureOptions();
      options.setPreferredSignatureSize(SIGNATURE_SPACE);
      doc.addSignature(signature, content -> cms(content, identity), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SPACE * 2 + 4096);
      doc.saveIncremental(out);
      options.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not seal the record PDF", e);
    }
  }

  /**
   * Marks the signature as the document's certification signature. The reference dictionary has
   * no DigestMethod entry, which PDF/A-3 does not allow there.
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

  /** CMS signed data over the byte ranges, with signing-certificate-v2 and no CMS signing time. */
  private static byte[] cms(InputStream content, SigningIdentity identity) throws IOException {
    try {
      byte[] data = content.readAllBytes();
      byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
      ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash);
      org.bouncycastle.asn1.cms.Attribute signingCertificate = new org.bouncycastle.asn1.cms.Attribute(
          PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(id)));
      AttributeTable extra = new AttributeTable(signingCertificate);
      DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime))
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()), identity.certificate()));
      generator.addCertificates(new JcaCertStore(List.of(identity.chain())));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
      return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Could not build the CMS signature", e);
    }
  }
}
