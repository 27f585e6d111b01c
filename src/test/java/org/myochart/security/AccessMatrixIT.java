package org.myochart.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.WebSession;

/**
 * The access-control matrix of docs/security.md, one row per address and one test per cell, against
 * the demo clinic over plain HTTP. Pages are asked with a signed-in session of each demo person,
 * the API with their HTTP Basic credentials, and the kiosk column with a session that a front-desk
 * member handed to a client for the intake.
 */
@Isolated(
    "It counts the clinic's refusals, clients, staff, tokens and exports exactly, cell by cell.")
class AccessMatrixIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final String KIOSK_PAGE = "/kiosk/intake.xhtml";
  private static final String REFUSED_PAGE = "This page is not for your role";
  private static final String REFUSED_API = "Your role may not use this part of the API.";
  private static final String NOTES_REFUSED =
      "Only the owner and therapists who treat this client read their notes.";

  /** Sessions idle longer than this are replaced, well inside the demo clinic's idle timeout. */
  private static final Duration FRESH_ENOUGH = RunningClinic.IDLE_TIMEOUT.dividedBy(2);

  /**
   * Who asks: the columns of the matrix, with both demo therapists for the cells that depend on the
   * client.
   */
  enum Who {
    ANONYMOUS(null, null),
    OWNER("owner", "OWNER"),
    THERAPIST1("therapist1", "THERAPIST"),
    THERAPIST2("therapist2", "THERAPIST"),
    FRONT_DESK("frontdesk", "FRONT_DESK"),
    KIOSK(null, null);

    final String username;
    final String role;

    Who(String username, String role) {
      this.username = username;
      this.role = role;
    }

    String label() {
      return this == ANONYMOUS || this == KIOSK ? name().toLowerCase() : username;
    }
  }

  private static RunningClinic clinic;

  /** One connection for the class: every cell reads the audit trail before and after. */
  private static Connection db;

  private static final Map<Who, WebSession> sessions = new EnumMap<>(Who.class);

  // The demo clinic's records the rows point at.
  private static long anna;
  private static long jonas;

  /** A client of this test's own, with nothing signed yet, to hand the tablet to. */
  private static long tabletClient;

  private static long amira;
  private static long annaConsent;
  private static long annaNote;
  private static long jonasDraft;
  private static long addendum;
  private static long clearance;
  private static long consentForm;
  private static long therapist1Account;
  private static long export;
  private static byte[] sealedConsent;

  @BeforeAll
  static void findTheDemoRecords() throws Exception {
    clinic = RunningClinic.demo();
    db = clinic.database();
    anna = number("select id from client where last_name = 'Bergström'");
    jonas = number("select id from client where last_name = 'Lindqvist'");
    tabletClient = aNewClient();
    amira = number("select id from client where last_name = 'Haddad'");
    annaConsent =
        number(
            "select min(c.id) from consent c join sealed_record r on r.record_type = 'Consent' and r.record_id = c.id"
                + " where c.client_id = "
                + anna
                + " and c.signature_png is not null");
    annaNote =
        number(
            "select min(id) from soap_note where client_id = "
                + anna
                + " and therapist = 'therapist1'"
                + " and status = 'SIGNED'");
    jonasDraft =
        number(
            "select min(id) from soap_note where client_id = "
                + jonas
                + " and therapist = 'therapist2'"
                + " and status = 'DRAFT'");
    clearance = aClearanceWithALetter();
    consentForm = number("select min(id) from consent_form where active = true");
    therapist1Account = number("select id from staff_account where username = 'therapist1'");
    addendum = anAddendumOnAnnasNote();
    export = aFinishedExport();
    sealedConsent =
        Http.sendBytes(
                HttpRequest.newBuilder(clinic.uri("/api/v1/consents/" + annaConsent + "/pdf"))
                    .header("Authorization", Http.basic("owner", PASSWORD)))
            .body();
  }

  @AfterAll
  static void closeTheDatabase() throws SQLException {
    db.close();
  }

  @TestFactory
  Stream<DynamicTest> everyCellOfTheMatrix() {
    return matrix().stream()
        .flatMap(
            row ->
                Arrays.stream(Who.values())
                    .map(
                        who -> {
                          Expect expected = row.expected.get(who);
                          String name =
                              who.label()
                                  + " "
                                  + row.method
                                  + " "
                                  + row.path
                                  + (row.about.isEmpty() ? "" : " (" + row.about + ")")
                                  + " -> "
                                  + expected;
                          return DynamicTest.dynamicTest(
                              name,
                              () -> {
                                try {
                                  check(row, who, expected);
                                } catch (AssertionError failed) {
                                  // Build reports show dynamic tests by number only; the message
                                  // names the cell.
                                  throw new AssertionError(
                                      name + ": " + failed.getMessage(), failed);
                                }
                              });
                        }));
  }

  /** Where a therapist outside the client's caseload is sent instead: the break-glass screen. */
  private static Expect breakGlass(long clientId) {
    return Expect.redirect("/clinical/break-glass.xhtml?client=" + clientId + "&next=");
  }

  /** The API's refusal for a client outside the caseload; reasons are only given in the app. */
  private static String outsideCaseloadForApi() {
    return "Anna Bergström (client "
        + anna
        + ") is not in your caseload. Open the client in MyoChart and give a reason"
        + " there (break-glass); the access it grants then holds for the API too.";
  }

  /** The rows of docs/security.md, with the demo clinic's ids filled in. */
  private static List<Row> matrix() {
    List<Row> rows = new ArrayList<>();
    String anyone = "";
    // Public pages and the way in.
    rows.add(Row.get("/login.xhtml", anyone).everyone(Expect.page("Sign in")));
    rows.add(Row.get("/setup.xhtml", "an owner exists").everyone(Expect.redirect("/login.xhtml")));
    rows.add(
        Row.get("/login-code.xhtml", "no password accepted in this session")
            .everyone(Expect.redirect("/login.xhtml")));
    rows.add(
        Row.get("/", anyone)
            .anonymous(Expect.redirect("/login.xhtml"))
            .staff(Expect.redirect("/staff/dashboard.xhtml")));
    rows.add(
        Row.get("/logout", "ends the session")
            .ownSessions()
            .anonymous(Expect.redirect("/login.xhtml"))
            .staff(Expect.redirect("/login.xhtml?signedOut=true")));
    rows.add(
        Row.get("/verify.xhtml", "public verification off")
            .everyone(
                publicVerificationOn()
                    ? Expect.page("Verify a signed record")
                    : Expect.notFound()));

    // Pages for every staff member.
    rows.add(
        Row.get("/staff/dashboard.xhtml", anyone)
            .staff(Expect.page("Dashboard").without("auditTile"))
            .owner(Expect.page("Dashboard", "auditTile", "Check now")));
    rows.add(Row.get("/account/password.xhtml", anyone).staff(Expect.page("Change password")));
    rows.add(
        Row.get("/account/second-factor.xhtml", "not yet set up")
            .staff(Expect.page("Second factor", "Sign-in with a second factor", "Turn on")));
    rows.add(Row.get("/staff/clients/clients.xhtml", anyone).staff(Expect.page("Clients")));
    rows.add(
        Row.get("/staff/clients/client-edit.xhtml", "register")
            .staff(Expect.page("Register client")));
    rows.add(
        Row.get("/staff/clients/client-edit.xhtml?id=" + anna, "edit")
            .staff(Expect.page("Client details", "Bergström")));
    rows.add(
        Row.get("/staff/clients/client.xhtml?id=" + jonas, "Jonas, treated by therapist2")
            .owner(
                Expect.page(
                    "Jonas Lindqvist",
                    "Health intake",
                    "Clearances and restrictions",
                    "Download chart PDF"))
            .therapist1(
                Expect.page(
                        "Jonas Lindqvist",
                        "Details",
                        "Consents",
                        "Jonas Lindqvist is not in your caseload")
                    .without(
                        "Health intake",
                        "Clearances and restrictions",
                        "Sessions and notes",
                        "Warfarin",
                        "Download chart PDF"))
            .therapist2(
                Expect.page(
                        "Jonas Lindqvist",
                        "Health intake",
                        "Clearances and restrictions",
                        "Sessions and notes")
                    .without(NOTES_REFUSED, "Download chart PDF"))
            .frontDesk(
                Expect.page("Jonas Lindqvist", "Details", "Consents")
                    .without(
                        "Health intake",
                        "Clearances and restrictions",
                        "Sessions and notes",
                        "Warfarin",
                        "Download chart PDF")));
    rows.add(
        Row.get("/staff/consents/consent.xhtml?id=" + annaConsent, anyone)
            .staff(Expect.page("Consent", "Anna Bergström")));
    rows.add(Row.get("/staff/consents/signature?id=" + annaConsent, anyone).staff(Expect.png()));
    rows.add(
        Row.get("/staff/consents/scan?id=" + annaConsent, "signed on the tablet, so no scan")
            .staff(Expect.notFound()));
    rows.add(Row.get("/staff/consents/pdf?id=" + annaConsent, anyone).staff(Expect.pdf()));
    rows.add(
        Row.get("/staff/consents/paper.xhtml?client=" + anna, anyone)
            .staff(Expect.page("Paper consent")));
    rows.add(
        Row.get("/staff/consents/print.xhtml?client=" + anna + "&form=" + consentForm, anyone)
            .staff(Expect.page("", "Anna Bergström")));
    rows.add(
        Row.post("/staff/kiosk/start-intake", "client=" + tabletClient, "hand the tablet over")
            .ownSessions()
            .staff(Expect.redirect("/kiosk/intake.xhtml"))
            .counting("select count(*) from audit_entry where action = 'KIOSK_START'"));
    rows.add(
        Row.post("/staff/kiosk/start-consent", "client=" + tabletClient, "hand the tablet over")
            .ownSessions()
            .staff(Expect.redirect("/kiosk/consent.xhtml"))
            .counting("select count(*) from audit_entry where action = 'KIOSK_START'"));

    // Owner pages.
    rows.add(Row.get("/owner/staff.xhtml", anyone).ownerOnly(Expect.page("Staff", "therapist1")));
    rows.add(Row.get("/owner/api-tokens.xhtml", anyone).ownerOnly(Expect.page("API tokens")));
    rows.add(Row.get("/owner/clinic.xhtml", anyone).ownerOnly(Expect.page("Clinic details")));
    rows.add(
        Row.get("/owner/staff-edit.xhtml?id=" + therapist1Account, anyone)
            .ownerOnly(Expect.page("Staff member", "therapist1")));
    rows.add(Row.get("/owner/consent-forms.xhtml", anyone).ownerOnly(Expect.page("Consent forms")));
    rows.add(
        Row.get("/owner/consent-form.xhtml?id=" + consentForm, anyone)
            .ownerOnly(Expect.page("Consent form")));
    rows.add(
        Row.get("/owner/catalogue.xhtml", anyone)
            .ownerOnly(Expect.page("Catalogue", "Upper trapezius")));
    rows.add(Row.get("/owner/verify.xhtml", anyone).ownerOnly(Expect.page("Verify a PDF")));
    rows.add(Row.get("/owner/chart-pdf?client=" + anna, anyone).ownerOnly(Expect.pdf()));
    rows.add(
        Row.get("/owner/audit.xhtml?client=" + anna, anyone)
            .ownerOnly(Expect.page("Audit trail", "Export CSV", "/owner/audit.csv?")));
    rows.add(Row.get("/owner/audit.csv?client=" + anna, anyone).ownerOnly(Expect.ok()));
    rows.add(Row.get("/owner/exports.xhtml", anyone).ownerOnly(Expect.page("Audit exports")));
    rows.add(Row.get("/owner/exports/archive?id=" + export, anyone).ownerOnly(Expect.zip()));

    // Clinical pages: owner and therapists.
    // A therapist outside the client's caseload is sent to the break-glass screen first.
    rows.add(
        Row.get("/clinical/intake.xhtml?client=" + anna, "Anna, treated by therapist1")
            .clinical(Expect.page("Health intake", "Sumatriptan"))
            .therapist2(breakGlass(anna)));
    rows.add(
        Row.get("/clinical/clearance.xhtml?client=" + jonas, "Jonas, treated by therapist2")
            .clinical(Expect.page("Medical clearance"))
            .therapist1(breakGlass(jonas)));
    rows.add(
        Row.get("/clinical/visit-check.xhtml?client=" + anna, "Anna, treated by therapist1")
            .clinical(Expect.page("check"))
            .therapist2(breakGlass(anna)));
    rows.add(
        Row.get("/clinical/session-start.xhtml?client=" + anna, "Anna, treated by therapist1")
            .clinical(Expect.page("Start a session"))
            .therapist2(breakGlass(anna)));
    rows.add(
        Row.get("/clinical/break-glass.xhtml?client=" + jonas, "Jonas, treated by therapist2")
            .clinical(Expect.redirect("/staff/clients/client.xhtml?id=" + jonas))
            .therapist1(
                Expect.page("Outside your caseload", "Jonas Lindqvist is not in your caseload")));
    rows.add(
        Row.get("/clinical/note.xhtml?id=" + annaNote, "Anna's signed note by therapist1")
            .clinical(Expect.refused())
            .therapist2(breakGlass(anna))
            .owner(Expect.page("SOAP note", "<form id=\"addendum\"").without("<form id=\"note\""))
            .therapist1(
                Expect.page("SOAP note", "<form id=\"addendum\"").without("<form id=\"note\"")));
    rows.add(
        Row.get("/clinical/note.xhtml?id=" + jonasDraft, "therapist2's draft for Jonas")
            .clinical(Expect.refused())
            .therapist1(breakGlass(jonas))
            .owner(Expect.page("SOAP note").without("<form id=\"note\"", "<form id=\"addendum\""))
            .therapist2(Expect.page("SOAP note", "<form id=\"note\"", "Save draft")));
    rows.add(
        Row.get("/clinical/notes.xhtml", "therapist2 has a draft for Jonas")
            .clinical(Expect.page("Unsigned notes").without("Jonas Lindqvist"))
            .owner(Expect.page("Unsigned notes"))
            .therapist2(Expect.page("Unsigned notes", "Jonas Lindqvist")));
    rows.add(
        Row.get("/clinical/notes/pdf?id=" + annaNote, "Anna's note")
            .clinical(Expect.refused())
            .owner(Expect.pdf())
            .therapist1(Expect.pdf()));
    rows.add(
        Row.get("/clinical/addenda/pdf?id=" + addendum, "on Anna's note")
            .clinical(Expect.refused())
            .owner(Expect.pdf())
            .therapist1(Expect.pdf()));
    rows.add(
        Row.get("/clinical/referral-letter?client=" + amira, "Amira, with an open red flag")
            .clinical(Expect.pdf()));
    rows.add(
        Row.get("/clinical/clearance-letter?id=" + clearance, "a scanned PNG letter")
            .clinical(Expect.png()));

    // The tablet's own pages.
    rows.add(Row.get("/kiosk/index.xhtml", "the locked screen").everyone(Expect.lockedScreen()));
    rows.add(
        Row.get("/kiosk/intake.xhtml", anyone)
            .everyone(Expect.lockedScreen())
            .kiosk(Expect.page("Health questions").without("Sumatriptan", "Bergström")));
    rows.add(
        Row.get("/kiosk/consent.xhtml", "tablet handed over for the intake")
            .everyone(Expect.lockedScreen()));

    // The API.
    rows.add(Row.get("/api/v1/clients?q=Bergstr", anyone).staff(Expect.json("clients")));
    rows.add(Row.get("/api/v1/clients/" + anna, anyone).staff(Expect.json("lastName")));
    rows.add(
        Row.post("/api/v1/clients", null, "register")
            .json(
                () ->
                    "{\"firstName\":\"Matrix\",\"lastName\":\""
                        + Names.uniqueSurname("Matrix")
                        + "\",\"dateOfBirth\":\"1990-05-06\"}")
            .staff(Expect.created("id"))
            .therapists(Expect.refused())
            .counting("select count(*) from client"));
    rows.add(Row.get("/api/v1/clients/" + anna + "/consents", anyone).clinical(Expect.jsonArray()));
    rows.add(
        Row.get("/api/v1/clients/" + anna + "/notes", "Anna, treated by therapist1")
            .clinical(Expect.refused(NOTES_REFUSED))
            .therapist2(Expect.refused(outsideCaseloadForApi()))
            .owner(Expect.jsonArray())
            .therapist1(Expect.jsonArray()));
    rows.add(
        Row.get("/api/v1/notes/" + annaNote, "Anna's note")
            .clinical(Expect.refused(NOTES_REFUSED))
            .therapist2(Expect.refused(outsideCaseloadForApi()))
            .owner(Expect.json("subjective"))
            .therapist1(Expect.json("subjective")));
    rows.add(Row.get("/api/v1/consents/" + annaConsent + "/pdf", anyone).ownerOnly(Expect.pdf()));
    rows.add(Row.get("/api/v1/notes/" + annaNote + "/pdf", anyone).ownerOnly(Expect.pdf()));
    rows.add(
        Row.post("/api/v1/exports", null, "start an export")
            .json(() -> "{\"from\":\"" + LocalDate.now() + "\",\"to\":\"" + LocalDate.now() + "\"}")
            .ownerOnly(Expect.accepted("id"))
            .counting("select count(*) from audit_export"));
    rows.add(Row.get("/api/v1/exports/" + export, anyone).ownerOnly(Expect.json("status")));
    rows.add(Row.get("/api/v1/exports/" + export + "/archive", anyone).ownerOnly(Expect.zip()));
    rows.add(
        Row.post("/api/v1/verifications", null, "Anna's sealed consent")
            .pdf(() -> sealedConsent)
            .ownerOnly(Expect.json("signatureValid"))
            .counting("select count(*) from audit_entry where action = 'VERIFY'"));
    rows.add(Row.get("/api/v1/clients/" + anna + "/chart.pdf", anyone).ownerOnly(Expect.pdf()));
    rows.add(Row.get("/api/v1/audit/verify", anyone).ownerOnly(Expect.json("intact")));
    rows.add(Row.get("/api/v1/audit/tree/heads", anyone).ownerOnly(Expect.json("heads")));
    rows.add(Row.get("/api/v1/staff/me", anyone).staff(Expect.json("username")));
    rows.add(Row.get("/api/v1/staff", anyone).ownerOnly(Expect.jsonArray()));
    rows.add(
        Row.post("/api/v1/staff", null, "add a person")
            .json(
                () ->
                    "{\"username\":\"m"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"displayName\":\"Matrix Person\","
                        + "\"role\":\"THERAPIST\",\"temporaryPassword\":\"first day at the clinic\"}")
            .ownerOnly(Expect.created("id"))
            .counting("select count(*) from staff_account"));
    rows.add(
        Row.get("/api/v1/staff/" + therapist1Account, anyone).ownerOnly(Expect.json("username")));
    rows.add(Row.get("/api/v1/tokens", anyone).ownerOnly(Expect.jsonArray()));
    rows.add(
        Row.post("/api/v1/tokens", null, "issue an API token")
            .json(() -> "{\"username\":\"frontdesk\",\"name\":\"Matrix\",\"validDays\":1}")
            .ownerOnly(Expect.created("token"))
            .counting("select count(*) from api_token"));

    // Served by Payara outside MyoChart's sign-in; the kiosk gate still sends the tablet back.
    rows.add(Row.get("/health", anyone).everyone(Expect.ok()));
    rows.add(Row.get("/metrics", anyone).everyone(Expect.ok()));
    rows.add(Row.get("/openapi", anyone).everyone(Expect.ok()));
    return rows;
  }

  // Conditions the matrix cannot show as one cell.

  @Test
  void aConsentKioskShowsOnlyTheSigningPage() {
    WebSession kiosk = kiosk("/staff/kiosk/start-consent", "/kiosk/consent.xhtml");

    HttpResponse<String> signing = kiosk.get("/kiosk/consent.xhtml");
    HttpResponse<String> staffPage = kiosk.get("/staff/clients/client.xhtml?id=" + anna);
    HttpResponse<String> intake = kiosk.get("/kiosk/intake.xhtml");
    HttpResponse<String> api =
        kiosk.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/clients/" + anna))
                .header("Authorization", Http.basic("owner", PASSWORD)));

    Expect.page("Consent").check(signing);
    for (HttpResponse<String> away : List.of(staffPage, intake, api)) {
      assertEquals(302, away.statusCode());
      assertEquals("/kiosk/consent.xhtml", WebSession.location(away).orElse(""));
    }
  }

  @Test
  void theKioskCannotSignOutToReachTheStaffPages() {
    WebSession kiosk = kiosk("/staff/kiosk/start-intake", KIOSK_PAGE);

    HttpResponse<String> signOut = kiosk.get("/logout");
    HttpResponse<String> dashboard = kiosk.get("/staff/dashboard.xhtml");

    assertEquals(KIOSK_PAGE, WebSession.location(signOut).orElse(""));
    assertEquals(KIOSK_PAGE, WebSession.location(dashboard).orElse(""));
    Expect.page("Health questions").check(kiosk.get(KIOSK_PAGE));
  }

  @Test
  void anotherTherapistCannotSaveADraftThatIsNotTheirs() throws Exception {
    String before =
        text("select client_words || '|' || version from soap_note where id = " + jonasDraft);
    WebSession therapist1 = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    Map<String, String> crafted =
        Map.of(
            "note",
            "note",
            "note:save",
            "note:save",
            "note:clientWords",
            "Overwritten by someone else");

    HttpResponse<String> byTherapist1 =
        therapist1.post("/clinical/note.xhtml?id=" + jonasDraft, crafted);
    HttpResponse<String> byOwner = owner.post("/clinical/note.xhtml?id=" + jonasDraft, crafted);

    // Outside their caseload the note does not even open without a reason.
    breakGlass(jonas).check(byTherapist1);
    // The owner only ever gets the note to read: there is no form whose save could run.
    Expect.page("SOAP note").without("<form id=\"note\"").check(byOwner);
    assertEquals(
        before,
        text("select client_words || '|' || version from soap_note where id = " + jonasDraft));
  }

  @Test
  void aRefusalByARecordsStateIsAPlainPageGivingTheReason() {
    HttpResponse<String> answer =
        session(Who.OWNER).get("/clinical/referral-letter?client=" + anna);

    assertEquals(409, answer.statusCode());
    String page = answer.body();
    assertTrue(page.contains("This cannot be done"), page);
    assertTrue(
        page.contains("This client has no open red flag, so no referral letter is needed."), page);
    assertFalse(page.contains("Payara"), "the server software is not shown: " + page);
  }

  // One cell

  private static void check(Row row, Who who, Expect expected) throws Exception {
    boolean api = row.path.startsWith("/api/");
    // The API is asked with credentials, never a session; the kiosk only has its session.
    WebSession session =
        api && who != Who.KIOSK ? null : row.ownSessions ? newSession(who) : session(who);
    long countBefore = row.counting == null ? 0 : number(row.counting);
    List<String> deniedBefore = who.username == null ? List.of() : denials(who.username);

    HttpResponse<byte[]> response =
        session == null ? Http.sendBytes(request(row, who)) : session.sendBytes(request(row, who));

    expected.check(response);
    if (expected.kind == Kind.REFUSED) {
      assertFalse(who.username == null, "only a signed-in person is refused with 403");
      List<String> deniedAfter = denials(who.username);
      assertEquals(
          deniedBefore.size() + 1,
          deniedAfter.size(),
          "one new ACCESS_DENIED entry for " + who.username);
      String[] recorded = deniedAfter.get(deniedAfter.size() - 1).split("\\|", 3);
      assertEquals(who.role, recorded[0], "the entry names the role");
      if (recorded[1].startsWith("Client:")) {
        // Refused by a service's own caseload check: the entry names the client, the address is in
        // its detail.
        String detail = recorded[2];
        assertTrue(
            detail.contains("\"address\":\"" + row.path.replaceFirst("\\?.*", "") + "\""), detail);
      } else {
        assertEquals(api ? "Api" : "Page", recorded[1]);
        assertEquals(
            auditedPath(row.path), auditedPath(recorded[2]), "the entry names the refused address");
      }
    }
    if (row.counting != null) {
      boolean allowed = expected.allows();
      assertEquals(
          countBefore + (allowed ? 1 : 0),
          number(row.counting),
          allowed ? "one new record" : "nothing was created");
    }
  }

  private static HttpRequest.Builder request(Row row, Who who) {
    HttpRequest.Builder request = HttpRequest.newBuilder(clinic.uri(row.path));
    if (row.body != null) {
      request
          .header("Content-Type", row.contentType)
          .method(row.method, HttpRequest.BodyPublishers.ofByteArray(row.body.get()));
    } else {
      request.method(row.method, HttpRequest.BodyPublishers.noBody());
    }
    if (row.path.startsWith("/api/") && who.username != null) {
      request.header("Authorization", Http.basic(who.username, PASSWORD));
    }
    return request;
  }

  /** The shared session of one person, replaced when it may have timed out. */
  private static synchronized WebSession session(Who who) {
    WebSession session = sessions.get(who);
    if (session == null || session.idle().compareTo(FRESH_ENOUGH) > 0) {
      session = newSession(who);
      sessions.put(who, session);
    }
    return session;
  }

  private static WebSession newSession(Who who) {
    return switch (who) {
      case ANONYMOUS -> WebSession.anonymous(clinic);
      case KIOSK -> kiosk("/staff/kiosk/start-intake", KIOSK_PAGE);
      default -> WebSession.signedIn(clinic, who.username, PASSWORD);
    };
  }

  /**
   * A front-desk session handed to the test's client on the tablet, the way the client profile's
   * button does it.
   */
  private static WebSession kiosk(String start, String page) {
    WebSession session = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    HttpResponse<String> started =
        session.post(start, Map.of("client", Long.toString(tabletClient)));
    assertEquals(302, started.statusCode(), started.body());
    assertEquals(page, WebSession.location(started).orElse(""));
    return session;
  }

  // What a cell expects

  enum Kind {
    PAGE,
    OK,
    PDF,
    PNG,
    ZIP,
    JSON,
    CREATED,
    ACCEPTED,
    REDIRECT,
    REFUSED,
    SIGN_IN,
    TO_KIOSK,
    NOT_FOUND,
    LOCKED
  }

  record Expect(Kind kind, String text, List<String> present, List<String> absent) {

    static Expect page(String title, String... present) {
      return new Expect(Kind.PAGE, title, List.of(present), List.of());
    }

    Expect without(String... absent) {
      return new Expect(kind, text, present, List.of(absent));
    }

    static Expect ok() {
      return new Expect(Kind.OK, "", List.of(), List.of());
    }

    static Expect pdf() {
      return new Expect(Kind.PDF, "", List.of(), List.of());
    }

    static Expect png() {
      return new Expect(Kind.PNG, "", List.of(), List.of());
    }

    static Expect zip() {
      return new Expect(Kind.ZIP, "", List.of(), List.of());
    }

    static Expect json(String field) {
      return new Expect(Kind.JSON, field, List.of(), List.of());
    }

    static Expect jsonArray() {
      return new Expect(Kind.JSON, "[", List.of(), List.of());
    }

    static Expect created(String field) {
      return new Expect(Kind.CREATED, field, List.of(), List.of());
    }

    static Expect accepted(String field) {
      return new Expect(Kind.ACCEPTED, field, List.of(), List.of());
    }

    static Expect redirect(String to) {
      return new Expect(Kind.REDIRECT, to, List.of(), List.of());
    }

    static Expect refused() {
      return new Expect(Kind.REFUSED, REFUSED_API, List.of(), List.of());
    }

    static Expect refused(String apiMessage) {
      return new Expect(Kind.REFUSED, apiMessage, List.of(), List.of());
    }

    static Expect signIn() {
      return new Expect(Kind.SIGN_IN, "", List.of(), List.of());
    }

    static Expect toKiosk() {
      return new Expect(Kind.TO_KIOSK, KIOSK_PAGE, List.of(), List.of());
    }

    static Expect notFound() {
      return new Expect(Kind.NOT_FOUND, "", List.of(), List.of());
    }

    static Expect lockedScreen() {
      return new Expect(Kind.LOCKED, "", List.of(), List.of());
    }

    /** Whether the request gets through to do what it asks. */
    boolean allows() {
      return switch (kind) {
        case REFUSED, SIGN_IN, TO_KIOSK, NOT_FOUND, LOCKED -> false;
        case REDIRECT -> !text.startsWith("/login.xhtml");
        default -> true;
      };
    }

    @Override
    public String toString() {
      return switch (kind) {
        case PAGE -> "200 page" + (text.isEmpty() ? "" : " '" + text + "'");
        case OK -> "200";
        case PDF -> "200 PDF";
        case PNG -> "200 PNG";
        case ZIP -> "200 ZIP";
        case JSON -> "200 JSON";
        case CREATED -> "201";
        case ACCEPTED -> "202";
        case REDIRECT -> "redirect to " + text;
        case REFUSED -> "403";
        case SIGN_IN -> "sign-in";
        case TO_KIOSK -> "back to the kiosk page";
        case NOT_FOUND -> "404";
        case LOCKED -> "locked screen";
      };
    }

    void check(HttpResponse<?> response) {
      String body = WebSession.text(response);
      String path = response.uri().getPath();
      boolean api = path.startsWith("/api/");
      int status = response.statusCode();
      String location = WebSession.location(response).orElse("");
      switch (kind) {
        case PAGE -> {
          assertEquals(200, status, body);
          java.util.regex.Matcher firstTitle =
              Pattern.compile("(?s)<title>(.*?)</title>").matcher(body);
          String title = firstTitle.find() ? firstTitle.group(1) : "";
          assertTrue(title.contains(text), "title '" + title + "'");
          present.forEach(p -> assertTrue(body.contains(p), "the page shows " + p));
          absent.forEach(a -> assertFalse(body.contains(a), "the page does not show " + a));
        }
        case OK -> assertEquals(200, status, body);
        case PDF -> assertMagic(bytes(response), "%PDF-");
        case PNG -> assertMagic(bytes(response), "\u0089PNG");
        case ZIP -> assertMagic(bytes(response), "PK");
        case JSON -> {
          assertEquals(200, status, body);
          assertJson(body, text);
        }
        case CREATED, ACCEPTED -> {
          assertEquals(kind == Kind.CREATED ? 201 : 202, status, body);
          assertJson(body, text);
        }
        case REDIRECT -> {
          assertEquals(302, status, body);
          assertTrue(location.startsWith(text), "redirected to " + location);
        }
        case REFUSED -> {
          assertEquals(403, status, body);
          if (api) {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            assertEquals(403, json.getInt("status"));
            assertEquals(text, json.getString("message"));
          } else {
            assertTrue(body.contains(REFUSED_PAGE), body);
          }
        }
        case SIGN_IN -> {
          if (api) {
            assertEquals(401, status, body);
            assertEquals(
                "Basic realm=\"MyoChart\", charset=\"UTF-8\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(
                401, Json.createReader(new StringReader(body)).readObject().getInt("status"));
          } else {
            assertEquals(302, status, body);
            assertTrue(location.startsWith("/login.xhtml"), "redirected to " + location);
          }
        }
        case TO_KIOSK -> {
          assertEquals(302, status, body);
          assertEquals(text, location);
        }
        case NOT_FOUND -> {
          assertEquals(404, status, body);
          assertFalse(body.contains(REFUSED_PAGE), body);
        }
        case LOCKED -> {
          assertEquals(200, status, body);
          assertTrue(
              body.contains("This tablet is ready. Please hand it to the front desk."), body);
          assertFalse(
              Pattern.compile("<input(?![^>]*type=\"hidden\")|<textarea|<button")
                  .matcher(body)
                  .find(),
              "nothing to fill in on the locked screen");
        }
        default -> fail("unknown expectation " + kind);
      }
    }

    /** Files are checked on the bytes as sent: the matrix asks for every answer as bytes. */
    @SuppressWarnings("unchecked")
    private static HttpResponse<byte[]> bytes(HttpResponse<?> response) {
      assertTrue(response.body() instanceof byte[], "the answer was read as bytes");
      return (HttpResponse<byte[]>) response;
    }

    private static void assertMagic(HttpResponse<byte[]> response, String magic) {
      assertEquals(200, response.statusCode(), WebSession.text(response));
      byte[] expected = magic.getBytes(StandardCharsets.ISO_8859_1);
      byte[] start = Arrays.copyOf(response.body(), expected.length);
      assertTrue(Arrays.equals(expected, start), "starts with " + magic);
    }

    private static void assertJson(String body, String field) {
      JsonStructure json = Json.createReader(new StringReader(body)).read();
      if (field.equals("[")) {
        assertEquals(JsonStructure.ValueType.ARRAY, json.getValueType(), body);
      } else {
        assertTrue(json.asJsonObject().containsKey(field), body);
      }
    }
  }

  /** One address of the matrix and what each column expects. */
  static final class Row {
    final String method;
    final String path;
    final String about;
    final Map<Who, Expect> expected = new EnumMap<>(Who.class);
    Supplier<byte[]> body;
    String contentType;
    String counting;
    boolean ownSessions;

    private Row(String method, String path, String about) {
      this.method = method;
      this.path = path;
      this.about = about;
      for (Who who : Who.values()) {
        expected.put(who, Expect.refused());
      }
      expected.put(Who.ANONYMOUS, Expect.signIn());
      expected.put(Who.KIOSK, Expect.toKiosk());
    }

    static Row get(String path, String about) {
      return new Row("GET", path, about);
    }

    static Row post(String path, String form, String about) {
      Row row = new Row("POST", path, about);
      if (form != null) {
        row.body = () -> form.getBytes(StandardCharsets.UTF_8);
        row.contentType = "application/x-www-form-urlencoded";
      }
      return row;
    }

    Row json(Supplier<String> json) {
      body = () -> json.get().getBytes(StandardCharsets.UTF_8);
      contentType = "application/json";
      return this;
    }

    Row pdf(Supplier<byte[]> pdf) {
      body = pdf;
      contentType = "application/pdf";
      return this;
    }

    /** Each cell signs in afresh, for requests that change or end the session. */
    Row ownSessions() {
      ownSessions = true;
      return this;
    }

    /** A count that must grow by one when the request is allowed and stay when it is not. */
    Row counting(String sql) {
      counting = sql;
      return this;
    }

    /** Anonymous and every staff member alike (the kiosk keeps its own expectation). */
    Row everyone(Expect expect) {
      return anonymous(expect).staff(expect);
    }

    Row anonymous(Expect expect) {
      expected.put(Who.ANONYMOUS, expect);
      return this;
    }

    Row staff(Expect expect) {
      return owner(expect).therapists(expect).frontDesk(expect);
    }

    /** The owner may; therapists and front desk are refused. */
    Row ownerOnly(Expect expect) {
      return owner(expect).therapists(Expect.refused()).frontDesk(Expect.refused());
    }

    /** Owner and therapists may; front desk is refused. */
    Row clinical(Expect expect) {
      return owner(expect).therapists(expect).frontDesk(Expect.refused());
    }

    Row owner(Expect expect) {
      expected.put(Who.OWNER, expect);
      return this;
    }

    Row therapists(Expect expect) {
      return therapist1(expect).therapist2(expect);
    }

    Row therapist1(Expect expect) {
      expected.put(Who.THERAPIST1, expect);
      return this;
    }

    Row therapist2(Expect expect) {
      expected.put(Who.THERAPIST2, expect);
      return this;
    }

    Row frontDesk(Expect expect) {
      expected.put(Who.FRONT_DESK, expect);
      return this;
    }

    Row kiosk(Expect expect) {
      expected.put(Who.KIOSK, expect);
      return this;
    }
  }

  // Setup and the database

  /**
   * therapist1 corrects Anna's note with a signed addendum on the note page, and the addendum is
   * sealed.
   */
  private static long anAddendumOnAnnasNote() throws Exception {
    WebSession therapist1 = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    HttpResponse<String> added =
        therapist1.submitAjax(
            "/clinical/note.xhtml?id=" + annaNote,
            "addendum",
            "addendum:addAddendum",
            Map.of(
                "addendum:reason",
                "Pressure recorded on the wrong side",
                "addendum:body",
                "The trigger point was on the left upper trapezius, not the right.",
                "addendum:password",
                PASSWORD));
    assertEquals(200, added.statusCode(), added.body());
    String sealed =
        "select min(record_id) from sealed_record where record_type = 'NoteAddendum' and client_id = "
            + anna;
    return await("the addendum to be sealed: " + added.body())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> number(sealed), id -> id > 0);
  }

  /** therapist1 records a physician's clearance for the test's client, with a scanned letter. */
  private static long aClearanceWithALetter() throws Exception {
    BufferedImage scan = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(scan, "png", png);
    WebSession therapist1 = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    HttpResponse<String> saved =
        therapist1.submitWithFile(
            "/clinical/clearance.xhtml?client=" + tabletClient,
            "clearance",
            "clearance:save",
            Map.of(
                "clearance:physicianName",
                "Dr. Matrix Lund",
                "clearance:clearedOn",
                LocalDate.now().minusDays(1).toString(),
                "clearance:note",
                "Massage is fine."),
            "clearance:letter",
            "letter.png",
            "image/png",
            png.toByteArray());
    assertEquals(302, saved.statusCode(), saved.body());
    long stored =
        number(
            "select max(id) from medical_clearance where client_id = "
                + tabletClient
                + " and letter is not null");
    assertTrue(stored > 0, "the clearance was stored with its letter");
    return stored;
  }

  private static long aNewClient() {
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "frontdesk",
            PASSWORD,
            "{\"firstName\":\"Tablet\",\"lastName\":\""
                + Names.uniqueSurname("Matrix")
                + "\",\"dateOfBirth\":\"1984-02-03\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  private static long aFinishedExport() throws Exception {
    LocalDate today = LocalDate.now();
    HttpResponse<String> started =
        Http.postJson(
            clinic.uri("/api/v1/exports"),
            "owner",
            PASSWORD,
            "{\"from\":\""
                + today.minusYears(1)
                + "\",\"to\":\""
                + today
                + "\",\"client\":"
                + anna
                + "}");
    assertEquals(202, started.statusCode(), started.body());
    long id = Http.json(started).getJsonNumber("id").longValue();
    String finished =
        await("export " + id + " to finish")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    Http.json(Http.get(clinic.uri("/api/v1/exports/" + id), "owner", PASSWORD))
                        .getString("status"),
                status -> !status.equals("RUNNING"));
    assertEquals("COMPLETED", finished);
    return id;
  }

  private static boolean publicVerificationOn() {
    try {
      return "true"
          .equals(
              text(
                  "select max(option_value) from clinic_option where option_key = 'public-verification'"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A person's ACCESS_DENIED entries as "role|record type|address", oldest first; a service's
   * refusal names the client ("Client:id") and carries the address in its detail.
   */
  private static List<String> denials(String actor) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select actor_role, case when record_type = 'Client' then 'Client:' || record_id else record_type end,"
                + " case when record_type = 'Client' then detail else record_id end"
                + " from audit_entry where action = 'ACCESS_DENIED' and actor = ?"
                + " order by id")) {
      query.setString(1, actor);
      List<String> entries = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
        }
      }
      return entries;
    }
  }

  /** Pages are recorded by their path, API calls by their path below /api/v1. */
  private static String auditedPath(String path) {
    String withoutQuery = path.replaceFirst("\\?.*", "");
    return withoutQuery.replaceFirst("^/api/v1", "").replaceFirst("^/", "");
  }

  private static long number(String sql) throws SQLException {
    String value = text(sql);
    return value == null ? 0 : Long.parseLong(value);
  }

  private static String text(String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }
}
