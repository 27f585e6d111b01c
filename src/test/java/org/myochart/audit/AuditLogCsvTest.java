package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AuditLogCsvTest {

  @Test
  void aHostileUserNameAndUserAgentTypedAtSignInComeOutAsTextNotFormulas() throws Exception {
    AuditLine failedSignIn =
        new AuditLine(
            41,
            Instant.parse("2026-03-02T09:00:00Z"),
            "=HYPERLINK(\"https://evil.example\",\"open\")",
            null,
            "LOGIN_FAILED",
            null,
            null,
            null,
            "203.0.113.9",
            "+cmd|' /C calc'!A0",
            "a".repeat(64),
            "b".repeat(64),
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AuditLogCsv csv = new AuditLogCsv(out)) {
      csv.write(failedSignIn);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        "41,2026-03-02T09:00:00Z,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"open\"\")\",,LOGIN_FAILED,,,,"
            + "203.0.113.9,\"'+cmd|' /C calc'!A0\","
            + "a".repeat(64)
            + ","
            + "b".repeat(64),
        text.split("\r\n")[1]);
    CSVRecord line =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords()
            .get(0);
    assertEquals("'=HYPERLINK(\"https://evil.example\",\"open\")", line.get("actor"));
    assertEquals("'+cmd|' /C calc'!A0", line.get("user_agent"));
    assertEquals("LOGIN_FAILED", line.get("action"));
  }
}
