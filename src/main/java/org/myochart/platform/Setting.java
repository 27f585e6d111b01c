package org.myochart.platform;

import java.util.Optional;

/**
 * A start-up setting read before MicroProfile Config is ready for the application (the data source
 * is created earlier than that). A JVM system property ({@code -Dmyochart.db.url=...}) wins over
 * the environment variable ({@code MYOCHART_DB_URL}), as in MicroProfile Config itself.
 */
public enum Setting {
  DATA_DIR("myochart.data.dir"),
  DB_URL("myochart.db.url"),
  DB_USER("myochart.db.user"),
  DB_PASSWORD("myochart.db.password"),
  /** The PostgreSQL role that owns the schema and runs the migrations (issue 20, ADR-061). */
  DB_OWNER_USER("myochart.db.owner.user"),
  DB_OWNER_PASSWORD("myochart.db.owner.password");

  private final String propertyName;

  Setting(String propertyName) {
    this.propertyName = propertyName;
  }

  public String propertyName() {
    return propertyName;
  }

  public String environmentName() {
    return propertyName.toUpperCase().replace('.', '_').replace('-', '_');
  }

  public Optional<String> value() {
    String fromProperty = System.getProperty(propertyName);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(fromProperty.trim());
    }
    String fromEnvironment = System.getenv(environmentName());
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment.trim());
    }
    return Optional.empty();
  }
}
