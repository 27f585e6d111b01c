package org.myochart.testsupport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Opens a sealed record PDF the way an auditor's tools would, for assertions. */
public final class SealedPdfs {

  private SealedPdfs() {}

  /** Whether the last signature's CMS matches the signed byte ranges. */
  public static boolean signatureValid(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = doc.getLastSignatureDictionary();
      if (signature == null) {
        return false;
      }
      byte[] contents;
      try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
        contents = in.readObject().getEncoded();
      }
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), contents);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      try {
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      } catch (CMSSignerDigestMismatchException changed) {
        return false;
      }
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
      return names == null || names.getEmbeddedFiles() == null ? List.of()
          : new ArrayList<>(names.getEmbeddedFiles().getNames().keySet());
    }
  }

  /** veraPDF's PDF/A-3b failures, empty when the file conforms. */
  public static List<String> pdfA3bFailures(byte[] pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
      ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false).validate(parser);
      return result.getTestAssertions().stream().filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()).distinct().toList();
    }
  }
}
