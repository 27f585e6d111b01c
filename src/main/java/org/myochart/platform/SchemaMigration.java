package org.myochart.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

  public void migrate() {
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Shared scripts, plus those only one database understands (PostgreSQL's triggers).
            .locations(
                "classpath:db/migration",
                "classpath:db/vendor/"
                    + (DatabaseLocation.configured().isEmbedded() ? "h2" : "postgresql"))
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load()
            .migrate();
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
