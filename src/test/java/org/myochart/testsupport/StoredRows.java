package org.myochart.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts rows in a running clinic's database, to show what a request did or did not store. */
public final class StoredRows {

  private StoredRows() {}

  /** {@code select count(*) from <table> where <condition>} with the given parameters. */
  public static long count(
      RunningClinic clinic, String table, String condition, Object... parameters) {
    String sql = "select count(*) from " + table + (condition == null ? "" : " where " + condition);
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of the first row of a query, such as {@code select min(id) from client}. */
  public static long number(RunningClinic clinic, String sql, Object... parameters) {
    return firstColumn(clinic, sql, parameters, rows -> rows.getLong(1));
  }

  /** The first column of the first row as text, such as an audit entry's detail. */
  public static String text(RunningClinic clinic, String sql, Object... parameters) {
    return firstColumn(clinic, sql, parameters, rows -> rows.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private static <T> T firstColumn(
      RunningClinic clinic, String sql, Object[] parameters, Column<T> column) {
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("No row for " + sql);
        }
        return column.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static long clientsNamed(RunningClinic clinic, String lastName) {
    return count(clinic, "client", "last_name = ?", lastName);
  }
}
