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
    IllegalStateException lastFailure = null;
    // A port can be taken between choosing it and Payara binding it; Payara Micro then logs
    // "Failed to start, exiting" and hangs instead of exiting, so such a start is retried.
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        return startOnce(name, settings);
      } catch (IllegalStateException e) {
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  private static RunningClinic startOnce(String name, Map<String, String> settings) {
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
      Path log = dataDir.resolve("server.log");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(key -> key.startsWith("MYOCHART_"));
      env.put("MYOCHART_DATA_DIR", dataDir.toAbsolutePath().toString());
      env.put("MYOCHART_DB_URL", dbUrl);
      if (TestDatabase.isPostgres()) {
        env.put("MYOCHART_DB_USER", TestDatabase.user());
        env.put("MYOCHART_DB_PASSWORD", TestDatabase.password());
      }
      env.putAll(settings);
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      Process process = builder.start();
      RunningClinic clinic = new RunningClinic(name, URI.create("http://127.0.0.1:" + port + "/"), dbUrl, process);
      Thread stopper = new Thread(clinic::stop);
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        clinic.awaitReady(log, logStart);
      } catch (IllegalStateException e) {
        Runtime.getRuntime().removeShutdownHook(stopper);
        throw e;
      }
      return clinic;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the " + name + " clinic", e);
    }
  }

  private void awaitReady(Path log, long logStart) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The " + name + " clinic server exited:\n" + logTail(log, logStart));
      }
      if (logSince(log, logStart).contains("Failed to start, exiting")) {
        stop();
        throw new IllegalStateException("The " + name + " clinic server failed to start:\n" + logTail(log, logStart));
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
    throw new IllegalStateException(
        "The " + name + " clinic was not ready within 4 minutes:\n" + logTail(log, logStart));
  }

  private static String logSince(Path log, long start) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      int from = (int) Math.min(start, bytes.length);
      return new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String logTail(Path log, long start) {
    String text = logSince(log, start);
    return (text.length() > 6000 ? text.substring(text.length() - 6000) : text) + "\n(full log: " + log + ")";
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

  /**
   * A free port below the kernel's ephemeral range: outgoing connections (browser, JDBC, HTTP
   * clients) take ports from that range, and one of them can grab a port chosen there before
   * Payara binds it.
   */
  private static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int tries = 0; tries < 200; tries++) {
      int candidate = 20000 + random.nextInt(12000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(candidate));
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("No free port found between 20000 and 32000");
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
