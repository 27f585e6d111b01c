package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReferralLetterTest {

  @Test
  void letterNamesTheClientTheFlagsAndThatMassageWaits() throws Exception {
    byte[] pdf =
        ReferralLetter.render(
            "Harbourside Migraine Massage",
            Fixtures.client(),
            EnumSet.of(RedFlag.THUNDERCLAP, RedFlag.NEUROLOGICAL),
            "Tomás Reyes, LMT",
            LocalDate.of(2026, 11, 21));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Anna Bergström, born 12 April 1986"), text);
      assertTrue(text.contains("the worst you have ever had"));
      assertTrue(text.contains("trouble speaking"));
      assertTrue(text.contains("will not do so until you have assessed"));
      assertTrue(text.contains("Tomás Reyes"));
      assertTrue(text.contains("Dr. Lund"));
    }
  }

  @Test
  void charactersTheFontCannotShowArePrintedAsQuestionMarks() {
    Client client =
        new Client(Fixtures.details("李", "Nguyễn", LocalDate.of(1990, 1, 1)), false, Fixtures.T0);

    byte[] pdf =
        ReferralLetter.render(
            "Clinic", client, EnumSet.of(RedFlag.WORSENING), "T", LocalDate.of(2026, 1, 1));

    assertTrue(pdf.length > 500);
  }
}
