package org.myochart.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.ServerSocket;

/**
 * A MyoChart server started the way production starts it ({@code java -jar payara-micro.jar
 * --deploy myochart.war} with the {@code payara-config} command files), once per test JVM and name, and stopped when the JVM ends. HTTP and
 * browser tests share it instead of paying for a server each.
 *
 * <p>The "demo" clinic has the demo staff (owner, therapist1, therapist2, frontdesk) with {@link
 * #DEMO_PASSWORD} and a 20-second idle timeout; the "fresh" clinic has no owner yet.
 */
public final class RunningClinic {

  public static final String DEMO_PASSWORD = "calm shoulders 2026";
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

  private static final Map<String, RunningClinic> SERVERS = new ConcurrentHashMap<>();

  private final String name;
  private final URI baseUri;
  private final String dbUrl;
  private final Process process;

  private RunningClinic(String name, URI baseUri, String dbUrl, Process process) {
    this.name = name;
    this.baseUri = baseUri;
    this.dbUrl = dbUrl;
    this.process = process;
  }

  /** The shared demo clinic. */
  public static RunningClinic demo() {
    return SERVERS.computeIfAbsent("demo", n -> start(n, Map.of(
        "MYOCHART_DEMO", "true",
        "MYOCHART_DEMO_PASSWORD", DEMO_PASSWORD,
        "MYOCHART_IDLE_TIMEOUT", IDLE_TIMEOUT.toString(),
        "MYOCHART_CLINIC_NAME", "Harbourside Migraine Massage")));
  }

  /** A clinic on an empty database, as after a first download. */
  public static RunningClinic fresh() {
    return SERVERS.computeIfAbsent("fresh", n -> start(n, Map.of()));
  }

  public URI uri(String path) {
    return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public String baseUrl() {
    return baseUri.toString();
  }

  /** A JDBC connection to the same database, for asserting on stored rows. */
  public Connection database() throws SQLException {
    return TestDatabase.isPostgres()
        ? DriverManager.getConnection(dbUrl, TestDatabase.user(), TestDatabase.password())
        : DriverManager.getConnection(dbUrl, "sa", "");
  }

  private static RunningClinic start(String name, Map<String, String> settings) {
    Path target = Path.of(System.getProperty("myochart.it.targetDir", "target"));
    Path dataDir = target.resolve("it-data").resolve(name);
    try {
      Files.createDirectories(dataDir);
      int port = freePort();
      String dbUrl =
          TestDatabase.isPostgres()
              ? TestDatabase.urlFor("myochart_it_" + name)
              // AUTO_SERVER lets the test JVM read the same file database while the server runs.
              : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/myochart") + ";AUTO_SERVER=TRUE";
      List<String> command = new ArrayList<>(List.of(
          javaExecutable(), "-Xmx768m",
          "-jar", target.resolve("payara-micro.jar").toString(),
          "--deploy", target.resolve("myochart.war").toString(),
          "--contextroot", "/",
          "--port", Integer.toString(port),
          "--nocluster",
          // The production settings, so that the tests check what clinics run.
          "--prebootcommandfile", Path.of("payara-config/pre-boot-commands.asadmin").toAbsolutePath().toString(),
          "--postbootcommandfile", Path.of("payara-config/post-boot-commands.asadmin").toAbsolutePath().toString()));
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(dataDir.resolve("server.log").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(key -> key.startsWith("MYOCHART_"));
      env.put("MYOCHART_DATA_DIR", dataDir.toAbsolutePath().toString());
      env.put("MYOCHART_DB_URL", dbUrl);
      if (TestDatabase.isPostgres()) {
        env.put("MYOCHART_DB_USER", TestDatabase.user());
        env.put("MYOCHART_DB_PASSWORD", TestDatabase.password());
      }
      env.putAll(settings);
      Process process = builder.start();
      RunningClinic clinic = new RunningClinic(name, URI.create("http://127.0.0.1:" + port + "/"), dbUrl, process);
      Runtime.getRuntime().addShutdownHook(new Thread(clinic::stop));
      clinic.awaitReady(dataDir.resolve("server.log"));
      return clinic;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the " + name + " clinic", e);
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The " + name + " clinic server exited; see " + log);
      }
      try {
        HttpResponse<String> ready = http.send(
            HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    stop();
    throw new IllegalStateException("The " + name + " clinic was not ready within 4 minutes; see " + log);
  }

  private void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static File targetDirectory() {
    return new File(System.getProperty("myochart.it.targetDir", "target"));
  }
}
