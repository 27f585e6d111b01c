package org.myochart.record;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Lays out one record as a PDF/A-3b document: text in embedded DejaVu fonts, the drawn signature as
 * vector strokes (or an image), XMP metadata and an sRGB output intent, and the record's JSON
 * source attached as an associated file. The result is then sealed by {@link PadesSeal}.
 */
public final class RecordPdf {

  static final float MARGIN = 50;
  static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  /**
   * Where the text of a page ends: above the footer line, which sits above the seal's box on the
   * last page ({@link SealAppearance}).
   */
  static final float TEXT_BOTTOM = 66;

  private static final float FOOTER_BASELINE = 50;
  private static final float FOOTER_SIZE = 7;
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /**
   * Made once: a new serializer looks up its XML factories on the class path each time. Not
   * thread-safe.
   */
  private static final XmpSerializer XMP = new XmpSerializer();

  /** How a line looks. */
  public enum Style {
    TITLE(16, true, 10),
    HEADING(12, true, 8),
    TEXT(10, false, 4),
    SMALL(8, false, 3),
    BOLD(10, true, 4);

    final float size;
    final boolean bold;
    final float spaceBefore;

    Style(float size, boolean bold, float spaceBefore) {
      this.size = size;
      this.bold = bold;
      this.spaceBefore = spaceBefore;
    }
  }

  private sealed interface Block permits Text, Image, Ink, Table {}

  /** Columns with headers and rows of cells; widths are shares of the text width. */
  private record Table(List<String> headers, List<List<String>> rows, float[] shares)
      implements Block {}

  private record Text(Style style, String text) implements Block {}

  private record Image(byte[] png, float width) implements Block {}

  private record Ink(SignatureInk strokes, float width) implements Block {}

  private final List<Block> blocks = new ArrayList<>();
  private String footer = "";

  public RecordPdf add(Style style, String text) {
    blocks.add(new Text(style, text == null ? "" : text));
    return this;
  }

  public RecordPdf field(String label, String value) {
    return add(Style.TEXT, label + ": " + (value == null || value.isBlank() ? "—" : value));
  }

  public RecordPdf image(byte[] png, float width) {
    blocks.add(new Image(png.clone(), width));
    return this;
  }

  /**
   * A table drawn with ruled cells; a row never splits across pages and the header is repeated on a
   * new page.
   *
   * @param shares each column's share of the width (any positive numbers)
   */
  public RecordPdf table(List<String> headers, List<List<String>> rows, float... shares) {
    if (shares.length != headers.size()) {
      throw new IllegalArgumentException("one share per column");
    }
    blocks.add(new Table(List.copyOf(headers), rows.stream().map(List::copyOf).toList(), shares));
    return this;
  }

  /**
   * What every page's foot says before "page N of M": the record and its fingerprint, so that a
   * loose page still names what it belongs to.
   */
  public RecordPdf footer(String text) {
    footer = text == null ? "" : text;
    return this;
  }

  /** A text attached beside the source: exactly the bytes a record's hash was taken over. */
  private record HashedText(String name, String text, String description) {}

  private final List<HashedText> hashedTexts = new ArrayList<>();

  /**
   * Attaches the exact text one of the record's hashes covers, as UTF-8, so that anyone can
   * recompute that hash from the PDF alone ({@code pdfdetach}, then {@code sha256sum}).
   */
  public RecordPdf attachHashedText(String name, String text, String description) {
    hashedTexts.add(new HashedText(name, text, description));
    return this;
  }

  /** A drawn signature as vector strokes, at most {@code width} wide. */
  public RecordPdf signature(SignatureInk strokes, float width) {
    blocks.add(new Ink(strokes, width));
    return this;
  }

  /**
   * @param source the record's machine-readable form, attached as {@code attachmentName}
   */
  public byte[] render(
      String title, String author, String attachmentName, String source, Calendar created) {
    try {
      // The faces stay borrowed until the document is saved: saving writes the font subsets.
      return Typefaces.borrow(
          faces -> {
            try (PDDocument doc = new PDDocument()) {
              new Layout(doc, faces).draw(blocks, footer);
              describe(doc, title, author, created);
              attach(doc, attachmentName, source.getBytes(StandardCharsets.UTF_8), created);
              ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
              doc.save(out);
              return out.toByteArray();
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the record PDF", e);
    }
  }

  /** Writes blocks top to bottom, wrapping words and starting new pages as needed. */
  private static final class Layout {
    private static final float TALLEST_SIGNATURE = 70;

    private final PDDocument doc;
    private final DejaVuFaces faces;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream stream;
    private float y;

    Layout(PDDocument doc, DejaVuFaces faces) throws IOException {
      this.doc = doc;
      this.faces = faces;
      this.regular = faces.regular(doc);
      this.bold = faces.bold(doc);
    }

    void draw(List<Block> blocks, String footer) throws IOException {
      newPage();
      for (int i = 0; i < blocks.size(); i++) {
        Block block = blocks.get(i);
        if (block instanceof Text text) {
          if (keptWithNext(text.style()) && i + 1 < blocks.size()) {
            // A heading or label never stands alone at the foot of a page: it moves to the next
            // page unless the start of what it introduces fits under it.
            float needed = height(text) + firstLines(blocks, i + 1);
            boolean pageIsEmpty = y >= PDRectangle.A4.getHeight() - MARGIN;
            if (y - needed < TEXT_BOTTOM && !pageIsEmpty) {
              newPage();
            }
          }
          write(text);
        } else if (block instanceof Image image) {
          // PNG data goes in as it is (no decoding and re-encoding) when the image has no
          // transparency.
          PDImageXObject picture =
              PDImageXObject.createFromByteArray(doc, image.png(), "signature.png");
          float height = image.width() * picture.getHeight() / picture.getWidth();
          makeRoom(height + 6);
          stream.drawImage(picture, MARGIN, y, image.width(), height);
        } else if (block instanceof Ink ink) {
          float height = ink.strokes().height(ink.width(), TALLEST_SIGNATURE);
          makeRoom(height + 6);
          ink.strokes().draw(stream, MARGIN, y, ink.width(), TALLEST_SIGNATURE);
        } else if (block instanceof Table table) {
          drawTable(table);
        }
      }
      stream.close();
      drawFooters(footer);
    }

    private static boolean keptWithNext(Style style) {
      return style == Style.TITLE || style == Style.HEADING || style == Style.BOLD;
    }

    private float height(Text text) throws IOException {
      PDType0Font font = text.style().bold ? bold : regular;
      float leading = text.style().size * 1.35f;
      int lines = 0;
      for (String paragraph : text.text().split("\n", -1)) {
        lines +=
            wrap(faces.printable(paragraph, text.style().bold), font, text.style().size).size();
      }
      return text.style().spaceBefore + lines * leading;
    }

    /**
     * The room the start of the block at {@code index} takes: two lines of text, a table's first
     * row; a heading or label with what follows it in turn, so that a chain stays together.
     */
    private float firstLines(List<Block> blocks, int index) throws IOException {
      Block block = blocks.get(index);
      if (block instanceof Text text && keptWithNext(text.style()) && index + 1 < blocks.size()) {
        return height(text) + firstLines(blocks, index + 1);
      }
      if (block instanceof Text text) {
        return Math.min(height(text), text.style().spaceBefore + 2 * text.style().size * 1.35f);
      }
      if (block instanceof Table table) {
        return 4
            + rowHeight(table, table.headers(), true)
            + (table.rows().isEmpty() ? 0 : rowHeight(table, table.rows().get(0), false));
      }
      if (block instanceof Ink ink) {
        return ink.strokes().height(ink.width(), TALLEST_SIGNATURE) + 6;
      }
      return 20;
    }

    private static final float CELL_SIZE = 9;
    private static final float CELL_PADDING = 3;

    private float[] columnWidths(Table table) {
      float total = 0;
      for (float share : table.shares()) {
        total += share;
      }
      float[] widths = new float[table.shares().length];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = WIDTH * table.shares()[i] / total;
      }
      return widths;
    }

    private List<List<String>> cellLines(Table table, List<String> cells, boolean header)
        throws IOException {
      PDType0Font font = header ? bold : regular;
      float[] widths = columnWidths(table);
      List<List<String>> lines = new ArrayList<>();
      for (int i = 0; i < widths.length; i++) {
        String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
        lines.add(
            wrap(faces.printable(cell, header), font, CELL_SIZE, widths[i] - 2 * CELL_PADDING));
      }
      return lines;
    }

    private float rowHeight(Table table, List<String> cells, boolean header) throws IOException {
      int most = 1;
      for (List<String> lines : cellLines(table, cells, header)) {
        most = Math.max(most, lines.size());
      }
      return most * CELL_SIZE * 1.3f + 2 * CELL_PADDING;
    }

    private void drawTable(Table table) throws IOException {
      y -= 4;
      drawRow(table, table.headers(), true);
      for (List<String> row : table.rows()) {
        if (y - rowHeight(table, row, false) < TEXT_BOTTOM) {
          newPage();
          drawRow(table, table.headers(), true);
        }
        drawRow(table, row, false);
      }
    }

    private void drawRow(Table table, List<String> cells, boolean header) throws IOException {
      float height = rowHeight(table, cells, header);
      if (y - height < TEXT_BOTTOM) {
        newPage();
      }
      float[] widths = columnWidths(table);
      List<List<String>> lines = cellLines(table, cells, header);
      float x = MARGIN;
      stream.setLineWidth(0.5f);
      for (int i = 0; i < widths.length; i++) {
        stream.addRect(x, y - height, widths[i], height);
        stream.stroke();
        float lineY = y - CELL_PADDING - CELL_SIZE;
        for (String line : lines.get(i)) {
          stream.beginText();
          stream.setFont(header ? bold : regular, CELL_SIZE);
          stream.newLineAtOffset(x + CELL_PADDING, lineY);
          stream.showText(line);
          stream.endText();
          lineY -= CELL_SIZE * 1.3f;
        }
        x += widths[i];
      }
      y -= height;
    }

    /** "page N of M" and the record's own line at the foot of every page, once all exist. */
    private void drawFooters(String footer) throws IOException {
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        String pageOf = "page " + (i + 1) + " of " + pages;
        try (PDPageContentStream foot =
            new PDPageContentStream(
                doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          String left = faces.printable(footer, false);
          foot.beginText();
          foot.setFont(regular, FOOTER_SIZE);
          foot.newLineAtOffset(MARGIN, FOOTER_BASELINE);
          foot.showText(left);
          foot.endText();
          float width = regular.getStringWidth(pageOf) / 1000 * FOOTER_SIZE;
          foot.beginText();
          foot.setFont(regular, FOOTER_SIZE);
          foot.newLineAtOffset(MARGIN + WIDTH - width, FOOTER_BASELINE);
          foot.showText(pageOf);
          foot.endText();
        }
      }
    }

    private void write(Text text) throws IOException {
      PDType0Font font = text.style().bold ? bold : regular;
      float leading = text.style().size * 1.35f;
      y -= text.style().spaceBefore;
      for (String paragraph : text.text().split("\n", -1)) {
        for (String line :
            wrap(faces.printable(paragraph, text.style().bold), font, text.style().size)) {
          if (y - leading < TEXT_BOTTOM) {
            newPage();
          }
          y -= leading;
          stream.beginText();
          stream.setFont(font, text.style().size);
          stream.newLineAtOffset(MARGIN, y);
          stream.showText(line);
          stream.endText();
        }
      }
    }

    /** Moves down by {@code height}, on a new page if this one has no room left. */
    private void makeRoom(float height) throws IOException {
      if (y - height < TEXT_BOTTOM) {
        newPage();
      }
      y -= height;
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Word widths add up (no kerning is applied), so each word is measured once. */
    private static List<String> wrap(String paragraph, PDType0Font font, float size)
        throws IOException {
      return wrap(paragraph, font, size, WIDTH);
    }

    private static List<String> wrap(String paragraph, PDType0Font font, float size, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      float space = font.getStringWidth(" ") / 1000 * size;
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (String word : paragraph.split(" ")) {
        float wordWidth = font.getStringWidth(word) / 1000 * size;
        if (line.isEmpty()) {
          line.append(word);
          lineWidth = wordWidth;
        } else if (lineWidth + space + wordWidth <= width) {
          line.append(' ').append(word);
          lineWidth += space + wordWidth;
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
          lineWidth = wordWidth;
        }
      }
      lines.add(line.toString());
      return lines;
    }
  }

  private static void describe(PDDocument doc, String title, String author, Calendar created)
      throws IOException {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    dc.addCreator(author);
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreateDate(created);
    basic.setCreatorTool("MyoChart");
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(3);
    try {
      pdfa.setConformance("B");
    } catch (org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IOException(e);
    }
    ByteArrayOutputStream serialized = new ByteArrayOutputStream();
    try {
      synchronized (XMP) {
        XMP.serialize(xmp, serialized, true);
      }
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException(e);
    }
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(serialized.toByteArray());
    doc.getDocumentCatalog().setMetadata(metadata);
    doc.getDocumentInformation().setTitle(title);
    doc.getDocumentInformation().setAuthor(author);
    doc.getDocumentInformation().setCreator("MyoChart");
    doc.getDocumentInformation().setCreationDate(created);

    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    doc.getDocumentCatalog().addOutputIntent(intent);
    doc.getDocumentCatalog().setLanguage("en");
  }

  private void attach(PDDocument doc, String name, byte[] content, Calendar created)
      throws IOException {
    Map<String, PDComplexFileSpecification> files = new java.util.LinkedHashMap<>();
    COSArray associated = new COSArray();
    PDComplexFileSpecification source =
        attachment(
            doc,
            name,
            content,
            "application/json",
            "The record's data, as stored by MyoChart",
            "Source",
            created);
    files.put(name, source);
    associated.add(source);
    for (HashedText hashed : hashedTexts) {
      PDComplexFileSpecification spec =
          attachment(
              doc,
              hashed.name(),
              hashed.text().getBytes(StandardCharsets.UTF_8),
              "text/plain",
              hashed.description(),
              "Data",
              created);
      files.put(hashed.name(), spec);
      associated.add(spec);
    }
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(files);
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
    doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
  }

  private static PDComplexFileSpecification attachment(
      PDDocument doc,
      String name,
      byte[] content,
      String type,
      String description,
      String relationship,
      Calendar created)
      throws IOException {
    PDEmbeddedFile file =
        new PDEmbeddedFile(doc, new ByteArrayInputStream(content), COSName.FLATE_DECODE);
    file.setSubtype(type);
    file.setSize(content.length);
    file.setCreationDate(created);
    file.setModDate(created);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setFileDescription(description);
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
    return spec;
  }

  /** A calendar in UTC for PDF dates. */
  public static Calendar utc(java.time.Instant instant) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }
}
