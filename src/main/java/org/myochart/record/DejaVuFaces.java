package org.myochart.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans and DejaVu Sans Bold, parsed once and embedded as subsets into as many documents as
 * needed. A parsed TrueType font reads its tables lazily from one shared buffer, so one set of
 * faces must serve one document at a time: {@link Typefaces} lends them out.
 */
final class DejaVuFaces {

  private static final byte[] REGULAR =
      resource("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
  private static final byte[] BOLD =
      resource("/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");

  private final TrueTypeFont regular;
  private final TrueTypeFont bold;

  private DejaVuFaces(TrueTypeFont regular, TrueTypeFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  static DejaVuFaces parse() throws IOException {
    return new DejaVuFaces(face(REGULAR), face(BOLD));
  }

  /**
   * Without glyph substitution: for the Latin text of records it only makes ligatures, which cost a
   * fifth of the rendering time and turn "fi" into "ﬁ" when the text is copied or searched.
   */
  private static TrueTypeFont face(byte[] data) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
    font.setEnableGsub(false);
    return font;
  }

  /** The regular face for one document; only the glyphs it shows are embedded when it is saved. */
  PDType0Font regular(PDDocument doc) throws IOException {
    return PDType0Font.load(doc, regular, true);
  }

  PDType0Font bold(PDDocument doc) throws IOException {
    return PDType0Font.load(doc, bold, true);
  }

  /**
   * The text with every character the face has no glyph for replaced by '?', so that nothing is
   * dropped silently. Looked up in the font's Unicode cmap: {@code PDFont.hasGlyph} takes a
   * character code, which for these fonts is a glyph id, not a Unicode code point.
   */
  String printable(String text, boolean inBold) throws IOException {
    CmapLookup cmap = (inBold ? bold : regular).getUnicodeCmapLookup();
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              boolean drawable = !Character.isISOControl(cp) && cmap.getGlyphId(cp) > 0;
              out.append(drawable ? new String(Character.toChars(cp)) : "?");
            });
    return out.toString();
  }

  private static byte[] resource(String name) {
    try (InputStream in = DejaVuFaces.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The font " + name + " is missing from the class path (jasperreports-fonts).");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the font " + name, e);
    }
  }
}
