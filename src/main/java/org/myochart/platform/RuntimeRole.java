package org.myochart.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The database role the running application connects as, and whether it holds more power than it
 * needs (ADR-061): on PostgreSQL a superuser or the owner of the clinic's tables can disable the
 * triggers that keep records and the audit trail append-only. On H2 there is one user and nothing
 * to compare, so the role is reported as embedded.
 *
 * @param name the role's name, or empty when not known
 * @param superuser whether it is a PostgreSQL superuser, or may create roles
 * @param ownedTables how many tables of the current schema it owns, itself or as a member of their
 *     owner's role
 * @param checked whether the database was asked at all
 * @param embedded whether the database is the embedded H2 file
 */
public record RuntimeRole(
    String name, boolean superuser, int ownedTables, boolean checked, boolean embedded) {

  public static final RuntimeRole NOT_CHECKED = new RuntimeRole("", false, 0, false, false);

  /** Asks the database who this connection is. */
  static RuntimeRole of(Connection connection) throws SQLException {
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      return new RuntimeRole(connection.getMetaData().getUserName(), false, 0, true, true);
    }
    try (PreparedStatement query =
            connection.prepareStatement(
                // Owning a table includes being a member of its owner's role (SET ROLE reaches
                // it); creating roles is as good as being able to make oneself such a member.
                "select current_user,"
                    + " (select rolsuper or rolcreaterole from pg_roles where rolname = current_user),"
                    + " (select count(*) from pg_tables where schemaname = current_schema()"
                    + "    and pg_has_role(current_user, tableowner, 'MEMBER'))");
        ResultSet row = query.executeQuery()) {
      row.next();
      return new RuntimeRole(row.getString(1), row.getBoolean(2), row.getInt(3), true, false);
    }
  }

  /** Whether the role could switch off the database's own protection of records. */
  public boolean tooPowerful() {
    return checked && !embedded && (superuser || ownedTables > 0);
  }

  /** What an operator should be told, when the role is too powerful. */
  public Optional<String> warning() {
    if (!tooPowerful()) {
      return Optional.empty();
    }
    return Optional.of(
        "MyoChart connects to PostgreSQL as "
            + (superuser ? "the superuser (or role creator) " : "")
            + name
            + (ownedTables > 0 ? ", which owns " + ownedTables + " of its tables" : "")
            + ": this role can disable the triggers that keep signed records and the audit trail"
            + " unchanged. Run the migrations as an owner role (MYOCHART_DB_OWNER_USER) and connect"
            + " as a role without those rights (docs/operations.md, \"Database roles\").");
  }
}
