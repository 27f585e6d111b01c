package org.myochart.testsupport;

/**
 * Which database the integration tests run against: H2 files by default, PostgreSQL when Maven's
 * postgres profile passes a URL ({@code mvn verify -Ppostgres}).
 */
public final class TestDatabase {

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
