package org.myochart.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the audit trail straight from a running clinic's database. */
public final class AuditRows {

  private AuditRows() {}

  /** How many entries have this action and actor (and, when given, record id). */
  public static int count(RunningClinic clinic, String action, String actor, String recordId) {
    String sql = "select count(*) from audit_entry where action = ? and actor = ?"
        + (recordId == null ? "" : " and record_id = ?");
    try (Connection db = clinic.database(); PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, action);
      query.setString(2, actor);
      if (recordId != null) {
        query.setString(3, recordId);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
