package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * Form posts the server did not hand out: without a view state, with a made-up one, with one from
 * another person's session, and from a page on another site. None of them changes anything.
 */
@ResourceLock(SharedDemoData.FRONT_DESK_SIGN_INS)
class ForgedRequestIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static Map<String, String> registration(String lastName) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client", "client");
    form.put("client:firstName", "Forged");
    form.put("client:lastName", lastName);
    form.put("client:dateOfBirth", "1990-02-03");
    form.put("client:save", "");
    return form;
  }

  private static void assertExpiredPage(WebSession session, HttpResponse<String> answer) {
    assertEquals(302, answer.statusCode(), answer.body());
    assertEquals("/errors/expired.xhtml", WebSession.redirectPath(answer));
    String page = session.follow(answer).body();
    assertTrue(page.contains("This page had expired"), page);
    assertFalse(page.contains(".java:"), "no stack trace");
  }

  @Test
  void theRealFormWithItsViewStateRegistersTheClient() {
    // The control: the same post the forged ones imitate does work when the server handed out the
    // form.
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String lastName = Names.uniqueSurname("Real");
    Map<String, String> form = registration(lastName);
    form.put(
        WebSession.VIEW_STATE,
        WebSession.viewState(frontDesk.get("/staff/clients/client-edit.xhtml").body()));

    HttpResponse<String> answer = frontDesk.post("/staff/clients/client-edit.xhtml", form);

    assertEquals("/staff/clients/client.xhtml", WebSession.redirectPath(answer));
    assertEquals(1, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aPostWithoutViewStateIsAFreshVisitThatChangesNothing() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    frontDesk.get("/staff/clients/client-edit.xhtml");
    String lastName = Names.uniqueSurname("Noview");

    HttpResponse<String> answer =
        frontDesk.post("/staff/clients/client-edit.xhtml", registration(lastName));

    // Without any view state Faces does not treat the post as a form submission at all.
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains("<h1>Register client</h1>"), answer.body());
    assertFalse(answer.body().contains(lastName), "the posted values are not taken up");
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aPostWithAMadeUpViewStateChangesNothing() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    frontDesk.get("/staff/clients/client-edit.xhtml");
    String lastName = Names.uniqueSurname("Madeup");
    Map<String, String> form = registration(lastName);
    form.put(WebSession.VIEW_STATE, "-4711:0815");

    assertExpiredPage(frontDesk, frontDesk.post("/staff/clients/client-edit.xhtml", form));
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aViewStateFromAnotherPersonsSessionIsWorthlessInThisOne() {
    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    String ownersViewState =
        WebSession.viewState(owner.get("/staff/clients/client-edit.xhtml").body());
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String lastName = Names.uniqueSurname("Stolen");
    Map<String, String> form = registration(lastName);
    form.put(WebSession.VIEW_STATE, ownersViewState);

    assertExpiredPage(frontDesk, frontDesk.post("/staff/clients/client-edit.xhtml", form));
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aViewStateFromBeforeSignOutIsWorthlessAfterSigningInAgain() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String oldViewState =
        WebSession.viewState(frontDesk.get("/staff/clients/client-edit.xhtml").body());
    frontDesk.post("/logout", Map.of());
    frontDesk.signIn("frontdesk", PASSWORD);
    String lastName = Names.uniqueSurname("Stale");
    Map<String, String> form = registration(lastName);
    form.put(WebSession.VIEW_STATE, oldViewState);

    assertExpiredPage(frontDesk, frontDesk.post("/staff/clients/client-edit.xhtml", form));
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aPageOnAnotherSiteCannotPutASignedInTabletIntoKioskMode() throws IOException {
    long clientId =
        Http.json(
                Http.postJson(
                    clinic.uri("/api/v1/clients"),
                    "frontdesk",
                    PASSWORD,
                    "{\"firstName\":\"Cross\",\"lastName\":\""
                        + Names.uniqueSurname("Site")
                        + "\",\"dateOfBirth\":\"1991-04-05\"}"))
            .getJsonNumber("id")
            .longValue();
    // "localhost" and "127.0.0.1" are different sites to the browser, so the clinic's SameSite
    // session cookie must not travel with this page's post.
    String target = clinic.uri("/staff/kiosk/start-intake").toString();
    byte[] attack =
        ("<!doctype html><html><body><form id=f method=post action=\""
                + target
                + "\">"
                + "<input type=hidden name=client value=\""
                + clientId
                + "\"></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    otherSite.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, attack.length);
          exchange.getResponseBody().write(attack);
          exchange.close();
        });
    otherSite.start();
    int kioskStarts = AuditRows.count(clinic, "KIOSK_START", "therapist1", null);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("therapist1", PASSWORD);
      String signedInSession = browser.sessionCookie();

      browser.driver().get("http://localhost:" + otherSite.getAddress().getPort() + "/");
      browser.waitFor().until(d -> browser.driver().getCurrentUrl().startsWith(clinic.baseUrl()));

      // The post arrived without the session, so it was sent to sign-in like any stranger's.
      assertEquals("/login.xhtml", browser.path(), browser.driver().getCurrentUrl());
      assertEquals(kioskStarts, AuditRows.count(clinic, "KIOSK_START", "therapist1", null));
      WebSession sameSession = new WebSession(clinic);
      sameSession.useSessionId(signedInSession);
      assertEquals(
          200,
          sameSession.get("/staff/dashboard.xhtml").statusCode(),
          "the signed-in session is not a kiosk");
    } finally {
      otherSite.stop(0);
    }
  }
}
