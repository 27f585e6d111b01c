package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.TestTimestampAuthority;

/**
 * Tries to slip changes past {@link ArchiveRevisions}: each test takes a properly sealed B-LTA
 * record of two pages (the seal's visible box on the last; the document timestamp's invisible
 * widget, added after the seal, on the first), changes something in an incremental update, and has
 * {@link LongTermValidation#extend} put a valid document timestamp over the change. Only DSS data
 * and invisible document timestamp fields may be added after the seal; anything else must leave the
 * record not intact.
 */
class ArchiveRevisionsAttackTest {

  private static final Instant SIGNED = Instant.now().minus(Duration.ofMinutes(5));
  private static TestTimestampAuthority tsa;
  private static TimestampAuthority authority;
  private static byte[] sealed;

  /** One change to the sealed document, made before it is saved incrementally. */
  @FunctionalInterface
  private interface Change {
    void apply(PDDocument doc) throws Exception;
  }

  /** Whether the change is really in the file (so that "intact" is not about an unsaved change). */
  @FunctionalInterface
  private interface Present {
    boolean in(PDDocument doc) throws Exception;
  }

  @BeforeAll
  static void seal() throws Exception {
    SigningIdentity identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    tsa = TestTimestampAuthority.start();
    authority = new TimestampAuthority(tsa.url(), Duration.ofSeconds(10));
    RecordPdf record =
        new RecordPdf()
            .add(RecordPdf.Style.TITLE, "Signed SOAP note · Anna Bergström")
            .field("Signed by", "Tor Hansen (therapist1)");
    for (int i = 1; i <= 70; i++) {
      record.field("Observation " + i, "Tension in the upper trapezius, left side, eased by 30%.");
    }
    byte[] unsigned =
        record.render(
            "Note 7",
            "Harbourside Migraine Massage",
            "note-7.json",
            "{\"note\":7}",
            RecordPdf.utc(SIGNED));
    sealed =
        PadesSeal.seal(
            unsigned,
            identity,
            "Harbourside Migraine Massage",
            "SOAP note signed by the therapist",
            SIGNED,
            authority);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertTrue(doc.getNumberOfPages() >= 2, "a record of more than one page");
      assertEquals(
          1,
          annotationCount(doc.getPage(0)),
          "the first page carries only the document timestamp's widget, added after the seal");
      assertEquals(COSName.SIG, annotationAt(doc.getPage(0), 0).getCOSName(COSName.FT));
      assertNotNull(lastPage(doc).getCOSObject().getDictionaryObject(COSName.ANNOTS));
      assertTrue(doc.getNumberOfPages() > 1);
    }
    assertTrue(SealInspection.inspect(sealed).intact(), "the fixture itself is intact");
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  // ---------------------------------------------------------------- control

  @Test
  void anotherPlainRoundOfLongTermValidationStaysIntact() {
    byte[] again = LongTermValidation.extend(sealed, authority);

    SealInspection.Findings findings = SealInspection.inspect(again);
    assertEquals(2, findings.archiveTimestamps().size());
    assertNull(findings.laterRevisionsProblem(), findings.toString());
    assertTrue(findings.intact(), findings.toString());
  }

  // ---------------------------------------------------------------- annotations

  @Test
  void aVisibleFreeTextAnnotationOnTheSealedPageIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDPage page = lastPage(doc);
          PDAnnotationFreeText note = new PDAnnotationFreeText();
          note.setRectangle(new PDRectangle(60, 400, 300, 60));
          note.setContents("Patient declined treatment");
          note.setDefaultAppearance("/Helv 14 Tf 1 0 0 rg");
          // Drawn here: PDFBox's own appearance construction fixes up the AcroForm (adds /DA),
          // which would be caught for the wrong reason.
          note.getCOSObject().setItem(COSName.AP, appearance(doc, 300, 60, "Patient declined"));
          addAnnotation(page, note.getCOSObject());
        },
        doc -> hasSubtype(lastPage(doc), "FreeText"));
  }

  @Test
  void aVisibleSquareAnnotationOnAPageThatHadNoAnnotationsIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDAnnotationSquare square = new PDAnnotationSquare();
          square.setRectangle(new PDRectangle(60, 400, 300, 120));
          square.setContents("struck out");
          square.getCOSObject().setItem(COSName.AP, appearance(doc, 300, 120, "VOID"));
          addAnnotation(doc.getPage(0), square.getCOSObject());
        },
        doc -> hasSubtype(doc.getPage(0), "Square"));
  }

  @Test
  void aVisibleFreeTextAnnotationOnAPageThatHadNoAnnotationsIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDAnnotationFreeText note = new PDAnnotationFreeText();
          note.setRectangle(new PDRectangle(60, 400, 400, 60));
          note.setContents("Diagnosis: none. Treatment not indicated.");
          note.setDefaultAppearance("/Helv 14 Tf 1 0 0 rg");
          // Drawn here: PDFBox's own appearance construction fixes up the AcroForm (adds /DA),
          // which would be caught for the wrong reason.
          note.getCOSObject().setItem(COSName.AP, appearance(doc, 300, 60, "Patient declined"));
          addAnnotation(doc.getPage(0), note.getCOSObject());
        },
        doc -> hasSubtype(doc.getPage(0), "FreeText"));
  }

  // ---------------------------------------------------------------- catalog

  @Test
  void anOpenActionIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
          catalog.setItem(COSName.OPEN_ACTION, javaScript("app.alert('changed');"));
          catalog.setNeedToBeUpdated(true);
        },
        doc -> doc.getDocumentCatalog().getCOSObject().containsKey(COSName.OPEN_ACTION));
  }

  @Test
  void documentAdditionalActionsAreFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
          COSDictionary actions = new COSDictionary();
          actions.setItem(COSName.getPDFName("WP"), javaScript("app.alert('printing');"));
          catalog.setItem(COSName.AA, actions);
          catalog.setNeedToBeUpdated(true);
        },
        doc -> doc.getDocumentCatalog().getCOSObject().containsKey(COSName.AA));
  }

  @Test
  void aJavaScriptNamesEntryIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
          COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
          assertNotNull(names, "the record's attachment gives it a /Names dictionary");
          COSDictionary tree = new COSDictionary();
          COSArray entries = new COSArray();
          entries.add(new COSString("run"));
          entries.add(javaScript("app.alert('changed');"));
          tree.setItem(COSName.NAMES, entries);
          names.setItem(COSName.JAVA_SCRIPT, tree);
          names.setNeedToBeUpdated(true);
          catalog.setNeedToBeUpdated(true);
        },
        doc ->
            doc.getDocumentCatalog()
                .getCOSObject()
                .getCOSDictionary(COSName.NAMES)
                .containsKey(COSName.JAVA_SCRIPT));
  }

  @Test
  void aNewEmbeddedFileIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
          PDNameTreeNode<PDComplexFileSpecification> leaf = leaf(tree);
          Map<String, PDComplexFileSpecification> files = new HashMap<>(leaf.getNames());
          files.put("note-8.json", fileSpecification(doc, "note-8.json", "{\"note\":8}"));
          leaf.setNames(files);
          leaf.getCOSObject().setNeedToBeUpdated(true);
          tree.getCOSObject().setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getNames().getCOSObject().setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> attachmentNames(doc).contains("note-8.json"));
  }

  @Test
  void theSealedAttachmentsBytesReplacedInPlaceAreFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
          PDNameTreeNode<PDComplexFileSpecification> leaf = leaf(tree);
          PDComplexFileSpecification spec = leaf.getNames().get("note-7.json");
          COSStream file = spec.getEmbeddedFile().getCOSObject();
          try (var out = file.createOutputStream(COSName.FLATE_DECODE)) {
            out.write("{\"note\":666}".getBytes(StandardCharsets.UTF_8));
          }
          file.setNeedToBeUpdated(true);
          spec.getCOSObject().setNeedToBeUpdated(true);
          leaf.getCOSObject().setNeedToBeUpdated(true);
          tree.getCOSObject().setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getNames().getCOSObject().setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> attachmentText(doc, "note-7.json").contains("666"));
  }

  @Test
  void replacedXmpMetadataIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
          COSStream old = (COSStream) catalog.getDictionaryObject(COSName.METADATA);
          String xmp;
          try (var in = old.createInputStream()) {
            xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          COSStream metadata = doc.getDocument().createCOSStream();
          metadata.setItem(COSName.TYPE, COSName.METADATA);
          metadata.setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
          try (var out = metadata.createOutputStream()) {
            out.write(xmp.replace("Note 7", "Note 8").getBytes(StandardCharsets.UTF_8));
          }
          catalog.setItem(COSName.METADATA, metadata);
          catalog.setNeedToBeUpdated(true);
        },
        doc -> xmp(doc).contains("Note 8"));
  }

  @Test
  void aChangedInformationTitleIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          doc.getDocumentInformation().setTitle("Note 8");
          doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> "Note 8".equals(doc.getDocumentInformation().getTitle()));
  }

  // ---------------------------------------------------------------- fields

  @Test
  void aDocumentTimestampLookalikeWithAVisibleRectAndTextAppearanceIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary field = timestampLookalike(doc, new PDRectangle(60, 400, 400, 60));
          field.setItem(COSName.AP, appearance(doc, 400, 60, "Treatment cancelled"));
          // Only on the page: in /Fields PDFBox would take it for a signature and fail to extend.
          addAnnotation(lastPage(doc), field);
        },
        doc -> annotationCount(lastPage(doc)) >= 2);
  }

  @Test
  void aDocumentTimestampLookalikeThatRunsJavaScriptWhenThePageOpensIsFound() throws Exception {
    // Zero-area /Rect, /FT /Sig, /V /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 (and no
    // /ByteRange, so nothing checks it as a timestamp), plus /AA /PO: run a script on page open.
    assertNotIntact(
        doc -> {
          COSDictionary field = timestampLookalike(doc, new PDRectangle(0, 0, 0, 0));
          COSDictionary actions = new COSDictionary();
          actions.setItem(COSName.PO, javaScript("app.alert('Record amended: see attachment');"));
          field.setItem(COSName.AA, actions);
          // Only on the page: in /Fields PDFBox would take it for a signature and fail to extend.
          addAnnotation(lastPage(doc), field);
        },
        doc -> lastAnnotation(lastPage(doc)).containsKey(COSName.AA));
  }

  @Test
  void aDocumentTimestampLookalikeThatIsAFileAttachmentIsFound() throws Exception {
    // Zero-area /Rect, the lookalike keys, and /Subtype /FileAttachment with /FS: a new file
    // attached to the sealed record (listed in a viewer's attachments pane).
    assertNotIntact(
        doc -> {
          COSDictionary field = timestampLookalike(doc, new PDRectangle(0, 0, 0, 0));
          field.setItem(COSName.SUBTYPE, COSName.getPDFName("FileAttachment"));
          field.setItem(COSName.FS, fileSpecification(doc, "note-7.json", "{\"note\":666}"));
          field.setString(COSName.CONTENTS, "corrected source of the note");
          addAnnotation(lastPage(doc), field);
        },
        doc -> lastAnnotation(lastPage(doc)).containsKey(COSName.FS));
  }

  @Test
  void anEarlierRealDocumentTimestampFieldGivenActionsIsFound() throws Exception {
    // The field (not its /V) of the document timestamp the seal came with is rewritten at the same
    // object number: its /V still verifies, the field now runs a script and links out.
    assertNotIntact(
        doc -> {
          COSDictionary field = annotationAt(doc.getPage(0), 0);
          assertEquals(
              COSName.DOC_TIME_STAMP,
              field.getCOSDictionary(COSName.V).getCOSName(COSName.TYPE),
              "the first page's annotation is the seal's document timestamp");
          COSDictionary actions = new COSDictionary();
          actions.setItem(COSName.PO, javaScript("app.alert('Record amended');"));
          field.setItem(COSName.AA, actions);
          COSDictionary uri = new COSDictionary();
          uri.setItem(COSName.S, COSName.URI);
          uri.setString(COSName.URI, "https://example.invalid/amended");
          field.setItem(COSName.A, uri);
          field.setNeedToBeUpdated(true);
          doc.getPage(0).getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
          doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> {
          COSDictionary field = annotationAt(doc.getPage(0), 0);
          return field.containsKey(COSName.AA) && field.containsKey(COSName.A);
        });
  }

  @Test
  void aTextFieldAddedToTheFormIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary field = new COSDictionary();
          field.setItem(COSName.TYPE, COSName.ANNOT);
          field.setItem(COSName.SUBTYPE, COSName.WIDGET);
          field.setItem(COSName.FT, COSName.TX);
          field.setString(COSName.T, "diagnosis");
          field.setString(COSName.V, "none");
          field.setItem(COSName.RECT, new PDRectangle(0, 0, 0, 0).getCOSArray());
          field.setItem(COSName.P, lastPage(doc).getCOSObject());
          addField(doc, field);
        },
        doc -> doc.getDocumentCatalog().getAcroForm(null).getField("diagnosis") != null);
  }

  @Test
  void changedFormResourcesAreFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary form = doc.getDocumentCatalog().getAcroForm(null).getCOSObject();
          COSDictionary resources = form.getCOSDictionary(COSName.DR);
          if (resources == null) {
            resources = new COSDictionary();
            form.setItem(COSName.DR, resources);
          }
          COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
          if (fonts == null) {
            fonts = new COSDictionary();
            resources.setItem(COSName.FONT, fonts);
          }
          fonts.setItem(
              COSName.getPDFName("Evil"),
              new PDType1Font(Standard14Fonts.FontName.COURIER).getCOSObject());
          fonts.setNeedToBeUpdated(true);
          resources.setNeedToBeUpdated(true);
          form.setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        },
        doc ->
            doc.getDocumentCatalog()
                    .getAcroForm(null)
                    .getCOSObject()
                    .getCOSDictionary(COSName.DR)
                    .getCOSDictionary(COSName.FONT)
                    .getItem(COSName.getPDFName("Evil"))
                != null);
  }

  @Test
  void needAppearancesSetOnTheFormIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          COSDictionary form = doc.getDocumentCatalog().getAcroForm(null).getCOSObject();
          form.setItem(COSName.NEED_APPEARANCES, COSBoolean.TRUE);
          form.setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> doc.getDocumentCatalog().getAcroForm(null).getNeedAppearances());
  }

  // ---------------------------------------------------------------- pages

  @Test
  void aChangedMediaBoxIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDPage page = doc.getPage(0);
          page.setMediaBox(new PDRectangle(0, 300, 595, 542));
          page.getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> doc.getPage(0).getMediaBox().getLowerLeftY() == 300);
  }

  @Test
  void aRotatedPageIsFound() throws Exception {
    assertNotIntact(
        doc -> {
          PDPage page = doc.getPage(0);
          page.setRotation(180);
          page.getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> doc.getPage(0).getRotation() == 180);
  }

  @Test
  void anAddedPageIsFound() throws Exception {
    int pages;
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      pages = doc.getNumberOfPages();
    }
    assertNotIntact(
        doc -> {
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
            stream.beginText();
            stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
            stream.newLineAtOffset(60, 700);
            stream.showText("Addendum: the note above is withdrawn.");
            stream.endText();
          }
          doc.getPages().getCOSObject().setNeedToBeUpdated(true);
          page.getCOSObject().setNeedToBeUpdated(true);
          doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> doc.getNumberOfPages() == pages + 1);
  }

  @Test
  void aFontThePageUsesReplacedAtTheSameObjectNumberIsFound() throws Exception {
    // The font's /ToUnicode map, rewritten in place: copied or extracted text then says otherwise.
    assertNotIntact(
        doc -> {
          PDPage page = doc.getPage(0);
          COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
          COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
          COSName name = fonts.keySet().iterator().next();
          COSDictionary font = fonts.getCOSDictionary(name);
          COSStream toUnicode = (COSStream) font.getDictionaryObject(COSName.TO_UNICODE);
          assertNotNull(toUnicode, "the page's font maps its glyphs to text");
          try (var out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(
                ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap"
                        + " /CMapName /Evil def 1 begincodespacerange <0000> <FFFF>"
                        + " endcodespacerange 1 beginbfrange <0000> <FFFF> <0058> endbfrange"
                        + " endcmap CMapName currentdict /CMap defineresource pop end end")
                    .getBytes(StandardCharsets.US_ASCII));
          }
          toUnicode.setNeedToBeUpdated(true);
          font.setNeedToBeUpdated(true);
          fonts.setNeedToBeUpdated(true);
          resources.setNeedToBeUpdated(true);
          page.getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> {
          COSDictionary fonts =
              doc.getPage(0)
                  .getCOSObject()
                  .getCOSDictionary(COSName.RESOURCES)
                  .getCOSDictionary(COSName.FONT);
          COSDictionary font = fonts.getCOSDictionary(fonts.keySet().iterator().next());
          try (var in =
              ((COSStream) font.getDictionaryObject(COSName.TO_UNICODE)).createInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).contains("/Evil");
          }
        });
  }

  @Test
  void theSealsAppearanceXObjectReplacedAtTheSameObjectNumberIsFound() throws Exception {
    // The seal's visible box: its widget's normal appearance, redrawn in place.
    assertNotIntact(
        doc -> {
          COSDictionary widget = annotationAt(lastPage(doc), 0);
          COSDictionary ap = widget.getCOSDictionary(COSName.AP);
          COSStream normal = (COSStream) ap.getDictionaryObject(COSName.N);
          try (var out = normal.createOutputStream()) {
            out.write("1 0 0 rg 0 0 50 50 re f".getBytes(StandardCharsets.US_ASCII));
          }
          normal.setNeedToBeUpdated(true);
          ap.setNeedToBeUpdated(true);
          widget.setNeedToBeUpdated(true);
          lastPage(doc).getCOSObject().setNeedToBeUpdated(true);
        },
        doc -> {
          COSStream normal =
              (COSStream)
                  annotationAt(lastPage(doc), 0)
                      .getCOSDictionary(COSName.AP)
                      .getDictionaryObject(COSName.N);
          try (var in = normal.createInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).startsWith("1 0 0 rg");
          }
        });
  }

  // ---------------------------------------------------------------- the DSS

  @Test
  void aDssHoldingAFileBesideItsValidationDataIsFound() throws Exception {
    // Written as a tool other than MyoChart's would: the file in the DSS and a document timestamp
    // over it in one update (LongTermValidation.extend itself keeps only the DSS's known arrays).
    byte[] changed;
    try (PDDocument doc = Loader.loadPDF(sealed);
        org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions options =
            new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions()) {
      COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
      COSDictionary dss = catalog.getCOSDictionary(COSName.DSS);
      dss.setItem(COSName.getPDFName("Extra"), fileSpecification(doc, "hidden.txt", "hidden"));
      dss.setNeedToBeUpdated(true);
      catalog.setNeedToBeUpdated(true);
      var stamp = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature();
      stamp.setType(COSName.DOC_TIME_STAMP);
      stamp.setFilter(
          org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.FILTER_ADOBE_PPKLITE);
      stamp.setSubFilter(LongTermValidation.RFC3161);
      options.setPreferredSignatureSize(16_000);
      doc.addSignature(stamp, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var unsigned = doc.saveIncrementalForExternalSigning(out);
      unsigned.setSignature(authority.stamp(unsigned.getContent().readAllBytes()).getEncoded());
      changed = out.toByteArray();
    }

    SealInspection.Findings findings = SealInspection.inspect(changed);
    assertTrue(findings.newestArchiveTimestamp().valid(), findings.toString());
    assertTrue(findings.newestArchiveTimestamp().coversWholeFile());
    assertFalse(findings.intact(), findings.toString());
    assertTrue(
        findings.laterRevisionsProblem().contains("validation data store"),
        findings.laterRevisionsProblem());
  }

  // ---------------------------------------------------------------- helpers

  private static void assertNotIntact(Change change, Present present) throws Exception {
    byte[] result = changed(change);
    try (PDDocument doc = Loader.loadPDF(result)) {
      assertTrue(present.in(doc), "the change is in the file that is checked");
    }
    SealInspection.Findings findings = SealInspection.inspect(result);
    assertTrue(findings.allValid(), "the seal still checks out over what it signed");
    assertTrue(findings.newestArchiveTimestamp().valid(), "the new timestamp is valid");
    assertTrue(findings.newestArchiveTimestamp().coversWholeFile(), "and covers the whole file");
    assertFalse(findings.intact(), "a change after sealing went unnoticed: " + findings);
  }

  private static byte[] changed(Change change) throws Exception {
    return LongTermValidation.extend(changedOnly(change), authority);
  }

  private static byte[] changedOnly(Change change) throws Exception {
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      change.apply(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      return out.toByteArray();
    }
  }

  private static PDPage lastPage(PDDocument doc) {
    return doc.getPage(doc.getNumberOfPages() - 1);
  }

  private static void addAnnotation(PDPage page, COSDictionary annotation) {
    COSDictionary pageDictionary = page.getCOSObject();
    COSArray annots = pageDictionary.getCOSArray(COSName.ANNOTS);
    if (annots == null) {
      annots = new COSArray();
      pageDictionary.setItem(COSName.ANNOTS, annots);
    }
    annotation.setItem(COSName.P, pageDictionary);
    annots.add(annotation);
    annots.setNeedToBeUpdated(true);
    annotation.setNeedToBeUpdated(true);
    pageDictionary.setNeedToBeUpdated(true);
  }

  private static void addField(PDDocument doc, COSDictionary field) {
    COSDictionary form = doc.getDocumentCatalog().getAcroForm(null).getCOSObject();
    COSArray fields = form.getCOSArray(COSName.FIELDS);
    fields.add(field);
    fields.setNeedToBeUpdated(true);
    field.setNeedToBeUpdated(true);
    form.setNeedToBeUpdated(true);
    doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
  }

  private static int annotationCount(PDPage page) {
    COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
    return annots == null ? 0 : annots.size();
  }

  private static boolean hasSubtype(PDPage page, String subtype) {
    for (int i = 0; i < annotationCount(page); i++) {
      if (COSName.getPDFName(subtype).equals(annotationAt(page, i).getCOSName(COSName.SUBTYPE))) {
        return true;
      }
    }
    return false;
  }

  private static COSDictionary annotationAt(PDPage page, int index) {
    COSBase item = page.getCOSObject().getCOSArray(COSName.ANNOTS).get(index);
    return (COSDictionary) (item instanceof COSObject object ? object.getObject() : item);
  }

  /** A page's last annotation. */
  private static COSDictionary lastAnnotation(PDPage page) {
    return annotationAt(page, annotationCount(page) - 1);
  }

  /**
   * What {@code ArchiveRevisions} takes for a document timestamp: a signature field whose value is
   * typed DocTimeStamp with the RFC 3161 sub-filter, on a zero-area (here: any) rectangle. No
   * /ByteRange and no /Contents.
   */
  private static COSDictionary timestampLookalike(PDDocument doc, PDRectangle rect) {
    COSDictionary value = new COSDictionary();
    value.setItem(COSName.TYPE, COSName.DOC_TIME_STAMP);
    value.setItem(COSName.FILTER, COSName.ADOBE_PPKLITE);
    value.setItem(COSName.SUB_FILTER, LongTermValidation.RFC3161);
    COSDictionary field = new COSDictionary();
    field.setItem(COSName.TYPE, COSName.ANNOT);
    field.setItem(COSName.SUBTYPE, COSName.WIDGET);
    field.setItem(COSName.FT, COSName.SIG);
    field.setString(COSName.T, "Archive timestamp 9");
    field.setItem(COSName.F, COSInteger.get(4));
    field.setItem(COSName.RECT, rect.getCOSArray());
    field.setItem(COSName.V, value);
    return field;
  }

  private static COSDictionary appearance(PDDocument doc, float width, float height, String text)
      throws Exception {
    PDAppearanceStream stream = new PDAppearanceStream(doc);
    stream.setBBox(new PDRectangle(width, height));
    stream.setResources(new PDResources());
    try (PDPageContentStream content = new PDPageContentStream(doc, stream)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
      content.newLineAtOffset(4, height / 2);
      content.showText(text);
      content.endText();
    }
    COSDictionary ap = new COSDictionary();
    ap.setItem(COSName.N, stream);
    return ap;
  }

  private static COSDictionary javaScript(String script) {
    COSDictionary action = new COSDictionary();
    action.setItem(COSName.TYPE, COSName.getPDFName("Action"));
    action.setItem(COSName.S, COSName.JAVA_SCRIPT);
    action.setString(COSName.JS, script);
    return action;
  }

  private static PDComplexFileSpecification fileSpecification(
      PDDocument doc, String name, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    PDEmbeddedFile file =
        new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
    file.setSubtype("application/json");
    file.setSize(bytes.length);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    return spec;
  }

  private static java.util.Set<String> attachmentNames(PDDocument doc) throws Exception {
    PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
    PDNameTreeNode<PDComplexFileSpecification> leaf = leaf(tree);
    return leaf.getNames().keySet();
  }

  private static String attachmentText(PDDocument doc, String name) throws Exception {
    PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
    PDNameTreeNode<PDComplexFileSpecification> leaf = leaf(tree);
    PDComplexFileSpecification spec = leaf.getNames().get(name);
    return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }

  private static PDNameTreeNode<PDComplexFileSpecification> leaf(
      PDNameTreeNode<PDComplexFileSpecification> tree) throws Exception {
    return tree.getNames() == null ? tree.getKids().get(0) : tree;
  }

  private static String xmp(PDDocument doc) throws Exception {
    try (var in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
