package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Migrations;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestTimestampAuthority;

/** Health, metrics, OpenAPI, headers and error handling of the running server. */
@Isolated(
    "It makes the demo clinic's timestamp authority fail, which refuses every signature in between.")
class OperationsEndpointsIT {

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void readinessChecksTheMigratedDatabase() {
    HttpResponse<String> response = Http.get(clinic.uri("/health/ready"));

    assertEquals(200, response.statusCode());
    JsonObject health = Http.json(response);
    assertEquals("UP", health.getString("status"));
    JsonObject database = Http.healthCheck(health, "database");
    assertEquals(Migrations.latestVersion(), database.getJsonObject("data").getString("schema"));
  }

  @Test
  void readinessReportsAFailingTimestampAuthorityAtOnceAndItsRecoveryAfterTheNextSeal() {
    TestTimestampAuthority tsa = RunningClinic.timestampAuthority();
    JsonObject before =
        Http.healthCheck(Http.json(Http.get(clinic.uri("/health/ready"))), "timestamp-authority");
    assertEquals("UP", before.getString("status"));
    assertEquals(tsa.url().toString(), before.getJsonObject("data").getString("url"));
    long client =
        Http.json(
                Http.postJson(
                    clinic.uri("/api/v1/clients"),
                    "frontdesk",
                    RunningClinic.DEMO_PASSWORD,
                    "{\"firstName\":\"Tove\",\"lastName\":\""
                        + Names.uniqueSurname("Tsa")
                        + "\",\"dateOfBirth\":\"1970-01-20\"}"))
            .getJsonNumber("id")
            .longValue();
    try {
      tsa.behave(TestTimestampAuthority.Behaviour.SERVER_ERROR);
      // A chart PDF is sealed on request: with the authority failing it is refused, and readiness
      // says why at once.
      HttpResponse<byte[]> refused =
          Http.sendBytes(
              java.net.http.HttpRequest.newBuilder(
                      clinic.uri("/api/v1/clients/" + client + "/chart.pdf"))
                  .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD)));
      assertEquals(409, refused.statusCode());
      HttpResponse<String> notReady = Http.get(clinic.uri("/health/ready"));
      assertEquals(503, notReady.statusCode());
      JsonObject down = Http.healthCheck(Http.json(notReady), "timestamp-authority");
      assertEquals("DOWN", down.getString("status"));
      assertTrue(
          down.getJsonObject("data").getString("problem").contains("HTTP 500"), down.toString());
    } finally {
      tsa.behave(TestTimestampAuthority.Behaviour.GRANT);
    }
    HttpResponse<byte[]> sealed =
        Http.sendBytes(
            java.net.http.HttpRequest.newBuilder(
                    clinic.uri("/api/v1/clients/" + client + "/chart.pdf"))
                .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD)));
    assertEquals(200, sealed.statusCode());
    assertEquals(200, Http.get(clinic.uri("/health/ready")).statusCode());
  }

  @Test
  void metricsAreServed() {
    HttpResponse<String> response = Http.get(clinic.uri("/metrics"));

    assertEquals(200, response.statusCode());
    assertTrue(
        response.body().contains("jvm") || response.body().contains("base_"), "metrics body");
  }

  @Test
  void openApiDescribesEveryApiResource() {
    String document = Http.get(clinic.uri("/openapi")).body();

    assertTrue(document.contains("/api/v1/staff:"), document);
    assertTrue(document.contains("/api/v1/staff/me:"));
    assertTrue(document.contains("/api/v1/staff/{id}:"));
    assertTrue(document.contains("/api/v1/clients:"));
    assertTrue(document.contains("/api/v1/clients/{id}:"));
    assertTrue(document.contains("scheme: basic"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/login.xhtml",
        "/owner/staff.xhtml",
        "/api/v1/staff/me",
        "/no/such/page.xhtml",
        "/jakarta.faces.resource/myochart/myochart.css.xhtml"
      })
  void everyResponseCarriesTheSecurityHeaders(String path) {
    HttpResponse<String> response = Http.get(clinic.uri(path));

    String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
    assertTrue(
        response.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over TLS");
  }

  @Test
  void hstsIsSentBehindATlsProxy() {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                .header("X-Forwarded-Proto", "https"));

    assertTrue(
        response
            .headers()
            .firstValue("Strict-Transport-Security")
            .orElse("")
            .startsWith("max-age="));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteAndSecureBehindATlsProxy() {
    String plain =
        Http.get(clinic.uri("/login.xhtml")).headers().firstValue("Set-Cookie").orElse("");
    String proxied =
        Http.send(
                HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                    .header("X-Forwarded-Proto", "https"))
            .headers()
            .firstValue("Set-Cookie")
            .orElse("");

    assertTrue(plain.contains("HttpOnly") && plain.toLowerCase().contains("samesite=lax"), plain);
    assertFalse(plain.contains("Secure"), plain);
    assertTrue(proxied.contains("Secure"), proxied);
  }

  @Test
  void serverDoesNotAnnounceItself() {
    assertTrue(Http.get(clinic.uri("/login.xhtml")).headers().firstValue("Server").isEmpty());
  }

  @Test
  void unknownPageGetsTheFriendly404Page() {
    HttpResponse<String> response = Http.get(clinic.uri("/no/such/page.xhtml"));

    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("Page not found"));
    assertFalse(response.body().contains(".java:"), "no stack trace");
  }

  @Test
  void forgedPostWithoutValidViewStateChangesNothingAndShowsNoStackTrace() {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "login=login&login%3Ausername=owner&login%3Apassword="
                            + RunningClinic.DEMO_PASSWORD.replace(" ", "+")
                            + "&login%3AsignIn=&jakarta.faces.ViewState=-1234%3A5678")));

    assertEquals(302, response.statusCode());
    String location = response.headers().firstValue("Location").orElse("");
    assertTrue(location.endsWith("/errors/expired.xhtml"), location);
    HttpResponse<String> page = Http.get(response.uri().resolve(location));
    assertTrue(page.body().contains("This page had expired"));
    assertFalse(page.body().contains(".java:"), "no stack trace");
  }

  @Test
  void noWadlDescribesTheApiBehindTheOpenApiDocument() {
    assertEquals(401, Http.get(clinic.uri("/api/v1/application.wadl")).statusCode());
    assertTrue(
        Http.get(clinic.uri("/api/v1/application.wadl"), "owner", RunningClinic.DEMO_PASSWORD)
                .statusCode()
            >= 400);
  }

  @Test
  void traceIsRefused() {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

    assertTrue(
        response.statusCode() == 403 || response.statusCode() == 405,
        "status " + response.statusCode());
  }

  @Test
  void templatesUnderWebInfCannotBeFetched() {
    HttpResponse<String> response = Http.get(clinic.uri("/WEB-INF/templates/staff.xhtml"));

    assertTrue(
        response.statusCode() == 404 || response.statusCode() == 403,
        "status " + response.statusCode());
    assertFalse(response.body().contains("ui:insert"));
  }
}
