package org.myochart.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;
import org.openqa.selenium.By;

/**
 * Fault test: the machine's PostgreSQL stops and starts again under a signed-in user. While it is
 * down, pages and the API answer 503 "database unavailable" (never a stack trace); once it is back,
 * the same browser session and the same Payara carry on, because the pool validates its connections
 * and drops the dead ones.
 *
 * <p>Only in the postgres profile, and the only test that stops PostgreSQL: it needs root and
 * {@code pg_ctlcluster}, fails with a clear message without them, and always starts the server
 * again and waits for {@code pg_isready}.
 */
@Isolated("It stops and restarts PostgreSQL under every server.")
class DatabaseRestartIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        TestDatabase.isPostgres(),
        "Restarting the database server only applies to PostgreSQL (mvn verify -Ppostgres); H2 runs inside MyoChart");
    requirePgCtlCluster();
    // The shared demo clinic: its sessions outlast the outage (RunningClinic.IDLE_TIMEOUT), and a
    // server of its own would cost a start with sealed demo records for nothing the test needs.
    clinic = RunningClinic.demo();
  }

  @Test
  void
      aSignedInUserGetsADatabaseUnavailablePageWhilePostgresIsDownAndCarriesOnInTheSameSessionAfterwards() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("therapist1", PASSWORD);
      browser.visit("/staff/clients/clients.xhtml");
      browser.awaitText("Bergström");
      String session = browser.sessionCookie();
      assertEquals(200, apiClients().statusCode());

      try {
        pgCtlCluster("stop");
        awaitPostgres(false);

        browser.visit("/staff/clients/clients.xhtml");
        browser.awaitText("database is not answering");
        String page = browser.text();
        assertFalse(
            page.contains(".java:") || page.contains("Caused by"),
            "no stack trace on the page: " + page);
        HttpResponse<String> pageAnswer =
            Http.send(
                HttpRequest.newBuilder(clinic.uri("/staff/clients/clients.xhtml"))
                    .header("Cookie", "JSESSIONID=" + session));
        assertEquals(503, pageAnswer.statusCode(), pageAnswer.body());
        assertTrue(pageAnswer.headers().firstValue("Retry-After").isPresent());

        HttpResponse<String> api = apiClients();
        assertEquals(503, api.statusCode(), api.body());
        assertTrue(
            Http.json(api).getString("message").contains("database is not answering"), api.body());
        assertEquals(503, Http.get(clinic.uri("/health/ready")).statusCode());
        // Someone not signed in: the sign-in page either needs no database or says it is
        // unavailable.
        HttpResponse<String> signIn = Http.get(clinic.uri("/login.xhtml"));
        assertTrue(
            signIn.statusCode() == 200 || signIn.statusCode() == 503,
            signIn.statusCode() + " " + signIn.body());
        assertFalse(
            signIn.body().contains(".java:") || signIn.body().contains("Caused by"),
            "no stack trace: " + signIn.body());
      } finally {
        pgCtlCluster("start");
        awaitPostgres(true);
      }

      browser.visit("/staff/clients/clients.xhtml");
      browser.awaitText("Bergström");
      assertEquals(
          "/staff/clients/clients.xhtml", browser.path(), "still signed in: no sign-in page");
      assertEquals(session, browser.sessionCookie(), "the same session");
      assertEquals(200, apiClients().statusCode());
      assertEquals(200, Http.get(clinic.uri("/health/ready")).statusCode());
    }
  }

  @Test
  void afterAQuickRestartTheFirstRequestsSucceedBecauseThePoolDropsItsDeadConnections() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("therapist2", PASSWORD);
      // Several calls at once, so that the pool holds more than one connection when they die.
      List<Thread> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Thread call = new Thread(() -> apiClients());
        calls.add(call);
        call.start();
      }
      calls.forEach(DatabaseRestartIT::join);
      try {
        pgCtlCluster("restart");
      } finally {
        awaitPostgres(true);
      }
      // Every pooled connection now points at a server process that is gone.
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> api = apiClients();
        assertEquals(
            200, api.statusCode(), "call " + (i + 1) + " after the restart: " + api.body());
      }
      browser.visit("/staff/clients/clients.xhtml");
      browser.awaitText("Lindqvist");
      assertTrue(
          browser.driver().findElements(By.id("login:username")).isEmpty(), "still signed in");
    }
  }

  private static HttpResponse<String> apiClients() {
    return Http.get(clinic.uri("/api/v1/clients?q=Bergstr"), "owner", PASSWORD);
  }

  private static void join(Thread thread) {
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String version() {
    String[] versions = new File("/etc/postgresql").list();
    if (versions == null || versions.length == 0) {
      fail(
          "DatabaseRestartIT needs the machine's PostgreSQL cluster in /etc/postgresql (Debian's postgresql package)");
    }
    java.util.Arrays.sort(versions);
    return versions[versions.length - 1];
  }

  private static void requirePgCtlCluster() {
    if (!new File("/usr/bin/pg_ctlcluster").canExecute()
        || !new File("/usr/bin/pg_isready").canExecute()) {
      fail(
          "DatabaseRestartIT restarts the machine's PostgreSQL and needs pg_ctlcluster and pg_isready"
              + " (Debian's postgresql-common); they are missing");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      fail(
          "DatabaseRestartIT restarts the machine's PostgreSQL with pg_ctlcluster and must run as root"
              + " (as CI does); it runs as "
              + System.getProperty("user.name"));
    }
    version();
  }

  private static void pgCtlCluster(String action) {
    List<String> command =
        List.of(
            "pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action, "-m", "fast");
    String output = run(command);
    if (output != null) {
      fail(
          "Could not " + action + " PostgreSQL with " + String.join(" ", command) + ":\n" + output);
    }
  }

  /** Null when the command succeeded, else what it printed. */
  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "no answer within 90 seconds";
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  private static void awaitPostgres(boolean up) {
    await("PostgreSQL " + (up ? "to come back" : "to stop"))
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                (run(List.of("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q")) == null) == up);
  }
}
