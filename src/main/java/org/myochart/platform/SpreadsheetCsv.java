package org.myochart.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV in UTF-8 that a spreadsheet opens as text, never as a formula. Every CSV MyoChart
 * writes goes through here, because some of its cells are typed by strangers: a user name or a
 * browser's user agent at sign-in. A cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is one that Excel, LibreOffice or Google Sheets may run as
 * a formula (OWASP, "CSV Injection"), so it is written with one leading apostrophe and always in
 * quotes. The rule looks only at the text, so a negative number would be prefixed too; none of the
 * columns written today holds one. To read the raw value, strip one leading apostrophe from a cell
 * whose second character is one of those six.
 */
public final class SpreadsheetCsv implements Closeable {

  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final CSVFormat PLAIN = CSVFormat.RFC4180;
  private static final CSVFormat QUOTED = PLAIN.builder().setQuoteMode(QuoteMode.ALL).get();

  private final Writer out;

  /** Starts a CSV on {@code out} with its header line; closing it closes {@code out}. */
  public SpreadsheetCsv(OutputStream out, String... header) throws IOException {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    printRecord((Object[]) header);
  }

  /**
   * The cell as a spreadsheet may safely open it: prefixed with {@code '} if it could start a
   * formula.
   */
  public static String neutralised(String cell) {
    return couldStartFormula(cell) ? "'" + cell : cell;
  }

  private static boolean couldStartFormula(String cell) {
    return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
  }

  public void printRecord(Object... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      String cell = values[i] == null ? null : values[i].toString();
      if (couldStartFormula(cell)) {
        QUOTED.print(neutralised(cell), out, i == 0);
      } else {
        PLAIN.print(cell, out, i == 0);
      }
    }
    PLAIN.println(out);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
