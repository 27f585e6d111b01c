package org.myochart.testsupport;

/**
 * Which database the integration tests run against: H2 files by default, PostgreSQL when Maven's
 * postgres profile passes a URL ({@code mvn verify -Ppostgres}).
 */
public final class TestDatabase {

  /**
   * The role test clinics connect as on PostgreSQL: created by src/test/sh/prepare-test-machine.sh
   * with payara-config/create-database-roles.sql, without a password (the test server trusts local
   * connections), granted its rights by the migrations' owner (ADR-061).
   */
  public static final String RUNTIME_ROLE = "myochart_it_app";

  /** The role that owns the test databases and migrates them, made the same way. */
  public static final String OWNER_ROLE = "myochart_it_owner";

  private TestDatabase() {}

  public static boolean isPostgres() {
    return !System.getProperty("myochart.it.dbUrl", "").isBlank();
  }

  /** The PostgreSQL URL for one database on the configured server. */
  public static String urlFor(String database) {
    String configured = System.getProperty("myochart.it.dbUrl");
    return configured.substring(0, configured.lastIndexOf('/') + 1) + database;
  }

  public static String user() {
    return System.getProperty("myochart.it.dbUser", "");
  }

  public static String password() {
    return System.getProperty("myochart.it.dbPassword", "");
  }
}
