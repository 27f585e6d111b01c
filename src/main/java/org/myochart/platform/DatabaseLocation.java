package org.myochart.platform;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where MyoChart keeps its data: an H2 file database inside the data directory unless a database
 * URL is configured. Only H2 and PostgreSQL URLs are accepted, so a typo fails loudly at start-up
 * instead of half-working.
 */
public record DatabaseLocation(String url, String user, String password) {

  public static final String DEFAULT_DATA_DIR = "data";

  public DatabaseLocation {
    Objects.requireNonNull(url, "url");
    if (!isH2(url) && !isPostgres(url)) {
      throw new IllegalArgumentException(
          "MYOCHART_DB_URL must start with jdbc:postgresql: or jdbc:h2: but was: " + redact(url));
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** Reads the location from system properties or environment variables. */
  public static DatabaseLocation configured() {
    return from(
        Setting.DATA_DIR.value().orElse(DEFAULT_DATA_DIR),
        Setting.DB_URL.value().orElse(null),
        Setting.DB_USER.value().orElse(null),
        Setting.DB_PASSWORD.value().orElse(null));
  }

  /**
   * The same database under the role that owns its schema and runs the migrations ({@code
   * MYOCHART_DB_OWNER_USER} and {@code MYOCHART_DB_OWNER_PASSWORD}, ADR-061), when one is
   * configured for PostgreSQL. Without it the application's own role migrates and owns the schema,
   * as before.
   */
  public Optional<DatabaseLocation> schemaOwner() {
    return schemaOwner(
        Setting.DB_OWNER_USER.value().orElse(null), Setting.DB_OWNER_PASSWORD.value().orElse(null));
  }

  Optional<DatabaseLocation> schemaOwner(String ownerUser, String ownerPassword) {
    if (isEmbedded() || ownerUser == null || ownerUser.isBlank() || ownerUser.equals(user)) {
      return Optional.empty();
    }
    return Optional.of(new DatabaseLocation(url, ownerUser, ownerPassword));
  }

  static DatabaseLocation from(String dataDir, String url, String user, String password) {
    if (url != null) {
      // H2 takes whatever user first creates the file; always use the same one for it.
      return new DatabaseLocation(
          isH2(url) ? writtenAtCommit(url) : url,
          user == null && isH2(url) ? "sa" : user,
          password);
    }
    Path database = dataDirectory(dataDir).resolve("db").resolve("myochart");
    return new DatabaseLocation(
        writtenAtCommit("jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE"),
        user == null ? "sa" : user,
        password);
  }

  /**
   * H2 writes committed transactions to its file in the background, up to half a second later by
   * default, so a killed server could lose a save the person was told had succeeded. WRITE_DELAY=0
   * writes each commit before it returns (NoteSaveFaultIT kills the server to check). A URL that
   * sets WRITE_DELAY itself keeps its own value.
   */
  static String writtenAtCommit(String h2Url) {
    return h2Url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")
        ? h2Url
        : h2Url + ";WRITE_DELAY=0";
  }

  /**
   * The data directory as an absolute path; relative paths are taken from the working directory.
   */
  public static Path dataDirectory(String configured) {
    return Path.of(configured).toAbsolutePath().normalize();
  }

  public static Path dataDirectory() {
    return dataDirectory(Setting.DATA_DIR.value().orElse(DEFAULT_DATA_DIR));
  }

  public boolean isEmbedded() {
    return isH2(url);
  }

  public Properties credentials() {
    Properties properties = new Properties();
    if (!user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  /** The URL without anything after '?' or ';', which may carry credentials. */
  public String describe() {
    return redact(url);
  }

  private static String redact(String url) {
    int cut = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return url.substring(0, cut);
  }

  private static boolean isH2(String url) {
    return url.startsWith("jdbc:h2:");
  }

  private static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:");
  }

  @Override
  public String toString() {
    return "DatabaseLocation[" + describe() + ", user=" + user + "]";
  }
}
