package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCsvTest {

  private static String written(Object... cells) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SpreadsheetCsv csv = new SpreadsheetCsv(out, "a", "b")) {
      csv.printRecord(cells);
    }
    return out.toString(StandardCharsets.UTF_8).split("\r\n", 2)[1];
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\tsneaky",
        "\rsneaky"
      })
  void aCellThatCouldStartAFormulaIsPrefixedWithAnApostrophe(String cell) {
    assertEquals("'" + cell, SpreadsheetCsv.neutralised(cell));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "owner",
        "2026-03-02T09:00:00Z",
        "3f9a0c",
        "41000",
        "Mozilla/5.0 (X11)",
        "a=b",
        "'quoted",
        " =spaced",
        ""
      })
  void aHarmlessCellIsLeftAsItIs(String cell) {
    assertEquals(cell, SpreadsheetCsv.neutralised(cell));
  }

  @Test
  void nothingIsLeftNothing() {
    assertNull(SpreadsheetCsv.neutralised(null));
  }

  @Test
  void aNeutralisedCellIsAlwaysQuotedAndOthersOnlyWhenTheyMustBe() throws Exception {
    assertEquals("\"'=1+2\",plain\r\n", written("=1+2", "plain"));
    assertEquals("\"'@x\",\"a,b\"\r\n", written("@x", "a,b"));
    assertEquals("\"'-5\",7\r\n", written(-5, 7));
    assertEquals(",\"'\t1\"\r\n", written(null, "\t1"));
  }

  @Test
  void aCsvReaderGetsTheApostropheAndTheWholeValueBack() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SpreadsheetCsv csv = new SpreadsheetCsv(out, "actor", "user_agent")) {
      csv.printRecord("=cmd|' /C calc'!A0,\"x\"", "+1\r\n=2");
    }
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
            .getRecords();
    assertEquals("'=cmd|' /C calc'!A0,\"x\"", records.get(0).get("actor"));
    assertEquals("'+1\r\n=2", records.get(0).get("user_agent"));
  }
}
