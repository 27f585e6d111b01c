package org.myochart.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable letter the client takes to their physician when screening found a red flag: who the
 * client is, what was reported, and that massage waits for the physician's clearance.
 */
public final class ReferralLetter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu");
  private static final float MARGIN = 64;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private ReferralLetter() {}

  /**
   * @param contactDetails the clinic's address, phone and licence numbers, or empty
   */
  public static byte[] render(
      String clinicName,
      String contactDetails,
      Client client,
      Set<RedFlag> flags,
      String therapist,
      LocalDate today) {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    List<Object[]> lines = new ArrayList<>();
    lines.add(new Object[] {bold, 16f, clinicName});
    if (!contactDetails.isEmpty()) {
      lines.add(new Object[] {regular, 10f, contactDetails});
    }
    lines.add(new Object[] {regular, 11f, DAY.format(today)});
    lines.add(new Object[] {regular, 11f, ""});
    lines.add(
        new Object[] {
          regular,
          11f,
          "To: "
              + (client.getPhysicianName() == null
                  ? "the client's physician"
                  : client.getPhysicianName())
        });
    if (client.getPhysicianContact() != null && !client.getPhysicianContact().isBlank()) {
      lines.add(new Object[] {regular, 11f, "    " + client.getPhysicianContact()});
    }
    lines.add(
        new Object[] {
          bold, 12f, "Re: " + client.getFullName() + ", born " + DAY.format(client.getDateOfBirth())
        });
    lines.add(new Object[] {regular, 11f, ""});
    lines.add(new Object[] {regular, 11f, "Dear colleague,"});
    lines.add(
        new Object[] {
          regular,
          11f,
          "Your patient came to us for therapeutic massage as complementary care for headaches. "
              + "Our screening before treatment found the following warning signs, which call for a medical evaluation "
              + "before any massage:"
        });
    for (RedFlag flag : flags) {
      lines.add(new Object[] {regular, 11f, "  \u2022 " + flag.question()});
    }
    lines.add(new Object[] {regular, 11f, ""});
    lines.add(
        new Object[] {
          regular,
          11f,
          "We have not treated your patient and will not do so until you have assessed these signs. "
              + "If massage is appropriate, a short note or letter stating so, with any restrictions (for example on neck "
              + "techniques or pressure), lets us continue safely."
        });
    lines.add(new Object[] {regular, 11f, ""});
    lines.add(
        new Object[] {
          regular,
          11f,
          "If your record system reads HL7 FHIR R4, we can send your patient's record with us (intake,"
              + " consents and signed treatment notes) as a FHIR Bundle: ask us for the export for"
              + " physicians."
        });
    lines.add(new Object[] {regular, 11f, ""});
    lines.add(new Object[] {regular, 11f, "Kind regards,"});
    lines.add(new Object[] {regular, 11f, therapist});
    lines.add(new Object[] {regular, 11f, clinicName});
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Referral for medical evaluation: " + client.getFullName());
      info.setCreator("MyoChart");
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        float y = PDRectangle.A4.getHeight() - MARGIN;
        for (Object[] line : lines) {
          PDType1Font font = (PDType1Font) line[0];
          float size = (Float) line[1];
          for (String row : wrap(printable(font, (String) line[2]), font, size)) {
            y -= size * 1.45f;
            text.beginText();
            text.setFont(font, size);
            text.newLineAtOffset(MARGIN, y);
            text.showText(row);
            text.endText();
          }
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The referral letter could not be written", e);
    }
  }

  /** Replaces what the standard font cannot show, so any name prints. */
  static String printable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              try {
                font.encode(ch);
                out.append(ch);
              } catch (IOException | IllegalArgumentException unsupported) {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
    List<String> rows = new ArrayList<>();
    if (text.isEmpty()) {
      rows.add("");
      return rows;
    }
    StringBuilder row = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = row.length() == 0 ? word : row + " " + word;
      if (font.getStringWidth(candidate) / 1000 * size > WIDTH && row.length() > 0) {
        rows.add(row.toString());
        row = new StringBuilder(word);
      } else {
        row = new StringBuilder(candidate);
      }
    }
    rows.add(row.toString());
    return rows;
  }
}
