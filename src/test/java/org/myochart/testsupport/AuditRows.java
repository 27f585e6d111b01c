package org.myochart.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the audit trail straight from a running clinic's database. */
public final class AuditRows {

  private AuditRows() {}

  /** How many entries have this action (and, when given, this actor and record id). */
  public static int count(RunningClinic clinic, String action, String actor, String recordId) {
    return count(clinic, action, actor, null, recordId);
  }

  /**
   * How many entries have this action (and, when given, this actor, record type and record id):
   * with the type, a record of another kind that has the same id is not counted.
   */
  public static int count(
      RunningClinic clinic, String action, String actor, String recordType, String recordId) {
    String sql =
        "select count(*) from audit_entry where action = ?"
            + (actor == null ? "" : " and actor = ?")
            + (recordType == null ? "" : " and record_type = ?")
            + (recordId == null ? "" : " and record_id = ?");
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, action);
      int next = 2;
      if (actor != null) {
        query.setString(next++, actor);
      }
      if (recordType != null) {
        query.setString(next++, recordType);
      }
      if (recordId != null) {
        query.setString(next, recordId);
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
