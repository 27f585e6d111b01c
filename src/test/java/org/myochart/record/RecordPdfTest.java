package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.SealedPdfs;

class RecordPdfTest {

  private static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");
  private static final String STROKES =
      "{\"lines\":[[[20,80],[40,60.5],[60,95],[80,70],[100,82.25]],[[130,40]],"
          + "[[150,90],[170,60],[190,88],[230,75]]]}";

  private static byte[] consent(String client, String body) {
    return new RecordPdf()
        .add(RecordPdf.Style.TITLE, "Signed consent · " + client)
        .add(RecordPdf.Style.TEXT, body)
        .signature(SignatureInk.fromJson(STROKES).orElseThrow(), 200)
        .field("Signed by", client)
        .render(
            "Consent", "Harbourside Migraine Massage", "consent.json", "{}", RecordPdf.utc(SIGNED));
  }

  @Test
  void aDrawnSignatureIsVectorInkNotAnImage() throws Exception {
    byte[] pdf = consent("Anna Bergström", "Pressure stays within comfort, always.");

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      assertEquals(
          0,
          page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT) == null
              ? 0
              : page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT).size(),
          "no image in the page");
      String content =
          new String(
              page.getContents().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(
          content.contains(" l\n") && content.contains(" m\n") && content.contains("S\n"),
          "the strokes are lines");
    }
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(pdf));
  }

  @Test
  void unreadableStrokesAreLeftToTheImage() {
    assertTrue(SignatureInk.fromJson("{\"lines\":[[[1,\"two\"]]]}").isEmpty());
    assertTrue(SignatureInk.fromJson("not json").isEmpty());
    assertTrue(SignatureInk.fromJson("{\"lines\":[]}").isEmpty());
    assertTrue(SignatureInk.fromJson(null).isEmpty());
  }

  @Test
  void recordsSealedOnTwoThreadsAtOnceKeepTheirOwnTextAndStayPdfA() throws Exception {
    SigningIdentity identity = SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<byte[]>> rendered = new ArrayList<>();
      List<String> clients = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String client = (i % 2 == 0 ? "Åsa Øvergård " : "Zoë Quinn-Łukasz ") + i;
        String body =
            "Record "
                + i
                + ": "
                + "ÆØÅ äöü ß € — ".repeat(i + 1)
                + "digits 0123456789 "
                + "xyz".repeat(i);
        clients.add(client + "|" + body);
        Callable<byte[]> sealing =
            () ->
                PadesSeal.seal(
                    consent(client, body), identity, "Clinic " + client, "Consent signed", SIGNED);
        rendered.add(threads.submit(sealing));
      }
      for (int i = 0; i < rendered.size(); i++) {
        byte[] pdf = rendered.get(i).get();
        String[] expected = clients.get(i).split("\\|");
        String text = SealedPdfs.text(pdf);
        assertTrue(text.contains("Signed consent · " + expected[0]), text);
        assertTrue(text.contains(expected[1].strip().replaceAll("\\s+", " ")), text);
        assertTrue(SealedPdfs.signatureValid(pdf));
        String seal = SealedPdfs.sealAppearanceText(pdf);
        assertTrue(
            seal.startsWith("Digitally sealed by Clinic " + expected[0] + " · 2026-11-20"), seal);
        if (i >= rendered.size() - 2) {
          assertEquals(List.of(), SealedPdfs.pdfA3bFailures(pdf));
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String pageText(PDDocument doc, int page) throws Exception {
    org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  /** A long record whose headings fall at every height of a page, one of them at its foot. */
  private static byte[] longRecord() {
    RecordPdf pdf = new RecordPdf().add(RecordPdf.Style.TITLE, "Signed SOAP note · Anna");
    for (int section = 1; section <= 40; section++) {
      pdf.add(RecordPdf.Style.HEADING, "Heading " + section);
      for (int line = 0; line < section % 7; line++) {
        pdf.add(RecordPdf.Style.BOLD, "Label " + section + "." + line)
            .add(RecordPdf.Style.TEXT, "Worked the upper trapezius; pressure within comfort.");
      }
    }
    return pdf.footer("SOAP note 5 · content SHA-256 " + "ab".repeat(32))
        .render("SOAP note 5", "Harbourside", "note-5.json", "{}", RecordPdf.utc(SIGNED));
  }

  @Test
  void noHeadingOrLabelIsTheLastLineOfAPage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(longRecord())) {
      assertTrue(doc.getNumberOfPages() >= 3, "the record runs over several pages");
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        List<String> lines = pageText(doc, page).lines().filter(line -> !line.isBlank()).toList();
        // The last line is the footer; the one before it ends the page's text.
        String lastOfText = lines.get(lines.size() - 2);
        assertFalse(
            lastOfText.startsWith("Heading ") || lastOfText.startsWith("Label "),
            "page " + page + " ends with '" + lastOfText + "'");
      }
    }
  }

  @Test
  void everyPageNamesTheRecordItsFingerprintAndPageNOfM() throws Exception {
    try (PDDocument doc = Loader.loadPDF(longRecord())) {
      int pages = doc.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        String text = pageText(doc, page);
        assertTrue(text.contains("page " + page + " of " + pages), text);
        assertTrue(text.contains("SOAP note 5 · content SHA-256 " + "ab".repeat(32)), text);
      }
    }
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(longRecord()));
  }

  @Test
  void aTableIsDrawnAsRuledCellsWithEachRowOnOneLine() throws Exception {
    byte[] pdf =
        new RecordPdf()
            .add(RecordPdf.Style.HEADING, "Treated muscles")
            .table(
                List.of("Muscle", "Side", "Minutes"),
                List.of(
                    List.of("Upper trapezius", "Left", "10"),
                    List.of("Suboccipitals", "Both", "6")),
                4,
                1,
                1)
            .render("Note", "Harbourside", "note.json", "{}", RecordPdf.utc(SIGNED));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = pageText(doc, 1);
      assertTrue(text.contains("Muscle Side Minutes"), text);
      assertTrue(text.contains("Upper trapezius Left 10"), text);
      assertTrue(text.contains("Suboccipitals Both 6"), text);
      assertFalse(text.contains("|"), text);
      String content =
          new String(
              doc.getPage(0).getContents().readAllBytes(),
              java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(content.split(" re\n").length - 1 >= 9, "nine ruled cells");
    }
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(pdf));
  }
}
