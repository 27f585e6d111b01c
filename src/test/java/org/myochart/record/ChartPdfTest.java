package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.audit.RecordKind;
import org.myochart.platform.Sha256;
import org.myochart.testsupport.SealedPdfs;

class ChartPdfTest {

  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
  private static List<SealedRecord> records;
  private static byte[] chart;

  @BeforeAll
  static void combine() {
    SealInspectionTest.seal();
    byte[] consent =
        SealInspectionTest.sealedRecord("consent-12.json", "{\"type\":\"consent\",\"id\":12}");
    byte[] note = SealInspectionTest.sealedRecord("note-5.json", "{\"type\":\"note\",\"id\":5}");
    byte[] addendum =
        SealInspectionTest.sealedRecord("addendum-3.json", "{\"type\":\"addendum\",\"id\":3}");
    records =
        List.of(
            new SealedRecord(
                RecordKind.CONSENT, 12, 7, consent, Instant.parse("2026-10-01T09:00:00Z")),
            new SealedRecord(
                RecordKind.SOAP_NOTE, 5, 7, note, Instant.parse("2026-10-02T11:00:00Z")),
            new SealedRecord(
                RecordKind.NOTE_ADDENDUM, 3, 7, addendum, Instant.parse("2026-10-03T08:30:00Z")));
    byte[] combined =
        ChartPdf.combine(
            "Harbourside Migraine Massage",
            new ChartPdf.ChartClient(7, "Anna Bergström", "1988-04-02"),
            records,
            ZoneId.of("Europe/Oslo"),
            NOW);
    chart =
        PadesSeal.seal(
            combined,
            SealInspectionTest.identity,
            "Harbourside Migraine Massage",
            "Chart exported",
            NOW);
  }

  @Test
  void theCoverListsEveryRecordWithItsFingerprintAndThePagesFollowInSigningOrder()
      throws Exception {
    try (PDDocument doc = Loader.loadPDF(chart)) {
      assertEquals(4, doc.getNumberOfPages());
      PDFTextStripper cover = new PDFTextStripper();
      cover.setEndPage(1);
      String text = cover.getText(doc);
      assertTrue(text.contains("Anna Bergström"), text);
      assertTrue(text.contains("Consent 12"), text);
      assertTrue(text.contains(records.get(1).getSha256()), text);
    }
  }

  @Test
  void eachRecordHasABookmarkOnItsFirstPage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(chart)) {
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
        assertTrue(doc.getPages().indexOf(item.findDestinationPage(doc)) > 0);
      }
      assertEquals(3, titles.size());
      assertTrue(titles.get(0).startsWith("Consent 12"), titles.toString());
      assertTrue(titles.get(1).startsWith("SOAP note 5"), titles.toString());
      assertTrue(titles.get(2).startsWith("Addendum 3"), titles.toString());
    }
  }

  @Test
  void theOriginalsAreAttachedUnchangedAndStillVerify() throws Exception {
    try (PDDocument doc = Loader.loadPDF(chart)) {
      var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      assertEquals(
          List.of("addendum-3.pdf", "chart-7.json", "consent-12.pdf", "note-5.pdf"),
          new ArrayList<>(files.keySet()));
      byte[] consent = files.get("consent-12.pdf").getEmbeddedFile().toByteArray();
      assertArrayEquals(records.get(0).pdf(), consent);
      assertEquals(records.get(0).getSha256(), Sha256.of(consent));
      assertTrue(SealedPdfs.signatureValid(consent));
    }
  }

  @Test
  void theCombinedFileCarriesOneValidSealOfItsOwn() {
    SealInspection.Findings findings = SealInspection.inspect(chart);

    assertEquals(1, findings.signatures().size());
    assertTrue(findings.allValid());
    assertTrue(findings.intact());
    assertEquals(SealInspection.CHART, findings.recordType());
    assertEquals(7L, findings.recordId());
  }

  @Test
  void theCombinedFileIsPdfA3b() throws Exception {
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(chart));
  }
}
