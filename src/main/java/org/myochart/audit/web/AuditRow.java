package org.myochart.audit.web;

import java.io.Serializable;

/**
 * One audit entry as the owner's audit page shows it: in the clinic's time, with names and words
 * instead of usernames, ids, action names and JSON (see {@code AuditEntryText}).
 */
public record AuditRow(
    long id,
    String clinicTime,
    String utcTime,
    String actor,
    String who,
    String role,
    String action,
    String record,
    String recordType,
    String recordId,
    String client,
    String detail,
    String ipAddress,
    String userAgent)
    implements Serializable {

  /** Details longer than this fold away behind their beginning. */
  static final int SHORT_DETAIL = 160;

  public boolean hasHistory() {
    return recordType != null && recordId != null;
  }

  public boolean longDetail() {
    return detail.length() > SHORT_DETAIL;
  }

  /** The beginning of a long detail, cut at a word where one is near. */
  public String detailStart() {
    if (!longDetail()) {
      return detail;
    }
    int cut = detail.lastIndexOf(' ', 120);
    return detail.substring(0, cut > 80 ? cut : 120) + " …";
  }
}
