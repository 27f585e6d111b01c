package org.myochart.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The schema version the build's migration scripts lead to. */
public final class Migrations {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  private Migrations() {}

  /** The highest version among the shared scripts and those for the database under test. */
  public static String latestVersion() {
    Path vendor =
        Path.of("src/main/resources/db/vendor", TestDatabase.isPostgres() ? "postgresql" : "h2");
    try (Stream<Path> files =
        Stream.concat(
            Files.list(Path.of("src/main/resources/db/migration")),
            Files.exists(vendor) ? Files.list(vendor) : Stream.empty())) {
      return Integer.toString(
          files
              .map(f -> VERSION.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
