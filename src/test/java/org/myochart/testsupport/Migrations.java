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

  public static String latestVersion() {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return Integer.toString(files.map(f -> VERSION.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .max()
          .orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
