package org.myochart.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;

/** The clients API over HTTP against the running demo clinic. */
@Isolated("It counts every client list the front desk opens.")
class ClientApiIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String surname() {
    return Names.uniqueSurname("Api");
  }

  private static HttpResponse<String> register(String user, String json) {
    return Http.postJson(clinic.uri("/api/v1/clients"), user, PASSWORD, json);
  }

  @Test
  void frontDeskRegistersAClientAndEveryoneCanFindIt() {
    String last = surname();
    HttpResponse<String> created =
        register(
            "frontdesk",
            "{\"firstName\":\"Eli\",\"lastName\":\""
                + last
                + "\",\"dateOfBirth\":\"1991-12-24\",\"phone\":\""
                + Names.phoneOf(last)
                + "\"}");

    assertEquals(201, created.statusCode(), created.body());
    int id = Http.json(created).getInt("id");
    JsonObject found =
        Http.json(Http.get(clinic.uri("/api/v1/clients?q=" + last), "therapist1", PASSWORD));
    assertEquals(1, found.getInt("total"));
    assertEquals(id, found.getJsonArray("clients").getJsonObject(0).getInt("id"));
    JsonObject one = Http.json(Http.get(clinic.uri("/api/v1/clients/" + id), "owner", PASSWORD));
    assertEquals("1991-12-24", one.getString("dateOfBirth"));
    assertEquals(1, AuditRows.count(clinic, "VIEW", "owner", "Client", Integer.toString(id)));
  }

  @Test
  void therapistMayNotRegisterOverTheApi() {
    HttpResponse<String> response =
        register(
            "therapist1",
            "{\"firstName\":\"No\",\"lastName\":\"Way\",\"dateOfBirth\":\"1990-01-01\"}");

    assertEquals(403, response.statusCode());
  }

  @Test
  void badInputIsAnsweredWithEveryFieldProblem() {
    String last = surname();
    HttpResponse<String> response =
        register(
            "owner",
            "{\"firstName\":\"<script>alert(1)</script>\",\"lastName\":\""
                + last
                + "\",\"dateOfBirth\":\"2999-01-01\","
                + "\"email\":\"nope\",\"notes\":\""
                + "n".repeat(10_000)
                + "\"}");

    assertEquals(400, response.statusCode());
    JsonObject fields = Http.json(response).getJsonObject("fields");
    assertEquals("The date of birth cannot be in the future.", fields.getString("dateOfBirth"));
    assertTrue(fields.containsKey("email"));
    assertTrue(fields.containsKey("notes"));
    assertEquals(
        0,
        Http.json(
                Http.get(
                    clinic.uri("/api/v1/clients?q=" + last + "&inactive=true"), "owner", PASSWORD))
            .getInt("total"));
  }

  @Test
  void malformedDateAndPagingAreRefusedClearly() {
    HttpResponse<String> badDate =
        register(
            "owner", "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"24/12/1991\"}");
    HttpResponse<String> badPage =
        Http.get(clinic.uri("/api/v1/clients?size=1000"), "owner", PASSWORD);

    assertEquals(400, badDate.statusCode());
    assertEquals(
        "dateOfBirth must be a date as YYYY-MM-DD.", Http.json(badDate).getString("message"));
    assertEquals(400, badPage.statusCode());
  }

  @Test
  void unknownClientIs404() {
    assertEquals(
        404, Http.get(clinic.uri("/api/v1/clients/99999999"), "owner", PASSWORD).statusCode());
  }

  @Test
  void demoClinicHasClientsWithIntakes() {
    JsonObject found =
        Http.json(Http.get(clinic.uri("/api/v1/clients?q=Bergström"), "owner", PASSWORD));

    assertTrue(found.getInt("total") >= 1);
  }

  @Test
  void listingClientsLeavesOneEntryWithTheQueryAndTheNumberOfRows() {
    String last = surname();
    register(
        "owner",
        "{\"firstName\":\"Lis\",\"lastName\":\"" + last + "\",\"dateOfBirth\":\"1979-01-02\"}");
    register(
        "owner",
        "{\"firstName\":\"Lisa\",\"lastName\":\"" + last + "\",\"dateOfBirth\":\"1979-01-03\"}");
    String listed = "action = 'VIEW' and record_type = 'ClientList' and actor = 'frontdesk'";
    long before = StoredRows.count(clinic, "audit_entry", listed);

    HttpResponse<String> page =
        Http.get(clinic.uri("/api/v1/clients?size=100&q=" + last), "frontdesk", PASSWORD);

    assertEquals(200, page.statusCode(), page.body());
    assertEquals(
        before + 1,
        StoredRows.count(clinic, "audit_entry", listed),
        "one entry for the whole list, not one per row");
    String detail =
        StoredRows.text(
            clinic, "select detail from audit_entry where " + listed + " order by id desc");
    assertTrue(detail.contains("\"query\":\"" + last + "\""), detail);
    assertTrue(detail.contains("\"rows\":2"), detail);
  }
}
