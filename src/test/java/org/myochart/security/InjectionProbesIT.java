package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * SQL-injection probes in every search box, id parameter and API field: no 500, no stack trace,
 * nothing stored beyond what was asked for, and the tables still there afterwards.
 */
@Isolated(
    "It checks that probes change nothing by counting every client, staff member, consent and note.")
class InjectionProbesIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  static final List<String> PROBES =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE client; --",
          "\"; DROP TABLE staff_account; --",
          "1 OR 1=1",
          "1; DELETE FROM audit_entry",
          "%",
          "_",
          "%%%%",
          "a%",
          "\\",
          "\\'; --",
          "O\\'Brien",
          "nul\u0000byte",
          "' UNION SELECT password_hash FROM staff_account --",
          "ß".repeat(300) + "\uD83D\uDE00".repeat(50));

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static long apiTotal(String query) {
    HttpResponse<String> found =
        Http.get(clinic.uri("/api/v1/clients?size=1&q=" + encoded(query)), "frontdesk", PASSWORD);
    assertEquals(200, found.statusCode(), query + ": " + found.body());
    return Http.json(found).getJsonNumber("total").longValue();
  }

  private static Map<String, Long> tableSizes() {
    return Map.of(
        "client", StoredRows.count(clinic, "client", null),
        "staff_account", StoredRows.count(clinic, "staff_account", null),
        "consent", StoredRows.count(clinic, "consent", null),
        "soap_note", StoredRows.count(clinic, "soap_note", null));
  }

  private static void assertNoServerError(
      String what, HttpResponse<String> answer, List<String> problems) {
    if (answer.statusCode() >= 500
        || answer.body().contains(".java:")
        || answer.body().contains("SQLException")
        || answer.body().contains("org.eclipse.persistence")) {
      problems.add(
          what
              + " → "
              + answer.statusCode()
              + " "
              + answer.body().substring(0, Math.min(300, answer.body().length())));
    }
  }

  @Test
  void searchProbesFindOnlyWhatTheirLettersFindAndChangeNothing() {
    Map<String, Long> before = tableSizes();
    long everyone = apiTotal("");

    for (String probe : PROBES) {
      apiTotal(probe);
    }

    assertEquals(0, apiTotal("' OR '1'='1"), "a quote cannot widen the search");
    assertEquals(0, apiTotal("' UNION SELECT password_hash FROM staff_account --"));
    assertEquals(everyone, apiTotal("%"), "a wildcard alone is no search at all");
    assertEquals(everyone, apiTotal("_"));
    assertEquals(apiTotal("a"), apiTotal("a%"), "LIKE wildcards are not wildcards");
    assertEquals(
        apiTotal("an"), apiTotal("a_n"), "an underscore is not a single-character wildcard");
    assertEquals(before, tableSizes());
  }

  @Test
  void probesAsIdsGetClearRefusalsNotServerErrors() {
    List<String> problems = new ArrayList<>();
    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    Map<String, Long> before = tableSizes();

    for (String probe : PROBES) {
      String id = encoded(probe);
      for (String api :
          List.of("/api/v1/clients/", "/api/v1/notes/", "/api/v1/staff/", "/api/v1/exports/")) {
        assertNoServerError(
            api + probe, Http.get(clinic.uri(api + id), "owner", PASSWORD), problems);
      }
      assertNoServerError(
          "clients?page " + probe,
          Http.get(clinic.uri("/api/v1/clients?page=" + id + "&size=" + id), "owner", PASSWORD),
          problems);
      for (String page :
          List.of(
              "/staff/clients/client.xhtml?id=",
              "/staff/clients/client-edit.xhtml?id=",
              "/clinical/intake.xhtml?client=",
              "/clinical/note.xhtml?id=",
              "/staff/consents/consent.xhtml?id=",
              "/staff/consents/paper.xhtml?client=",
              "/owner/staff-edit.xhtml?id=",
              "/staff/consents/pdf?id=",
              "/clinical/referral-letter?client=",
              "/owner/chart-pdf?client=",
              "/owner/exports/archive?id=")) {
        assertNoServerError(page + probe, owner.open(page + id), problems);
      }
    }

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertEquals(before, tableSizes());
  }

  @Test
  void probesInTheClientSearchBoxAnswerNormally() {
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    String viewState = WebSession.viewState(therapist.get("/staff/clients/clients.xhtml").body());
    List<String> problems = new ArrayList<>();

    for (String probe : PROBES) {
      HttpResponse<String> answer =
          therapist.postAjax(
              "/staff/clients/clients.xhtml",
              "search:go",
              "search:results",
              Map.of("search", "search", "search:query", probe, WebSession.VIEW_STATE, viewState));
      assertNoServerError("search box " + probe, answer, problems);
      if (!answer.body().contains("<partial-response") || answer.body().contains("<error>")) {
        problems.add("search box " + probe + " → " + answer.body());
      }
    }
    HttpResponse<String> quote =
        therapist.postAjax(
            "/staff/clients/clients.xhtml",
            "search:go",
            "search:results",
            Map.of(
                "search",
                "search",
                "search:query",
                "' OR '1'='1",
                WebSession.VIEW_STATE,
                viewState));

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertTrue(quote.body().contains("No client matches."), quote.body());
  }

  @Test
  void probesInApiFieldsAreStoredLiterallyOrRefusedAndNothingElseChanges() {
    Map<String, Long> before = tableSizes();
    String lastName = Names.uniqueSurname("Probe");
    List<String> problems = new ArrayList<>();
    int registered = 0;

    for (String probe : PROBES) {
      JsonObject body =
          Json.createObjectBuilder()
              .add("firstName", probe.length() > 100 ? probe.substring(0, 100) : probe)
              .add("lastName", lastName)
              .add("dateOfBirth", "1979-01-02")
              .add("notes", probe)
              .add("physicianName", probe.length() > 200 ? probe.substring(0, 200) : probe)
              .build();
      HttpResponse<String> answer =
          Http.postJson(clinic.uri("/api/v1/clients"), "frontdesk", PASSWORD, body.toString());
      assertNoServerError("register " + probe, answer, problems);
      if (answer.statusCode() == 201) {
        registered++;
        long id = Http.json(answer).getJsonNumber("id").longValue();
        JsonObject stored =
            Http.json(Http.get(clinic.uri("/api/v1/clients/" + id), "owner", PASSWORD));
        if (!probe.equals(stored.getString("notes"))) {
          problems.add("notes stored as " + stored.getString("notes") + " instead of " + probe);
        }
      } else if (answer.statusCode() != 400) {
        problems.add("register " + probe + " → " + answer.statusCode());
      }
      HttpResponse<String> staff =
          Http.postJson(
              clinic.uri("/api/v1/staff"),
              "owner",
              PASSWORD,
              Json.createObjectBuilder()
                  .add("username", probe)
                  .add("displayName", probe)
                  .add("role", probe)
                  .add("temporaryPassword", probe + probe)
                  .build()
                  .toString());
      assertNoServerError("staff " + probe, staff, problems);
      if (staff.statusCode() != 400) {
        problems.add("staff " + probe + " → " + staff.statusCode());
      }
    }

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertEquals(registered, StoredRows.clientsNamed(clinic, lastName));
    assertTrue(
        registered > 0 && registered < PROBES.size(),
        "the NUL probe is refused, the others kept as typed");
    Map<String, Long> after = tableSizes();
    assertEquals(before.get("client") + registered, after.get("client"));
    assertEquals(before.get("staff_account"), after.get("staff_account"));
    assertEquals(before.get("consent"), after.get("consent"));
    assertEquals(before.get("soap_note"), after.get("soap_note"));
  }

  @Test
  void probesAsSignInNamesAreOrdinaryFailures() {
    List<String> problems = new ArrayList<>();
    for (String probe : PROBES) {
      HttpResponse<String> api = Http.get(clinic.uri("/api/v1/staff/me"), probe, probe);
      assertNoServerError("api sign-in " + probe, api, problems);
      if (api.statusCode() != 401) {
        problems.add("api sign-in " + probe + " → " + api.statusCode());
      }
    }
    WebSession person = new WebSession(clinic);
    HttpResponse<String> page = person.follow(person.signIn("' OR '1'='1' --", "' OR '1'='1' --"));

    assertEquals(List.of(), problems, String.join("\n", problems));
    assertTrue(page.body().contains("Unknown username or wrong password."), page.body());
    assertFalse(person.open("/staff/dashboard.xhtml").uri().getPath().startsWith("/staff/"));
  }
}
