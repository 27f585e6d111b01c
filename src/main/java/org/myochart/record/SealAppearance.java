package org.myochart.record;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * What the seal looks like on paper: a thin box across the foot of the last page, below the
 * record's text, naming who sealed it, when, why, and the start of the certificate's SHA-256
 * fingerprint. The text is set in embedded DejaVu so that the record stays PDF/A.
 */
final class SealAppearance {

  static final float BOTTOM = 12;
  static final float HEIGHT = 30;
  private static final float PADDING = 6;
  private static final float LARGEST = 7.5f;
  private static final float SMALLEST = 5;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final List<String> lines;

  private SealAppearance(List<String> lines) {
    this.lines = lines;
  }

  static SealAppearance of(
      String sealedBy,
      Instant when,
      String reason,
      X509Certificate certificate,
      boolean timestamped) {
    String stamp = timestamped ? " · time-stamped by a timestamp authority (RFC 3161)" : "";
    return new SealAppearance(
        List.of(
            "Digitally sealed by " + sealedBy + " · " + UTC.format(when),
            reason + " · certificate SHA-256 " + fingerprintPrefix(certificate) + stamp));
  }

  List<String> lines() {
    return lines;
  }

  /**
   * The first eight bytes of the certificate's SHA-256 fingerprint, as certificate viewers show
   * them.
   */
  static String fingerprintPrefix(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest, 0, 8) + "…";
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("Could not fingerprint the sealing certificate", e);
    }
  }

  /**
   * Puts the widget at the foot of its page, printable, with this appearance. The font is subset
   * when the document is saved, so the faces must stay borrowed until then.
   */
  void applyTo(PDAnnotationWidget widget, PDDocument doc, DejaVuFaces faces) throws IOException {
    float width = RecordPdf.WIDTH;
    widget.setRectangle(new PDRectangle(RecordPdf.MARGIN, BOTTOM, width, HEIGHT));
    widget.setPrinted(true);
    widget.setHidden(false);
    widget.setNoView(false);
    widget.setInvisible(false);

    PDAppearanceStream appearance = new PDAppearanceStream(doc);
    appearance.setBBox(new PDRectangle(width, HEIGHT));
    appearance.setResources(new PDResources());
    PDType0Font font = faces.regular(doc);
    try (PDPageContentStream stream = new PDPageContentStream(doc, appearance)) {
      stream.setStrokingColor(0.35f, 0.35f, 0.4f);
      stream.setLineWidth(0.6f);
      stream.addRect(0.3f, 0.3f, width - 0.6f, HEIGHT - 0.6f);
      stream.stroke();
      stream.setNonStrokingColor(0.1f, 0.1f, 0.15f);
      float baseline = HEIGHT - PADDING - LARGEST;
      for (String line : lines) {
        String printable = faces.printable(line, false);
        float size = fittingSize(printable, font, width - 2 * PADDING);
        String shown = shortened(printable, font, size, width - 2 * PADDING);
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(PADDING, baseline);
        stream.showText(shown);
        stream.endText();
        baseline -= LARGEST + 2.5f;
      }
    }
    PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
    dictionary.setNormalAppearance(appearance);
    widget.setAppearance(dictionary);
    widget.getCOSObject().setNeedToBeUpdated(true);
  }

  private static float fittingSize(String text, PDType0Font font, float room) throws IOException {
    float width = font.getStringWidth(text) / 1000 * LARGEST;
    return width <= room ? LARGEST : Math.max(SMALLEST, LARGEST * room / width);
  }

  /** A line too long even in the smallest size loses its end, marked with an ellipsis. */
  private static String shortened(String text, PDType0Font font, float size, float room)
      throws IOException {
    if (font.getStringWidth(text) / 1000 * size <= room) {
      return text;
    }
    String shown = text;
    while (shown.length() > 1 && font.getStringWidth(shown + "…") / 1000 * size > room) {
      shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
    }
    return shown + "…";
  }
}
