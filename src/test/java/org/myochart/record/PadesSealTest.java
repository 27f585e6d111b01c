package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.testsupport.SealedPdfs;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

class PadesSealTest {

  private static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");
  private static SigningIdentity identity;

  @BeforeAll
  static void key() {
    identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    VeraGreenfieldFoundryProvider.initialise();
  }

  static byte[] signaturePng() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(200, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 200, 60);
    g.setColor(java.awt.Color.BLACK);
    g.drawLine(10, 50, 190, 10);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  static byte[] sealedRecord() throws Exception {
    byte[] pdf =
        new RecordPdf()
            .add(RecordPdf.Style.TITLE, "Informed consent · Anna Bergström")
            .add(RecordPdf.Style.HEADING, "What this treatment is")
            .add(
                RecordPdf.Style.TEXT,
                "Massage is a complementary treatment; it is not a cure. Pressure stays within comfort, always.")
            .field("Signed by", "Anna Bergström")
            .image(signaturePng(), 160)
            .add(RecordPdf.Style.SMALL, "Text SHA-256 0f3a…")
            .render(
                "Consent 51",
                "Harbourside Migraine Massage",
                "consent-51.json",
                "{\"consent\":51}",
                RecordPdf.utc(SIGNED));
    return PadesSeal.seal(
        pdf, identity, "Harbourside Migraine Massage", "Consent signed by the client", SIGNED);
  }

  /** Checks the CMS signature over the signed byte ranges with the certificate it carries. */
  static boolean signatureValid(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = doc.getLastSignatureDictionary();
      // The reserved space is padded with zeros after the DER signature.
      byte[] contents;
      try (org.bouncycastle.asn1.ASN1InputStream in =
          new org.bouncycastle.asn1.ASN1InputStream(signature.getContents())) {
        contents = in.readObject().getEncoded();
      }
      byte[] signedContent = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder =
          (X509CertificateHolder)
              cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      try {
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException changed) {
        return false;
      }
    }
  }

  @Test
  void aSealedRecordCarriesAValidPadesCertificationSignature() throws Exception {
    byte[] pdf = sealedRecord();

    assertTrue(signatureValid(pdf));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = doc.getLastSignatureDictionary();
      assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
      assertNotNull(
          doc.getDocumentCatalog()
              .getCOSObject()
              .getCOSDictionary(COSName.PERMS)
              .getItem(COSName.DOCMDP));
      int[] range = signature.getByteRange();
      assertEquals(
          pdf.length,
          range[2] + range[3],
          "the signature covers the whole file but its own contents");
    }
  }

  @Test
  void oneFlippedByteIsCaught() throws Exception {
    byte[] pdf = sealedRecord();
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("/Title");
    pdf[at + 3] ^= 0x01;

    assertFalse(signatureValid(pdf));
  }

  @Test
  void theRecordReadsAsTextAndCarriesItsJsonSource() throws Exception {
    byte[] pdf = sealedRecord();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Informed consent · Anna Bergström"), text);
      assertTrue(text.contains("Pressure stays within comfort"), text);
      PDComplexFileSpecification spec =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("consent-51.json");
      assertArrayEquals(
          "{\"consent\":51}".getBytes(StandardCharsets.UTF_8),
          spec.getEmbeddedFile().toByteArray());
      assertEquals(
          "Source", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
      assertEquals("application/json", spec.getEmbeddedFile().getSubtype());
    }
  }

  @Test
  void theSealedRecordIsPdfA3b() throws Exception {
    byte[] pdf = sealedRecord();
    try (PDFAParser parser =
        Foundries.defaultInstance()
            .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false);
      ValidationResult result = validator.validate(parser);
      assertTrue(
          result.isCompliant(),
          () ->
              result.getTestAssertions().stream()
                  .filter(
                      a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                  .map(
                      a ->
                          a.getRuleId().getClause()
                              + "-"
                              + a.getRuleId().getTestNumber()
                              + ": "
                              + a.getMessage())
                  .distinct()
                  .limit(20)
                  .toList()
                  .toString());
    }
  }

  @Test
  void theSealShowsAsAPrintableBoxOnTheLastPage() throws Exception {
    byte[] pdf = sealedRecord();

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var widget = doc.getSignatureFields().get(0).getWidgets().get(0);
      assertEquals(
          doc.getPage(doc.getNumberOfPages() - 1).getCOSObject(), widget.getPage().getCOSObject());
      assertTrue(widget.isPrinted());
      assertTrue(widget.getRectangle().getWidth() > 400 && widget.getRectangle().getHeight() > 20);
      assertTrue(
          widget.getRectangle().getUpperRightY() <= RecordPdf.MARGIN, "below the record's text");
      var resources = widget.getNormalAppearanceStream().getResources();
      var font = resources.getFont(resources.getFontNames().iterator().next());
      assertTrue(font.isEmbedded(), "the box's text is in an embedded font");
    }
    String shown = SealedPdfs.sealAppearanceText(pdf);
    assertTrue(
        shown.contains(
            "Digitally sealed by Harbourside Migraine Massage · 2026-11-20 10:15:30 UTC"),
        shown);
    assertTrue(
        shown.contains(
            "Consent signed by the client · certificate SHA-256 "
                + SealAppearance.fingerprintPrefix(identity.certificate())),
        shown);
    String text = SealedPdfs.text(pdf);
    assertTrue(
        text.contains("Signed by: Anna Bergström"), "the page text is still the record's: " + text);
    assertFalse(text.contains("Digitally sealed"), text);
  }

  @Test
  void aLongClinicNameIsShortenedToFitTheBox() throws Exception {
    String name =
        "The Very Long Named Harbourside Centre for Therapeutic Massage, Migraine Relief and Craniosacral Work";
    byte[] pdf =
        PadesSeal.seal(
            new RecordPdf()
                .add(RecordPdf.Style.TEXT, "A record")
                .render("Record", name, "r.json", "{}", RecordPdf.utc(SIGNED)),
            identity,
            name + " " + name,
            "Consent signed",
            SIGNED);

    String shown = SealedPdfs.sealAppearanceText(pdf);
    assertTrue(shown.startsWith("Digitally sealed by The Very Long Named"), shown);
    assertTrue(shown.contains("…"), shown);
    assertTrue(signatureValid(pdf));
  }

  @Test
  void aKeyWrittenAsPkcs12ReadsBackTheSame(@TempDir Path folder) throws Exception {
    Path keystore = folder.resolve("seal.p12");
    try (var out = Files.newOutputStream(keystore)) {
      identity.writePkcs12(out, "a long generated secret".toCharArray());
    }
    SigningIdentity read =
        SigningIdentity.fromPkcs12(keystore, "a long generated secret".toCharArray(), null);
    X509Certificate certificate = read.certificate();
    assertEquals(identity.certificate(), certificate);
    assertTrue(
        certificate.getSubjectX500Principal().getName().contains("Harbourside Migraine Massage"));
  }
}
