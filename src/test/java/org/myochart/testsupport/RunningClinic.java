package org.myochart.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A MyoChart server started the way production starts it ({@code java -jar payara-micro.jar
 * --deploy myochart.war} with the {@code payara-config} command files), once per test JVM and name,
 * and stopped when the JVM ends. HTTP and browser tests share it instead of paying for a server
 * each.
 *
 * <p>The "demo" clinic has the demo staff (owner, therapist1, therapist2, frontdesk) with {@link
 * #DEMO_PASSWORD} and a 20-second idle timeout; the "fresh" clinic has no owner yet; the "idle"
 * clinic ends sessions after a few seconds.
 */
public final class RunningClinic {

  public static final String DEMO_PASSWORD = "calm shoulders 2026";

  /**
   * The demo clinic's idle timeout. The idle tests run on {@link #idle()}; here it only has to
   * outlast the longest pause between two requests of one test on a loaded two-core machine (a
   * 20-second timeout once ended a browser's session between two steps of a test).
   */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /**
   * The shared clinics, each started once by the first test that asks for it. Test classes run
   * concurrently; a start takes a minute, so it runs outside the map's own locking and every other
   * class asking for the same clinic waits for that one start.
   */
  private static final Map<String, FutureTask<RunningClinic>> SERVERS = new ConcurrentHashMap<>();

  private static RunningClinic shared(String name, Function<String, RunningClinic> start) {
    FutureTask<RunningClinic> created = new FutureTask<>(() -> start.apply(name));
    FutureTask<RunningClinic> existing = SERVERS.putIfAbsent(name, created);
    FutureTask<RunningClinic> task = existing == null ? created : existing;
    task.run();
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("The " + name + " clinic did not start", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the " + name + " clinic started", e);
    }
  }

  private final String name;
  private final URI baseUri;
  private final String dbUrl;
  private final Process process;
  private final Map<String, String> settings;
  private final String heap;
  private final Membership membership;
  private final String database;

  private RunningClinic(
      String name,
      String database,
      URI baseUri,
      String dbUrl,
      Process process,
      Map<String, String> settings,
      String heap,
      Membership membership) {
    this.name = name;
    this.database = database;
    this.baseUri = baseUri;
    this.dbUrl = dbUrl;
    this.process = process;
    this.settings = settings;
    this.heap = heap;
    this.membership = membership;
  }

  /**
   * How one instance of a clustered clinic runs: the clinic (its database {@code
   * myochart_it_<clinic>} and its data directory, holding the shared record seal, are the same for
   * every instance), the cluster's own name, this instance's HTTP and data-grid ports, and the grid
   * ports of all members (found over TCP on 127.0.0.1, never by multicast, so no other server on
   * the machine joins).
   */
  public record Membership(
      String clinic, String clusterName, int httpPort, int gridPort, List<Integer> gridPorts) {

    List<String> arguments() {
      String members = String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList());
      return List.of(
          "--port",
          Integer.toString(httpPort),
          "--clustername",
          clusterName,
          "--clustermode",
          "tcpip:" + members,
          "--startport",
          Integer.toString(gridPort),
          "--interfaces",
          "127.0.0.1",
          // Both instances share one address here; host-aware partitioning would keep no backup
          // copy of a session on the other one.
          "--nohostaware");
    }
  }

  /**
   * The shared demo clinic. Its seals are PAdES B-T: it uses {@link #timestampAuthority()}, an RFC
   * 3161 authority running in the test JVM.
   */
  public static RunningClinic demo() {
    return shared(
        "demo",
        n ->
            start(
                n,
                "myochart_it_" + n,
                "768m",
                Map.of(
                    "MYOCHART_DEMO",
                    "true",
                    "MYOCHART_DEMO_PASSWORD",
                    DEMO_PASSWORD,
                    "MYOCHART_IDLE_TIMEOUT",
                    IDLE_TIMEOUT.toString(),
                    "MYOCHART_CLINIC_NAME",
                    "Harbourside Migraine Massage",
                    // Tests play people at other addresses by sending X-Forwarded-For from here.
                    "MYOCHART_TRUSTED_PROXIES",
                    "127.0.0.1,0:0:0:0:0:0:0:1,::1",
                    "MYOCHART_TSA_URL",
                    timestampAuthority().url().toString(),
                    "MYOCHART_SMTP_HOST",
                    "127.0.0.1",
                    "MYOCHART_SMTP_PORT",
                    Integer.toString(TestMailServer.start().port()),
                    "MYOCHART_SMTP_STARTTLS",
                    "false",
                    "MYOCHART_SMTP_FROM",
                    "Harbourside Migraine Massage <records@harbourside.example>"),
                null));
  }

  private static volatile TestTimestampAuthority timestampAuthority;

  /** The timestamp authority of the demo clinic, started once per test JVM. */
  public static synchronized TestTimestampAuthority timestampAuthority() {
    if (timestampAuthority == null) {
      timestampAuthority = TestTimestampAuthority.start();
    }
    return timestampAuthority;
  }

  /**
   * The idle timeout of the {@link #idle()} clinic: long enough for a sign-in and a page between
   * two clicks on a busy build machine, short enough that a test waits it out in seconds.
   */
  public static final Duration SHORT_IDLE_TIMEOUT = Duration.ofSeconds(8);

  /** When a tablet of the {@link #idle()} clinic left alone asks "Still there?". */
  public static final Duration KIOSK_ASK_AFTER = Duration.ofSeconds(16);

  /** When a tablet of the {@link #idle()} clinic left alone locks back to staff. */
  public static final Duration KIOSK_LOCK_AFTER = Duration.ofSeconds(28);

  /**
   * A clinic whose sessions end after {@link #SHORT_IDLE_TIMEOUT}, for the tests of idle log-off
   * and of a kiosk left alone ({@link #KIOSK_ASK_AFTER}, {@link #KIOSK_LOCK_AFTER}); the demo
   * clinic's ten minutes would make them wait, and a shorter timeout there would sign out the other
   * tests' browsers while they wait for a page. It has only its owner ("owner", {@link
   * #DEMO_PASSWORD}), made from the environment, so it starts without the demo's records.
   */
  public static RunningClinic idle() {
    return shared(
        "idle",
        n ->
            start(
                n,
                "myochart_it_" + n,
                "512m",
                Map.of(
                    "MYOCHART_OWNER_USERNAME",
                    "owner",
                    "MYOCHART_OWNER_PASSWORD",
                    DEMO_PASSWORD,
                    "MYOCHART_IDLE_TIMEOUT",
                    SHORT_IDLE_TIMEOUT.toString(),
                    "MYOCHART_KIOSK_ASK_AFTER",
                    KIOSK_ASK_AFTER.toString(),
                    "MYOCHART_KIOSK_LOCK_AFTER",
                    KIOSK_LOCK_AFTER.toString()),
                null));
  }

  /** A clinic on an empty database, as after a first download. */
  public static RunningClinic fresh() {
    return shared(
        "fresh",
        n ->
            start(
                n,
                "myochart_it_" + n,
                "768m",
                Map.of("MYOCHART_SECOND_FACTOR_ROLES", "OWNER"),
                null));
  }

  /**
   * A clinic of this test's own, not shared, with its own data directory and database ({@code
   * myochart_it_<name>} on PostgreSQL), started with the given maximum heap (e.g. "256m"). It can
   * be killed and started again on the same data.
   */
  public static RunningClinic own(String name, String heap, Map<String, String> settings) {
    return start(name, "myochart_it_" + name, heap, settings, null);
  }

  /**
   * As {@link #own(String, String, Map)}, on PostgreSQL in the named database instead of {@code
   * myochart_it_<name>}.
   */
  public static RunningClinic own(
      String name, String database, String heap, Map<String, String> settings) {
    return start(name, database, heap, settings, null);
  }

  /**
   * One instance of a clinic run by several clustered instances that share its database and web
   * sessions (PostgreSQL only). {@code name} names this instance's log directory.
   */
  public static RunningClinic clustered(
      String name, Membership membership, Map<String, String> settings) {
    if (!TestDatabase.isPostgres()) {
      throw new IllegalStateException(
          "Clustered instances need PostgreSQL: an H2 file has one server");
    }
    return start(name, "myochart_it_" + membership.clinic(), "768m", settings, membership);
  }

  /** Free ports for a test's own servers, or the ones given in a system property ("8380,8381"). */
  public static List<Integer> ports(String property, int count) throws IOException {
    String given = System.getProperty(property, "").strip();
    if (!given.isEmpty()) {
      List<Integer> ports =
          java.util.Arrays.stream(given.split(","))
              .map(String::strip)
              .map(Integer::valueOf)
              .toList();
      if (ports.size() < count) {
        throw new IllegalArgumentException(
            property + " names fewer than " + count + " ports: " + given);
      }
      return ports.subList(0, count);
    }
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = freePort();
      if (!ports.contains(port)) {
        ports.add(port);
      }
    }
    return ports;
  }

  /** The server's process id, for tools such as jstat. */
  public long pid() {
    return process.pid();
  }

  /** Ends the server at once, as a power cut or an OOM kill would: no orderly shutdown. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the same clinic again on the same data, after {@link #kill()}. */
  public RunningClinic startAgain() {
    if (process.isAlive()) {
      throw new IllegalStateException("The " + name + " clinic is still running");
    }
    return start(name, database, heap, settings, membership);
  }

  /** Stops the server as an operator would (SIGTERM): Payara shuts down in order. */
  public void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }

  public URI uri(String path) {
    return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public String baseUrl() {
    return baseUri.toString();
  }

  /** A JDBC connection to the same database, for asserting on stored rows. */
  /** The clinic's database as the role the server itself connects as (on PostgreSQL). */
  public Connection databaseAsTheServer() throws SQLException {
    return TestDatabase.isPostgres()
        ? DriverManager.getConnection(
            dbUrl, settings.getOrDefault("MYOCHART_DB_USER", TestDatabase.RUNTIME_ROLE), "")
        : database();
  }

  public Connection database() throws SQLException {
    return TestDatabase.isPostgres()
        ? DriverManager.getConnection(dbUrl, TestDatabase.user(), TestDatabase.password())
        : DriverManager.getConnection(dbUrl, "sa", "");
  }

  private static RunningClinic start(
      String name,
      String database,
      String heap,
      Map<String, String> settings,
      Membership membership) {
    IllegalStateException lastFailure = null;
    // A port can be taken between choosing it and Payara binding it; Payara Micro then logs
    // "Failed to start, exiting" and hangs instead of exiting, so such a start is retried.
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        return startOnce(name, database, heap, settings, membership);
      } catch (NotReadyInTime e) {
        // Not retried: the stopped server may have filled part of its data directory and database
        // (the demo clinic's seeding), and a second start on them would make later tests fail for
        // a reason far from this one.
        throw e;
      } catch (IllegalStateException e) {
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  private static RunningClinic startOnce(
      String name,
      String database,
      String heap,
      Map<String, String> settings,
      Membership membership) {
    Path target = Path.of(System.getProperty("myochart.it.targetDir", "target"));
    Path dataDir = target.resolve("it-data").resolve(name);
    // Instances of one clustered clinic share its data directory (one record seal), each keeps its
    // own log.
    Path clinicDir =
        membership == null ? dataDir : target.resolve("it-data").resolve(membership.clinic());
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(clinicDir);
      int port = membership == null ? freePort() : membership.httpPort();
      String dbUrl =
          TestDatabase.isPostgres()
              ? TestDatabase.urlFor(database)
              // AUTO_SERVER lets the test JVM read the same file database while the server runs.
              : "jdbc:h2:file:"
                  + dataDir.toAbsolutePath().resolve("db/myochart")
                  + ";AUTO_SERVER=TRUE";
      List<String> command =
          new ArrayList<>(
              List.of(
                  // The shipped JVM settings (serial collector: less CPU at start-up on two cores),
                  // then this clinic's heap.
                  javaExecutable(),
                  "@" + Path.of("payara-config/jvm.options").toAbsolutePath(),
                  "-Xmx" + heap,
                  // Test servers live minutes: C2 compiles only what runs very often (PBKDF2, the
                  // pages), not code a start runs a few thousand times. About a quarter less CPU
                  // per start, requests no slower (docs/performance.md, "Start-up and memory").
                  "-XX:Tier4InvocationThreshold=100000",
                  "-XX:Tier4MinInvocationThreshold=20000",
                  "-XX:Tier4CompileThreshold=150000",
                  "-XX:Tier4BackEdgeThreshold=400000",
                  "-jar",
                  target.resolve("payara-micro.jar").toString(),
                  "--deploy",
                  target.resolve("myochart.war").toString(),
                  "--contextroot",
                  "/",
                  "--port",
                  Integer.toString(port),
                  // The production settings, so that the tests check what clinics run.
                  "--prebootcommandfile",
                  Path.of("payara-config/pre-boot-commands.asadmin").toAbsolutePath().toString(),
                  "--postbootcommandfile",
                  Path.of("payara-config/post-boot-commands.asadmin").toAbsolutePath().toString()));
      if (membership == null) {
        command.add("--nocluster");
      } else {
        command.addAll(membership.arguments());
        command.addAll(List.of("--name", name));
      }
      Path log = dataDir.resolve("server.log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(key -> key.startsWith("MYOCHART_"));
      env.put("MYOCHART_DATA_DIR", clinicDir.toAbsolutePath().toString());
      env.put("MYOCHART_DB_URL", dbUrl);
      if (TestDatabase.isPostgres()) {
        // As a clinic should run (ADR-061): one role owns the schema and migrates it, the server
        // works as one that cannot alter, truncate or disable a trigger.
        env.put("MYOCHART_DB_OWNER_USER", TestDatabase.OWNER_ROLE);
        env.put("MYOCHART_DB_USER", TestDatabase.RUNTIME_ROLE);
      }
      // Test clinics sign in as their owner over and over, with HTTP Basic too: they run without
      // the
      // owners' second factor unless a test asks for it; the fresh clinic keeps the product's
      // default.
      env.put("MYOCHART_SECOND_FACTOR_ROLES", "NONE");
      if (membership != null) {
        // As the Docker image does for clustered instances: sessions go into the data grid.
        env.put("MYOCHART_SESSION_REPLICATION", "true");
      }
      env.putAll(settings);
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      Process process = builder.start();
      RunningClinic clinic =
          new RunningClinic(
              name,
              database,
              URI.create("http://127.0.0.1:" + port + "/"),
              dbUrl,
              process,
              settings,
              heap,
              membership);
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
    try {
      await("the " + name + " clinic to be ready")
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "The " + name + " clinic server exited:\n" + logTail(log, logStart));
                }
                if (logSince(log, logStart).contains("Failed to start, exiting")) {
                  stop();
                  throw new IllegalStateException(
                      "The " + name + " clinic server failed to start:\n" + logTail(log, logStart));
                }
                try {
                  return http.send(
                              HttpRequest.newBuilder(uri("/health/ready"))
                                  .timeout(Duration.ofSeconds(5))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200;
                } catch (IOException notListeningYet) {
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      stop();
      throw new NotReadyInTime(
          "The " + name + " clinic was not ready within 4 minutes:\n" + logTail(log, logStart), e);
    }
  }

  /** A server that started but did not answer ready in time; it has been stopped. */
  private static final class NotReadyInTime extends IllegalStateException {
    NotReadyInTime(String message, Throwable cause) {
      super(message, cause);
    }
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

  /** This clinic's data directory (shared by the instances of a clustered clinic). */
  public Path dataDirectory() {
    Path target = Path.of(System.getProperty("myochart.it.targetDir", "target"));
    return target.resolve("it-data").resolve(membership == null ? name : membership.clinic());
  }

  /** This server's whole log. */
  public String log() {
    return logSince(
        Path.of(
            System.getProperty("myochart.it.targetDir", "target"), "it-data", name, "server.log"),
        0);
  }

  /** The end of this server's log, for assertion messages that must explain a failure in CI. */
  public String logTail() {
    Path log =
        Path.of(
            System.getProperty("myochart.it.targetDir", "target"), "it-data", name, "server.log");
    return logTail(log, 0);
  }

  private static String logTail(Path log, long start) {
    String text = logSince(log, start);
    return (text.length() > 6000 ? text.substring(text.length() - 6000) : text)
        + "\n(full log: "
        + log
        + ")";
  }

  /**
   * A free port below the kernel's ephemeral range: outgoing connections (browser, JDBC, HTTP
   * clients) take ports from that range, and one of them can grab a port chosen there before Payara
   * binds it.
   */
  /** Ports handed out in this JVM: servers starting at the same time never get the same one. */
  private static final java.util.Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int tries = 0; tries < 200; tries++) {
      int candidate = 20000 + random.nextInt(12000);
      if (!HANDED_OUT.add(candidate)) {
        continue;
      }
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

  static File targetDirectory() {
    return new File(System.getProperty("myochart.it.targetDir", "target"));
  }
}
