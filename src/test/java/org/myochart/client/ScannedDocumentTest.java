package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScannedDocumentTest {

  @Test
  void pdfPngAndJpegAreRecognisedByTheirBytes() {
    assertEquals(
        "application/pdf",
        ScannedDocument.of("x.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))
            .contentType());
    assertEquals(
        "image/png",
        ScannedDocument.of(
                "x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})
            .contentType());
    assertEquals(
        "image/jpeg",
        ScannedDocument.of("x.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
            .contentType());
  }

  @Test
  void fileThatClaimsToBeAPdfButIsNotIsRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScannedDocument.of(
                    "letter.pdf",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));

    assertTrue(refused.getMessage().contains("PDF, PNG or JPEG"));
  }

  @Test
  void largeAndEmptyFilesAreRefusedBeforeReading() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ScannedDocument.requireAcceptableSize(50L * 1024 * 1024));
    assertThrows(IllegalArgumentException.class, () -> ScannedDocument.requireAcceptableSize(0));
  }

  @Test
  void pathsAndControlCharactersAreRemovedFromTheName() {
    String name =
        ScannedDocument.of(
                "../../etc/pass\u0000wd.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
            .fileName();

    assertFalse(name.contains("/"));
    assertFalse(name.contains("\u0000"));
  }

  @Test
  void hashIdentifiesTheExactBytes() {
    ScannedDocument letter =
        ScannedDocument.of("a.pdf", "%PDF-1.4 abc".getBytes(StandardCharsets.US_ASCII));

    assertEquals(64, letter.sha256().length());
  }
}
