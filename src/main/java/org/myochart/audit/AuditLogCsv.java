package org.myochart.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.myochart.platform.SpreadsheetCsv;

/**
 * Audit entries as RFC 4180 CSV in UTF-8, one line per entry with its id and both hashes, so that
 * an auditor can check the chain outside MyoChart. The owner's audit page and the bulk export's
 * {@code audit-log.csv} share these columns and this writer. Cells that a spreadsheet could run as
 * a formula are prefixed with {@code '} (see {@link SpreadsheetCsv}); the entry hash is computed
 * over the stored entry, not over this file.
 */
public final class AuditLogCsv implements Closeable {

  public static final String[] HEADER = {
    "id",
    "occurred_at",
    "actor",
    "actor_role",
    "action",
    "record_type",
    "record_id",
    "detail",
    "ip_address",
    "user_agent",
    "previous_hash",
    "entry_hash"
  };

  private final SpreadsheetCsv csv;

  public AuditLogCsv(OutputStream out) throws IOException {
    csv = new SpreadsheetCsv(out, HEADER);
  }

  public void write(AuditLine line) throws IOException {
    csv.printRecord(
        line.id(),
        line.occurredAt().toString(),
        line.actor(),
        line.actorRole(),
        line.action(),
        line.recordType(),
        line.recordId(),
        line.detail(),
        line.ipAddress(),
        line.userAgent(),
        line.previousHash(),
        line.entryHash());
  }

  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
