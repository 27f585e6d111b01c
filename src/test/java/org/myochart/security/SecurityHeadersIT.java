package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * Every address of the access matrix in docs/security.md, asked by each role and by nobody, and
 * every redirect on the way, carries the security headers with exactly the documented values; so do
 * refusals (401, 403, 404, 405), the sign-in and kiosk pages and static resources.
 */
class SecurityHeadersIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final Map<String, String> HEADERS = new LinkedHashMap<>();

  /**
   * Scripts only from MyoChart itself; on pages, also inline scripts that carry the page's nonce.
   */
  private static final String POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'; script-src 'self'";

  private static final Pattern WITH_NONCE =
      Pattern.compile(Pattern.quote(POLICY) + " 'nonce-([A-Za-z0-9+/=]{16,})';");
  private static final Pattern SCRIPT_TAG =
      Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  static {
    HEADERS.put("X-Content-Type-Options", "nosniff");
    HEADERS.put("X-Frame-Options", "DENY");
    HEADERS.put("Referrer-Policy", "no-referrer");
    HEADERS.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    HEADERS.put("Cross-Origin-Opener-Policy", "same-origin");
  }

  private static RunningClinic clinic;
  private static long client;
  private static long consent;
  private static long note;
  private static long addendum;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    client = firstId("client");
    consent = firstId("consent");
    note = firstId("soap_note");
    addendum = firstId("note_addendum");
  }

  private static long firstId(String table) {
    return StoredRows.count(clinic, table, null) == 0
        ? 1
        : StoredRows.number(clinic, "select min(id) from " + table);
  }

  private static List<String> pages() {
    return List.of(
        "/",
        "/login.xhtml",
        "/setup.xhtml",
        "/staff/dashboard.xhtml",
        "/account/password.xhtml",
        "/owner/staff.xhtml",
        "/owner/staff-edit.xhtml",
        "/owner/staff-edit.xhtml?id=1",
        "/staff/clients/clients.xhtml",
        "/staff/clients/client-edit.xhtml",
        "/staff/clients/client-edit.xhtml?id=" + client,
        "/staff/clients/client.xhtml?id=" + client,
        "/staff/clients/client.xhtml?id=not-a-number",
        "/staff/consents/consent.xhtml?id=" + consent,
        "/staff/consents/signature?id=" + consent,
        "/staff/consents/scan?id=" + consent,
        "/staff/consents/paper.xhtml?client=" + client,
        "/staff/consents/print.xhtml?client=" + client,
        "/staff/consents/pdf?id=" + consent,
        "/owner/consent-forms.xhtml",
        "/owner/consent-form.xhtml",
        "/owner/consent-form.xhtml?id=1",
        "/clinical/intake.xhtml?client=" + client,
        "/clinical/clearance.xhtml?client=" + client,
        "/clinical/visit-check.xhtml?client=" + client,
        "/clinical/session-start.xhtml?client=" + client,
        "/clinical/note.xhtml?id=" + note,
        "/clinical/notes.xhtml",
        "/clinical/notes/pdf?id=" + note,
        "/clinical/addenda/pdf?id=" + addendum,
        "/clinical/referral-letter?client=" + client,
        "/clinical/clearance-letter?id=999999",
        "/owner/catalogue.xhtml",
        "/owner/verify.xhtml",
        "/owner/chart-pdf?client=" + client,
        "/verify.xhtml",
        "/owner/exports.xhtml",
        "/owner/exports/archive?id=999999",
        "/kiosk/index.xhtml",
        "/kiosk/intake.xhtml",
        "/kiosk/consent.xhtml",
        "/errors/expired.xhtml",
        "/no/such/page.xhtml",
        "/no-such-servlet",
        "/WEB-INF/web.xml",
        "/resources/myochart/myochart.css",
        "/jakarta.faces.resource/myochart/myochart.css.xhtml",
        "/jakarta.faces.resource/core.js.xhtml?ln=primefaces");
  }

  private static List<String> apiPaths() {
    return List.of(
        "/api/v1/clients",
        "/api/v1/clients?q=a",
        "/api/v1/clients/" + client,
        "/api/v1/clients/999999",
        "/api/v1/clients/" + client + "/consents",
        "/api/v1/clients/" + client + "/notes",
        "/api/v1/notes/" + note,
        "/api/v1/consents/" + consent + "/pdf",
        "/api/v1/notes/" + note + "/pdf",
        "/api/v1/exports/999999",
        "/api/v1/exports/999999/archive",
        "/api/v1/clients/" + client + "/chart.pdf",
        "/api/v1/staff/me",
        "/api/v1/staff",
        "/api/v1/staff/1",
        "/api/v1/no/such/resource",
        "/api/v1/clients?size=100000");
  }

  @Test
  void everyPageAndItsRedirectsCarryTheHeadersForEveryRole() {
    List<String> problems = new ArrayList<>();
    Set<Integer> statuses = new TreeSet<>();
    Map<String, WebSession> sessions = new LinkedHashMap<>();
    sessions.put("anonymous", new WebSession(clinic));
    for (String username : List.of("owner", "therapist1", "frontdesk")) {
      sessions.put(username, WebSession.signedIn(clinic, username, PASSWORD));
    }
    for (Map.Entry<String, WebSession> who : sessions.entrySet()) {
      for (String path : pages()) {
        HttpResponse<String> answer = who.getValue().get(path);
        check(who.getKey() + " GET " + path, answer, problems, statuses);
        for (int hop = 0; hop < 5 && answer.statusCode() / 100 == 3; hop++) {
          answer =
              who.getValue()
                  .send(
                      HttpRequest.newBuilder(
                              answer
                                  .uri()
                                  .resolve(answer.headers().firstValue("Location").orElseThrow()))
                          .GET());
          check(
              who.getKey() + " GET " + path + " → " + answer.uri().getPath(),
              answer,
              problems,
              statuses);
        }
      }
      check(
          who.getKey() + " PUT /login.xhtml",
          who.getValue()
              .send(
                  HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                      .PUT(HttpRequest.BodyPublishers.ofString("x"))),
          problems,
          statuses);
      // TRACE is refused by the HTTP listener before the application, so without its headers;
      // what matters is that nothing is echoed back.
      HttpResponse<String> trace =
          who.getValue()
              .send(
                  HttpRequest.newBuilder(clinic.uri("/login.xhtml"))
                      .method("TRACE", HttpRequest.BodyPublishers.noBody()));
      if (trace.statusCode() != 405 || trace.body().contains("JSESSIONID")) {
        problems.add(who.getKey() + " TRACE → " + trace.statusCode() + " " + trace.body());
      }
      check(
          who.getKey() + " POST /login.xhtml forged",
          who.getValue()
              .post("/login.xhtml", Map.of("login", "login", WebSession.VIEW_STATE, "-1:2")),
          problems,
          statuses);
    }

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertTrue(statuses.containsAll(Set.of(200, 302, 403, 404)), "statuses seen: " + statuses);
  }

  @Test
  void everyApiAnswerCarriesTheHeadersForEveryRoleAndForRefusals() {
    List<String> problems = new ArrayList<>();
    Set<Integer> statuses = new TreeSet<>();
    Map<String, String> authorizations = new LinkedHashMap<>();
    authorizations.put("nobody", null);
    // An unknown username: wrong passwords for a real one would lock it for the other tests.
    authorizations.put(
        "wrong password", Http.basic("nobody" + System.nanoTime(), "not the password at all"));
    authorizations.put("not basic", "Bearer abc");
    for (String username : List.of("owner", "therapist1", "frontdesk")) {
      authorizations.put(username, Http.basic(username, PASSWORD));
    }
    for (Map.Entry<String, String> who : authorizations.entrySet()) {
      for (String path : apiPaths()) {
        check(
            who.getKey() + " GET " + path,
            Http.send(api(path, who.getValue()).GET()),
            problems,
            statuses);
      }
      check(
          who.getKey() + " DELETE clients",
          Http.send(api("/api/v1/clients/" + client, who.getValue()).DELETE()),
          problems,
          statuses);
      check(
          who.getKey() + " POST clients not JSON",
          Http.send(
              api("/api/v1/clients", who.getValue())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":"))),
          problems,
          statuses);
      check(
          who.getKey() + " POST clients as text",
          Http.send(
              api("/api/v1/clients", who.getValue())
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("hello"))),
          problems,
          statuses);
      check(
          who.getKey() + " POST verifications empty",
          Http.send(
              api("/api/v1/verifications", who.getValue())
                  .header("Content-Type", "application/pdf")
                  .POST(HttpRequest.BodyPublishers.noBody())),
          problems,
          statuses);
    }

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertTrue(
        statuses.containsAll(Set.of(200, 400, 401, 403, 404, 405, 415)),
        "statuses seen: " + statuses);
  }

  @Test
  void htstsIsAddedBehindATlsProxyOnPagesAndApiRefusalsAlike() {
    for (HttpRequest.Builder request :
        List.of(
            HttpRequest.newBuilder(clinic.uri("/login.xhtml")),
            HttpRequest.newBuilder(clinic.uri("/staff/dashboard.xhtml")),
            HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me")),
            HttpRequest.newBuilder(clinic.uri("/no/such/page.xhtml")))) {
      HttpResponse<String> answer = Http.send(request.header("X-Forwarded-Proto", "https"));
      assertEquals(
          "max-age=31536000; includeSubDomains",
          answer.headers().firstValue("Strict-Transport-Security").orElse(""),
          answer.uri().toString());
    }
  }

  private static HttpRequest.Builder api(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(clinic.uri(path));
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private static void check(
      String what, HttpResponse<String> answer, List<String> problems, Set<Integer> statuses) {
    statuses.add(answer.statusCode());
    String where = what + " (" + answer.statusCode() + ")";
    HEADERS.forEach(
        (name, value) -> {
          List<String> sent = answer.headers().allValues(name);
          if (!sent.equals(List.of(value))) {
            problems.add(where + ": " + name + " is " + sent);
          }
        });
    checkPolicy(where, answer, problems);
    if (answer.headers().firstValue("Strict-Transport-Security").isPresent()) {
      problems.add(where + ": HSTS over plain HTTP");
    }
    List<String> cache = answer.headers().allValues("Cache-Control");
    boolean facesResource = answer.uri().getPath().startsWith("/jakarta.faces.resource/");
    if (facesResource ? cache.contains("no-store") : !cache.equals(List.of("no-store"))) {
      problems.add(where + ": Cache-Control is " + cache);
    }
  }

  /**
   * Exactly one policy, ours: as it stands, or on a page with the nonce PrimeFaces gave it. A page
   * with scripts must carry the nonce on every inline script and no inline event handler.
   */
  private static void checkPolicy(
      String where, HttpResponse<String> answer, List<String> problems) {
    List<String> sent = answer.headers().allValues("Content-Security-Policy");
    if (sent.size() != 1) {
      problems.add(where + ": Content-Security-Policy is " + sent);
      return;
    }
    String policy = sent.get(0);
    Matcher nonced = WITH_NONCE.matcher(policy);
    boolean hasNonce = nonced.matches();
    if (!hasNonce && !policy.equals(POLICY)) {
      problems.add(where + ": Content-Security-Policy is " + policy);
      return;
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (answer.statusCode() != 200 || !type.startsWith("text/html")) {
      return;
    }
    String body = answer.body();
    Matcher scripts = SCRIPT_TAG.matcher(body);
    while (scripts.find()) {
      String tag = scripts.group();
      boolean external = tag.contains(" src=");
      if (!external && !(hasNonce && tag.contains("nonce=\"" + nonced.group(1) + "\""))) {
        problems.add(where + ": inline script without the page's nonce: " + tag);
      }
    }
    // Read as the browser reads it: a name such as "<img onerror=…>" inside an attribute's value
    // is text, not a handler; an attribute named on… is a handler.
    for (Element element : Jsoup.parse(body).getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
          problems.add(
              where + ": inline event handler " + attribute.getKey() + " on <" + element.tagName());
        }
      }
    }
  }

  @Test
  void pagesAllowScriptsOnlyFromHereOrWithTheirNonceNeverInlineOrEval() {
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    for (String path :
        List.of("/login.xhtml", "/staff/dashboard.xhtml", "/staff/clients/clients.xhtml")) {
      HttpResponse<String> page =
          path.equals("/login.xhtml") ? new WebSession(clinic).get(path) : therapist.get(path);
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      String scripts = policy.substring(policy.indexOf("script-src"));
      assertTrue(
          scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}';"), path + ": " + policy);
      assertFalse(policy.contains("'unsafe-eval'"), path + ": " + policy);
      assertFalse(scripts.contains("unsafe"), path + ": " + policy);
      assertTrue(
          page.body().contains("nonce=\"" + scripts.replaceAll(".*'nonce-([^']+)'.*", "$1") + "\""),
          path + ": the page's scripts carry the nonce of its policy");
    }
    String first =
        Http.get(clinic.uri("/login.xhtml"))
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("");
    String second =
        Http.get(clinic.uri("/login.xhtml"))
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("");
    assertFalse(first.equals(second), "every page gets a fresh nonce");
  }
}
