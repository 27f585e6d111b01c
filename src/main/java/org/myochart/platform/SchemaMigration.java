package org.myochart.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, with the versioned SQL scripts
 * under {@code db/migration}. JPA never generates schema; these scripts are the only source of it,
 * and they are written once for both H2 and PostgreSQL.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DataSources.CLINIC)
  private DataSource dataSource;

  private volatile String currentVersion;

  private volatile RuntimeRole runtimeRole = RuntimeRole.NOT_CHECKED;

  public void migrate() {
    DatabaseLocation database = DatabaseLocation.configured();
    Optional<DatabaseLocation> owner = database.schemaOwner();
    List<String> locations = new ArrayList<>();
    // Shared scripts, plus those only one database understands (PostgreSQL's triggers).
    locations.add("classpath:db/migration");
    locations.add("classpath:db/vendor/" + (database.isEmbedded() ? "h2" : "postgresql"));
    FluentConfiguration flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .validateMigrationNaming(true)
            .cleanDisabled(true);
    if (owner.isPresent()) {
      requirePlainRoleName(database.user());
      // The owner migrates, then grants the application's role what it may do (ADR-061).
      locations.add("classpath:db/roles/postgresql");
      flyway
          .dataSource(owner.get().url(), owner.get().user(), owner.get().password())
          .placeholders(Map.of("runtime_role", sqlText(database.user())));
    } else {
      flyway.dataSource(dataSource);
    }
    MigrateResult result = flyway.locations(locations.toArray(String[]::new)).load().migrate();
    currentVersion =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + currentVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied on "
                + DatabaseLocation.configured().describe()
                + ")");
  }

  /**
   * The runtime role's name goes into the grants' SQL: only plain names (letters, digits, {@code
   * _}, {@code .}, {@code -}) are accepted, and one must be given when an owner migrates.
   */
  static void requirePlainRoleName(String role) {
    if (role == null || !role.matches("[A-Za-z0-9_.\\-]{1,63}")) {
      throw new IllegalArgumentException(
          "MYOCHART_DB_USER must name the role MyoChart works as (letters, digits, _ . -, at most"
              + " 63) when MYOCHART_DB_OWNER_USER is set; it was "
              + (role == null || role.isEmpty() ? "empty" : "\"" + role + "\""));
    }
  }

  /** A text literal for SQL: the value in single quotes, any quote in it doubled. */
  static String sqlText(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * Looks at the role the application runs as, once after migrating: on PostgreSQL it should
   * neither be a superuser nor own the tables it writes (ADR-061). Logs a warning when it is.
   */
  public RuntimeRole checkRuntimeRole() {
    try (Connection connection = dataSource.getConnection()) {
      runtimeRole = RuntimeRole.of(connection);
    } catch (SQLException e) {
      runtimeRole = RuntimeRole.NOT_CHECKED;
    }
    runtimeRole.warning().ifPresent(LOG::warning);
    return runtimeRole;
  }

  /** What {@link #checkRuntimeRole()} found. */
  public RuntimeRole runtimeRole() {
    return runtimeRole;
  }

  public boolean isDone() {
    return currentVersion != null;
  }

  public String currentVersion() {
    return currentVersion;
  }

  /** The database's product name, if it answers a validity check within the given seconds. */
  public String answeringDatabase(int seconds) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(seconds)) {
        throw new SQLTimeoutException("The database did not answer within " + seconds + " seconds");
      }
      return connection.getMetaData().getDatabaseProductName();
    }
  }
}
