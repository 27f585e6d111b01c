package org.myochart.testsupport;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.util.Matrix;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.myochart.record.PadesSeal;
import org.myochart.record.SigningIdentity;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Opens a sealed record PDF the way an auditor's tools would, for assertions. */
public final class SealedPdfs {

  private SealedPdfs() {}

  /**
   * What a forger does with a genuine record: strips its seal (the signature field, its widget and
   * the certification entry) and seals the same pages again with another key.
   */
  public static byte[] resealed(byte[] pdf, SigningIdentity forger, String signerName)
      throws Exception {
    byte[] stripped;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var catalog = doc.getDocumentCatalog();
      catalog.getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.PERMS);
      var form = catalog.getAcroForm();
      if (form != null) {
        form.setFields(
            form.getFields().stream()
                .filter(field -> !(field instanceof PDSignatureField))
                .toList());
        form.setSignaturesExist(false);
        form.setAppendOnly(false);
      }
      for (PDPage page : doc.getPages()) {
        page.setAnnotations(
            page.getAnnotations().stream()
                .filter(annotation -> !isSignatureWidget(annotation))
                .toList());
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      stripped = out.toByteArray();
    }
    if (!rawSignatureFree(stripped)) {
      throw new IllegalStateException("the seal could not be stripped");
    }
    return PadesSeal.seal(
        stripped, forger, signerName, "Resealed by someone else", java.time.Instant.now());
  }

  /** The SHA-256 of the DER certificate that made the file's (last) signature. */
  public static String signingCertificateSha256(byte[] pdf) throws Exception {
    CMSSignedData cms;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      cms = new CMSSignedData(der(seal(doc)));
    }
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
    return org.myochart.platform.Sha256.of(certificate.getEncoded());
  }

  private static boolean isSignatureWidget(
      org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation annotation) {
    if (!(annotation instanceof PDAnnotationWidget)) {
      return false;
    }
    var dictionary = annotation.getCOSObject();
    var parent = dictionary.getCOSDictionary(org.apache.pdfbox.cos.COSName.PARENT);
    return "Sig".equals(dictionary.getNameAsString(org.apache.pdfbox.cos.COSName.FT))
        || (parent != null
            && "Sig".equals(parent.getNameAsString(org.apache.pdfbox.cos.COSName.FT)));
  }

  private static boolean rawSignatureFree(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getSignatureDictionaries().isEmpty();
    }
  }

  /** Whether the last signature's CMS matches the signed byte ranges. */
  public static boolean signatureValid(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = seal(doc);
      if (signature == null) {
        return false;
      }
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signature.getSignedContent(pdf)), der(signature));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder =
          (X509CertificateHolder)
              cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      try {
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      } catch (CMSSignerDigestMismatchException changed) {
        return false;
      }
    }
  }

  /** The signature timestamp (PAdES B-T) of the last signature, if it has one. */
  public static Optional<TimeStampToken> timestampToken(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = seal(doc);
      if (signature == null) {
        return Optional.empty();
      }
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signature.getSignedContent(pdf)), der(signature));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      AttributeTable unsigned = signer.getUnsignedAttributes();
      Attribute stamp =
          unsigned == null
              ? null
              : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
      if (stamp == null) {
        return Optional.empty();
      }
      return Optional.of(
          new TimeStampToken(
              new CMSSignedData(
                  stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
    }
  }

  /** When the timestamp authority says the last signature existed, if it was time-stamped. */
  public static Optional<Instant> timestampTime(byte[] pdf) throws Exception {
    return timestampToken(pdf).map(token -> token.getTimeStampInfo().getGenTime().toInstant());
  }

  /** The signature value the timestamp must cover: the last signature's encrypted digest. */
  public static byte[] signatureValue(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = seal(doc);
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signature.getSignedContent(pdf)), der(signature));
      return cms.getSignerInfos().getSigners().iterator().next().getSignature();
    }
  }

  /**
   * The text shown in the seal's visible box (not part of the page text, which stays the record's
   * own).
   */
  public static String sealAppearanceText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature seal = seal(doc);
      PDSignatureField field =
          doc.getSignatureFields().stream()
              .filter(
                  f ->
                      f.getSignature() != null
                          && f.getSignature().getCOSObject() == seal.getCOSObject())
              .findFirst()
              .orElseThrow();
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDPage page = widget.getPage();
      PDRectangle box = widget.getRectangle();
      // Draw the box's appearance onto the page, where it is printed, then read that area.
      PDFormXObject appearance =
          new PDFormXObject(widget.getNormalAppearanceStream().getCOSObject());
      try (PDPageContentStream stream =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        stream.transform(Matrix.getTranslateInstance(box.getLowerLeftX(), box.getLowerLeftY()));
        stream.drawForm(appearance);
      }
      PDFTextStripperByArea area = new PDFTextStripperByArea();
      area.addRegion(
          "seal",
          new Rectangle2D.Float(
              box.getLowerLeftX(),
              page.getMediaBox().getHeight() - box.getUpperRightY(),
              box.getWidth(),
              box.getHeight()));
      area.extractRegions(page);
      return area.getTextForRegion("seal").replaceAll("\\s+", " ").strip();
    }
  }

  /**
   * The record's seal: its last signature that is not a document timestamp (those are added after
   * it for long-term validation), or null.
   */
  public static PDSignature seal(PDDocument doc) throws java.io.IOException {
    PDSignature seal = null;
    for (PDSignature signature : doc.getSignatureDictionaries()) {
      if (!"ETSI.RFC3161".equals(signature.getSubFilter())) {
        seal = signature;
      }
    }
    return seal;
  }

  /**
   * A copy with one byte flipped in the middle of the first part the seal signs (the record's own
   * content), so that every checker of the seal must find it broken; a byte after the seal would
   * only break a document timestamp, which not every tool checks.
   */
  public static byte[] withFlippedSealedByte(byte[] pdf) throws Exception {
    int[] range;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      range = seal(doc).getByteRange();
    }
    byte[] tampered = pdf.clone();
    tampered[range[1] / 2] ^= 0x01;
    return tampered;
  }

  /** The document timestamps (PAdES B-LTA) of a file, oldest first. */
  public static List<TimeStampToken> documentTimestamps(byte[] pdf) throws Exception {
    List<TimeStampToken> tokens = new java.util.ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        if ("ETSI.RFC3161".equals(signature.getSubFilter())) {
          tokens.add(new TimeStampToken(new CMSSignedData(der(signature))));
        }
      }
    }
    return tokens;
  }

  private static byte[] der(PDSignature signature) throws Exception {
    // The reserved space is padded with zeros after the DER signature.
    try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
      return in.readObject().getEncoded();
    }
  }

  public static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  public static List<String> attachments(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var names = doc.getDocumentCatalog().getNames();
      return names == null || names.getEmbeddedFiles() == null
          ? List.of()
          : new ArrayList<>(names.getEmbeddedFiles().getNames().keySet());
    }
  }

  /** veraPDF's PDF/A-3b failures, empty when the file conforms. */
  public static List<String> pdfA3bFailures(byte[] pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser =
        Foundries.defaultInstance()
            .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
      ValidationResult result =
          Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false).validate(parser);
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(
              a ->
                  a.getRuleId().getClause()
                      + "-"
                      + a.getRuleId().getTestNumber()
                      + ": "
                      + a.getMessage())
          .distinct()
          .toList();
    }
  }
}
