package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * A tablet in kiosk mode, asked for every staff address of the access matrix (typed, posted, as API
 * calls with the session cookie, with or without someone's credentials, and as sign-in or
 * sign-out): every answer leads back to the kiosk's own page, and only the password of the staff
 * member who handed the tablet over ends kiosk mode.
 */
@ResourceLock(SharedDemoData.FRONT_DESK_SIGN_INS)
class KioskConfinementIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final String INTAKE = "/kiosk/intake.xhtml";
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static long newClient(String firstName) {
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "frontdesk",
            PASSWORD,
            "{\"firstName\":\""
                + firstName
                + "\",\"lastName\":\""
                + Names.uniqueSurname("Kiosk")
                + "\",\"dateOfBirth\":\"1987-09-10\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  /** A front-desk session that has handed the tablet to a new client for the intake. */
  private static WebSession tabletInKioskMode(long client) {
    WebSession tablet = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    tablet.get("/staff/clients/client.xhtml?id=" + client);
    HttpResponse<String> started =
        tablet.post("/staff/kiosk/start-intake", Map.of("client", Long.toString(client)));
    assertEquals(INTAKE, WebSession.redirectPath(started));
    return tablet;
  }

  private static List<String> staffAddresses(long client) {
    return List.of(
        "/",
        "/index.xhtml",
        "/login.xhtml",
        "/setup.xhtml",
        "/staff/dashboard.xhtml",
        "/account/password.xhtml",
        "/owner/staff.xhtml",
        "/owner/staff-edit.xhtml",
        "/staff/clients/clients.xhtml",
        "/staff/clients/client-edit.xhtml",
        "/staff/clients/client.xhtml?id=" + client,
        "/staff/kiosk/start-intake",
        "/staff/kiosk/start-consent",
        "/staff/consents/consent.xhtml?id=1",
        "/staff/consents/signature?id=1",
        "/staff/consents/scan?id=1",
        "/staff/consents/paper.xhtml?client=" + client,
        "/staff/consents/print.xhtml?client=" + client,
        "/owner/consent-forms.xhtml",
        "/owner/consent-form.xhtml",
        "/clinical/intake.xhtml?client=" + client,
        "/clinical/clearance.xhtml?client=" + client,
        "/clinical/visit-check.xhtml?client=" + client,
        "/clinical/session-start.xhtml?client=" + client,
        "/clinical/note.xhtml?id=1",
        "/clinical/notes.xhtml",
        "/owner/catalogue.xhtml",
        "/owner/verify.xhtml",
        "/owner/chart-pdf?client=" + client,
        "/verify.xhtml",
        "/staff/consents/pdf?id=1",
        "/clinical/notes/pdf?id=1",
        "/clinical/addenda/pdf?id=1",
        "/clinical/referral-letter?client=" + client,
        "/clinical/clearance-letter?id=1",
        "/owner/exports.xhtml",
        "/owner/exports/archive?id=1",
        "/kiosk/index.xhtml",
        "/kiosk/consent.xhtml",
        "/errors/403.xhtml",
        "/errors/expired.xhtml",
        "/no/such/page.xhtml",
        "/WEB-INF/web.xml",
        "/logout",
        "/logout?reason=idle",
        "/resources/myochart/note.js");
  }

  private static List<String> apiAddresses(long client) {
    return List.of(
        "/api/v1/clients",
        "/api/v1/clients/" + client,
        "/api/v1/clients/" + client + "/consents",
        "/api/v1/clients/" + client + "/notes",
        "/api/v1/notes/1",
        "/api/v1/consents/1/pdf",
        "/api/v1/notes/1/pdf",
        "/api/v1/exports/1",
        "/api/v1/exports/1/archive",
        "/api/v1/clients/" + client + "/chart.pdf",
        "/api/v1/audit/verify",
        "/api/v1/staff/me",
        "/api/v1/staff",
        "/api/v1/staff/1");
  }

  private static void expectKiosk(String what, HttpResponse<String> answer, List<String> escapes) {
    if (answer.statusCode() != 302 || !WebSession.redirectPath(answer).equals(INTAKE)) {
      escapes.add(
          what
              + " → "
              + answer.statusCode()
              + " "
              + answer.headers().firstValue("Location").orElse("")
              + " "
              + answer.body().substring(0, Math.min(200, answer.body().length())));
    }
    if (!answer.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")) {
      escapes.add(what + " has no security headers");
    }
  }

  @Test
  void anOpenKioskPageKeepsItsSessionAliveAndALeftAloneTabletLocksBackToStaff() {
    long client = newClient("Cosima");
    WebSession tablet = tabletInKioskMode(client);
    assertEquals(204, tablet.get("/kiosk/alive").statusCode());
    assertEquals(410, WebSession.anonymous(clinic).get("/kiosk/alive").statusCode());
    int locksBefore =
        (int)
            StoredRows.count(
                clinic,
                "audit_entry",
                "action = 'KIOSK_END' and detail like '%lockedAfterIdle%' and client_id = ?",
                client);

    assertEquals(204, tablet.post("/kiosk/alive", Map.of()).statusCode());

    assertEquals(
        locksBefore + 1,
        StoredRows.count(
            clinic,
            "audit_entry",
            "action = 'KIOSK_END' and detail like '%lockedAfterIdle%' and client_id = ?",
            client));
    // The staff session ended with kiosk mode: the tablet is back at the sign-in page.
    assertEquals(410, tablet.get("/kiosk/alive").statusCode());
    assertTrue(
        WebSession.redirectPath(tablet.get("/staff/dashboard.xhtml")).startsWith("/login.xhtml"));
    // Locking again is harmless.
    assertEquals(410, tablet.post("/kiosk/alive", Map.of()).statusCode());
    assertEquals(
        405,
        Http.send(java.net.http.HttpRequest.newBuilder(clinic.uri("/kiosk/alive")).DELETE())
            .statusCode());
  }

  @Test
  void everyStaffAddressTypedOrPostedLeadsBackToTheKiosk() {
    long client = newClient("Anneli");
    WebSession tablet = tabletInKioskMode(client);
    List<String> escapes = new ArrayList<>();

    for (String address : staffAddresses(client)) {
      expectKiosk("GET " + address, tablet.get(address), escapes);
      expectKiosk(
          "POST " + address,
          tablet.post(address, Map.of("client", Long.toString(client))),
          escapes);
    }

    assertEquals(List.of(), escapes, String.join("\n", escapes));
    HttpResponse<String> kiosk = tablet.get(INTAKE);
    assertEquals(200, kiosk.statusCode());
    assertTrue(
        kiosk.body().contains("Anneli"), "still the same client's intake after every attempt");
  }

  @Test
  void apiCallsWithTheKioskCookieLeadBackToTheKioskEvenWithSomeonesCredentials() {
    long client = newClient("Birte");
    WebSession tablet = tabletInKioskMode(client);
    List<String> escapes = new ArrayList<>();

    for (String address : apiAddresses(client)) {
      expectKiosk(
          "GET " + address,
          tablet.send(HttpRequest.newBuilder(tablet.uri(address)).GET()),
          escapes);
      expectKiosk(
          "GET " + address + " as owner",
          tablet.send(
              HttpRequest.newBuilder(tablet.uri(address))
                  .header("Authorization", Http.basic("owner", PASSWORD))
                  .GET()),
          escapes);
    }
    expectKiosk(
        "POST a client",
        tablet.send(
            HttpRequest.newBuilder(tablet.uri("/api/v1/clients"))
                .header("Authorization", Http.basic("frontdesk", PASSWORD))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}"))),
        escapes);

    assertEquals(List.of(), escapes, String.join("\n", escapes));
  }

  @Test
  void signingInAsSomeoneElseOrSigningOutDoesNotLeaveTheKiosk() {
    long client = newClient("Cilla");
    WebSession tablet = tabletInKioskMode(client);
    int signOuts = AuditRows.count(clinic, "LOGOUT", "frontdesk", null);

    HttpResponse<String> signIn =
        tablet.post(
            "/login.xhtml",
            Map.of(
                "login",
                "login",
                "login:username",
                "owner",
                "login:password",
                PASSWORD,
                "login:signIn",
                "",
                WebSession.VIEW_STATE,
                "x"));
    HttpResponse<String> signOut = tablet.post("/logout", Map.of());

    assertEquals(INTAKE, WebSession.redirectPath(signIn));
    assertEquals(INTAKE, WebSession.redirectPath(signOut));
    assertEquals(signOuts, AuditRows.count(clinic, "LOGOUT", "frontdesk", null));
    assertEquals(200, tablet.get(INTAKE).statusCode());
    assertEquals(INTAKE, WebSession.redirectPath(tablet.get("/staff/dashboard.xhtml")));
  }

  @Test
  void onlyTheStaffPasswordEndsKioskMode() {
    long client = newClient("Dagny");
    WebSession tablet = tabletInKioskMode(client);
    String viewState = WebSession.viewState(tablet.get(INTAKE).body());

    for (String guess : new String[] {"", "not the password", "' OR '1'='1"}) {
      HttpResponse<String> refused =
          tablet.postAjax(
              INTAKE,
              "kiosk:unlock",
              Map.of(
                  "kiosk",
                  "kiosk",
                  "kiosk:staffPassword",
                  guess,
                  WebSession.VIEW_STATE,
                  viewState));
      assertFalse(refused.body().contains("<redirect"), guess + ": " + refused.body());
      assertEquals(INTAKE, WebSession.redirectPath(tablet.get("/staff/dashboard.xhtml")), guess);
    }

    HttpResponse<String> unlocked =
        tablet.postAjax(
            INTAKE,
            "kiosk:unlock",
            Map.of(
                "kiosk",
                "kiosk",
                "kiosk:staffPassword",
                PASSWORD,
                WebSession.VIEW_STATE,
                viewState));
    assertTrue(
        unlocked.body().contains("<redirect url=\"/staff/clients/client.xhtml?id=" + client),
        unlocked.body());
    assertEquals(200, tablet.get("/staff/dashboard.xhtml").statusCode());
  }

  @Test
  void aSigningTabletReachesOnlyTheSigningPage() {
    long client = newClient("Ebba");
    WebSession tablet = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    HttpResponse<String> started =
        tablet.post("/staff/kiosk/start-consent", Map.of("client", Long.toString(client)));
    assertEquals("/kiosk/consent.xhtml", WebSession.redirectPath(started));

    for (String address :
        List.of(
            INTAKE,
            "/kiosk/index.xhtml",
            "/staff/dashboard.xhtml",
            "/api/v1/staff/me",
            "/logout")) {
      assertEquals("/kiosk/consent.xhtml", WebSession.redirectPath(tablet.get(address)), address);
    }
    assertEquals(200, tablet.get("/kiosk/consent.xhtml").statusCode());
  }

  @Test
  void wrongTakeBackPasswordsNameNobodyAndSlowTheTabletWithoutLockingTheStarter() {
    long client = newClient("Frida");
    WebSession tablet = tabletInKioskMode(client);
    String viewState = WebSession.viewState(tablet.get(INTAKE).body());
    int failuresBefore = AuditRows.count(clinic, "LOGIN_FAILED", "frontdesk", null);

    List<String> answers = new ArrayList<>();
    for (int guess = 0; guess < 6; guess++) {
      answers.add(
          tablet
              .postAjax(
                  INTAKE,
                  "kiosk:unlock",
                  Map.of(
                      "kiosk",
                      "kiosk",
                      "kiosk:staffPassword",
                      "take-back guess " + guess,
                      WebSession.VIEW_STATE,
                      viewState))
              .body());
    }

    for (String answer : answers.subList(0, 5)) {
      assertTrue(answer.contains("That password does not end kiosk mode."), answer);
    }
    assertTrue(answers.get(5).contains("Too many wrong passwords on this tablet"), answers.get(5));
    assertTrue(
        answers.stream().noneMatch(answer -> answer.contains("frontdesk")), "no username is shown");
    assertEquals(
        failuresBefore + 5,
        AuditRows.count(clinic, "LOGIN_FAILED", "frontdesk", null),
        "each checked failure is audited");
    assertEquals(
        200,
        Http.get(clinic.uri("/api/v1/staff/me"), "frontdesk", PASSWORD).statusCode(),
        "the starter's account is not locked");
    assertEquals(
        INTAKE,
        WebSession.redirectPath(tablet.get("/staff/dashboard.xhtml")),
        "still in kiosk mode");
  }

  @Test
  void anEscapeAttemptIsAuditedOnceAsTheKioskButItsOwnPageIsNot() {
    long client = newClient("Greta");
    WebSession tablet = tabletInKioskMode(client);
    String kiosk = "kiosk:client-" + client + " (started by frontdesk)";

    tablet.get(INTAKE);
    tablet.get("/favicon.ico");
    assertEquals(
        0,
        AuditRows.count(clinic, "KIOSK_ESCAPE", kiosk, null),
        "the kiosk page itself is no escape");
    tablet.get("/staff/dashboard.xhtml");
    tablet.send(
        HttpRequest.newBuilder(tablet.uri("/api/v1/staff/me"))
            .header("Authorization", Http.basic("owner", PASSWORD))
            .GET());

    assertEquals(2, AuditRows.count(clinic, "KIOSK_ESCAPE", kiosk, null), "one entry per attempt");
    assertEquals(1, escapesTo(kiosk, "/staff/dashboard.xhtml"));
    assertEquals(1, escapesTo(kiosk, "/api/v1/staff/me"));
  }

  private static int escapesTo(String kiosk, String path) {
    try (var db = clinic.database();
        var query =
            db.prepareStatement(
                "select count(*) from audit_entry where action = 'KIOSK_ESCAPE' and actor = ? and detail like ?")) {
      query.setString(1, kiosk);
      query.setString(2, "%\"path\":\"" + path + "\"%");
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
