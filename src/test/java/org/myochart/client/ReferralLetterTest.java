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
            "Strandgata 4, 5013 Bergen · phone +47 55 00 00 00",
            new Client(
                new ClientDetails(
                    "Anna",
                    "Bergström",
                    LocalDate.of(1986, 4, 12),
                    null,
                    null,
                    null,
                    null,
                    null,
                    "Dr. Lund",
                    "Legekontoret, Fjellveien 2, 5019 Bergen, +47 55 11 22 33",
                    null),
                false,
                Fixtures.T0),
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
      assertTrue(text.contains("as a FHIR Bundle: ask us for the export for physicians"), text);
      assertTrue(text.contains("Dr. Lund"));
      assertTrue(text.contains("Strandgata 4, 5013 Bergen · phone +47 55 00 00 00"), text);
      assertTrue(
          text.contains("Legekontoret, Fjellveien 2, 5019 Bergen, +47 55 11 22 33"),
          "the physician's contact details held on the client: " + text);
    }
  }

  @Test
  void charactersTheFontCannotShowArePrintedAsQuestionMarks() {
    Client client =
        new Client(Fixtures.details("李", "Nguyễn", LocalDate.of(1990, 1, 1)), false, Fixtures.T0);

    byte[] pdf =
        ReferralLetter.render(
            "Clinic", "", client, EnumSet.of(RedFlag.WORSENING), "T", LocalDate.of(2026, 1, 1));

    assertTrue(pdf.length > 500);
  }
}
