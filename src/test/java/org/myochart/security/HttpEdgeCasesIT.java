package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * The smaller findings of the HTTP security review, each asked of the running demo clinic: methods
 * an address does not answer, HEAD, paging parameters, readiness, forged Host headers, the session
 * cookie behind a TLS proxy, refusals by the container, and repeated registrations.
 */
@Isolated("It counts every export the owner makes.")
class HttpEdgeCasesIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  private static RunningClinic clinic;
  private static long consent;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    consent = StoredRows.number(clinic, "select min(id) from consent");
  }

  @Test
  void methodsADownloadOrSignOutDoesNotAnswerGet405WithAllowAndTheSecurityHeaders() {
    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    Map<String, String> allowed =
        Map.of(
            "/staff/consents/pdf?id=" + consent,
            "GET",
            "/clinical/notes/pdf?id=1",
            "GET",
            "/owner/audit.csv",
            "GET",
            "/owner/exports/archive?id=1",
            "GET",
            "/logout",
            "POST, GET");
    List<String> problems = new ArrayList<>();
    for (var address : allowed.entrySet()) {
      for (String method : List.of("PATCH", "PUT", "DELETE")) {
        HttpResponse<String> answer =
            owner.send(
                HttpRequest.newBuilder(clinic.uri(address.getKey()))
                    .method(
                        method,
                        method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("x")));
        String what = method + " " + address.getKey() + " → " + answer.statusCode();
        if (answer.statusCode() != 405) {
          problems.add(what);
        }
        if (!answer.headers().allValues("Allow").equals(List.of(address.getValue()))) {
          problems.add(what + ": Allow is " + answer.headers().allValues("Allow"));
        }
        for (String header :
            List.of(
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "X-Frame-Options",
                "Referrer-Policy",
                "Cache-Control")) {
          if (answer.headers().firstValue(header).isEmpty()) {
            problems.add(what + ": no " + header);
          }
        }
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
    assertEquals(
        200, owner.get("/staff/dashboard.xhtml").statusCode(), "none of this signed the owner out");
  }

  @Test
  void headOnSignOutKeepsThePersonSignedIn() {
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    int logouts = AuditRows.count(clinic, "LOGOUT", "therapist1", null);

    HttpResponse<String> head =
        therapist.send(
            HttpRequest.newBuilder(clinic.uri("/logout"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertEquals(405, head.statusCode());
    assertEquals(List.of("POST, GET"), head.headers().allValues("Allow"));
    assertEquals(200, therapist.get("/staff/dashboard.xhtml").statusCode());
    assertEquals(logouts, AuditRows.count(clinic, "LOGOUT", "therapist1", null));
  }

  @Test
  void headOnAPdfDownloadWritesNoExportEntry() {
    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    int exports = AuditRows.count(clinic, "EXPORT", "owner", null);

    HttpResponse<String> head =
        owner.send(
            HttpRequest.newBuilder(clinic.uri("/staff/consents/pdf?id=" + consent))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertEquals(405, head.statusCode());
    assertEquals(exports, AuditRows.count(clinic, "EXPORT", "owner", null));
    assertEquals(
        200, owner.get("/staff/consents/pdf?id=" + consent).statusCode(), "GET still downloads");
    assertEquals(exports + 1, AuditRows.count(clinic, "EXPORT", "owner", null));
  }

  @Test
  void clientPagingOutOfRangeOrNotANumberAnswers400NamingTheParameterAndItsRange() {
    Map<String, String> expected =
        Map.of(
            "page=2147483647", "page must be a whole number from 0 to 1000000.",
            "page=-1", "page must be a whole number from 0 to 1000000.",
            "page=two", "page must be a whole number from 0 to 1000000.",
            "size=abc", "size must be a whole number from 1 to 100.",
            "size=0", "size must be a whole number from 1 to 100.",
            "size=101", "size must be a whole number from 1 to 100.");
    for (var query : expected.entrySet()) {
      HttpResponse<String> answer =
          Http.get(clinic.uri("/api/v1/clients?" + query.getKey()), "owner", PASSWORD);
      assertEquals(400, answer.statusCode(), query.getKey() + ": " + answer.body());
      JsonObject body = Http.json(answer);
      assertEquals(query.getValue(), body.getString("message"), query.getKey());
      assertTrue(
          body.getJsonObject("fields")
              .containsKey(query.getKey().substring(0, query.getKey().indexOf('='))));
    }
    HttpResponse<String> lastAllowed =
        Http.get(clinic.uri("/api/v1/clients?page=1000000&size=100"), "owner", PASSWORD);
    assertEquals(200, lastAllowed.statusCode(), lastAllowed.body());
    assertEquals(0, Http.json(lastAllowed).getJsonArray("clients").size());
  }

  @Test
  void readinessAnswersJsonNamingTheDatabaseCheck() {
    HttpResponse<String> ready = Http.get(clinic.uri("/health/ready"));

    assertEquals(200, ready.statusCode());
    assertTrue(
        ready.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonObject body = Http.json(ready);
    assertEquals("UP", body.getString("status"));
    assertEquals("UP", Http.healthCheck(body, "database").getString("status"));
  }

  @Test
  void aForgedHostHeaderIsNeverReflectedInRedirects() throws IOException {
    for (String path : List.of("/staff/dashboard.xhtml", "/staff", "/logout")) {
      String answer = rawGet(path, "evil.example");
      String location =
          answer
              .lines()
              .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
              .findFirst()
              .orElse("");
      assertTrue(answer.startsWith("HTTP/1.1 30"), path + ": " + answer);
      assertFalse(location.contains("evil.example"), path + ": " + location);
      assertTrue(location.substring(9).strip().startsWith("/"), path + ": " + location);
    }
  }

  @Test
  void theSessionCookieIsSecureBehindATlsProxyAndNotOnPlainHttp() {
    HttpResponse<String> proxied =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                .header("X-Forwarded-Proto", "https"));
    HttpResponse<String> plain = Http.get(clinic.uri("/login.xhtml"));

    String proxiedCookie = sessionCookie(proxied);
    String plainCookie = sessionCookie(plain);
    assertTrue(proxiedCookie.contains("; Secure"), proxiedCookie);
    assertFalse(plainCookie.contains("Secure"), plainCookie);
  }

  @Test
  void aRefusedWebInfAddressIsRecordedUnderTheSignedInPerson() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "frontdesk", "/WEB-INF/web.xml");

    assertEquals(403, frontDesk.get("/WEB-INF/web.xml").statusCode());

    assertEquals(
        denied + 1, AuditRows.count(clinic, "ACCESS_DENIED", "frontdesk", "/WEB-INF/web.xml"));
  }

  @Test
  void oneRegistrationFormSentThreeTimesRegistersOneClient() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String lastName = uniqueName();
    Map<String, String> form = registration(frontDesk, lastName);

    Set<String> sentTo = new HashSet<>();
    for (int time = 0; time < 3; time++) {
      HttpResponse<String> answer = frontDesk.post("/staff/clients/client-edit.xhtml", form);
      assertEquals(302, answer.statusCode(), answer.body());
      sentTo.add(WebSession.location(answer).orElseThrow());
    }

    assertEquals(1, StoredRows.clientsNamed(clinic, lastName));
    assertEquals(1, sentTo.size(), "every repeat shows the same client: " + sentTo);
    long id = StoredRows.number(clinic, "select id from client where last_name = ?", lastName);
    assertTrue(sentTo.iterator().next().contains("id=" + id), sentTo.toString());
  }

  @Test
  void oneRegistrationFormSentTwentyTimesAtOnceRegistersOneClient() throws Exception {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String lastName = uniqueName();
    String body = encode(registration(frontDesk, lastName));
    String cookies = frontDesk.cookieHeader();

    ExecutorService senders = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int copy = 0; copy < 20; copy++) {
        answers.add(
            senders.submit(
                () ->
                    Http.send(
                        HttpRequest.newBuilder(clinic.uri("/staff/clients/client-edit.xhtml"))
                            .header("Cookie", cookies)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)))));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        answer.get();
      }
    } finally {
      senders.shutdown();
    }

    assertEquals(1, StoredRows.clientsNamed(clinic, lastName));
  }

  private static Map<String, String> registration(WebSession session, String lastName) {
    Map<String, String> form = session.openForm("/staff/clients/client-edit.xhtml", "client");
    assertTrue(
        form.containsKey("client:submission"),
        "the form carries its one-time id: " + form.keySet());
    form.put("client:firstName", "Repeat");
    form.put("client:lastName", lastName);
    form.put("client:dateOfBirth", "1984-03-14");
    form.put(
        "client:phone",
        "555 " + String.format("%06d", Math.floorMod(lastName.hashCode(), 1_000_000)));
    form.put("client:save", "client:save");
    return form;
  }

  private static String uniqueName() {
    Random random = new Random();
    StringBuilder name = new StringBuilder("Once");
    for (int i = 0; i < 10; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String sessionCookie(HttpResponse<?> answer) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers().map()));
  }

  /** A GET with a Host header of the caller's choosing, which Java's HTTP client would not send. */
  private static String rawGet(String path, String host) throws IOException {
    try (Socket socket = new Socket(clinic.uri("/").getHost(), clinic.uri("/").getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
