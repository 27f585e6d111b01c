package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;

/** The staff API over HTTP Basic against the running demo clinic. */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
class StaffApiIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void callWithoutCredentialsGets401WithJsonAndABasicChallenge() {
    HttpResponse<String> response = Http.get(clinic.uri("/api/v1/staff/me"));

    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(401, Http.json(response).getInt("status"));
    assertTrue(Http.json(response).getString("message").contains("HTTP Basic"));
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    HttpResponse<String> wrongPassword =
        Http.get(clinic.uri("/api/v1/staff/me"), "therapist2", "not-the-password-at-all");
    HttpResponse<String> unknownUser =
        Http.get(
            clinic.uri("/api/v1/staff/me"), "nobody-" + UUID.randomUUID(), "whatever-password");

    assertEquals(401, wrongPassword.statusCode());
    assertEquals(401, unknownUser.statusCode());
    assertEquals(
        Http.json(wrongPassword).getString("message"), Http.json(unknownUser).getString("message"));
  }

  @Test
  void overlongCredentialsGetTheOrdinaryRefusal() {
    HttpResponse<String> response =
        Http.get(clinic.uri("/api/v1/staff/me"), "u".repeat(1000), "p".repeat(1000));
    HttpResponse<String> huge =
        Http.get(clinic.uri("/api/v1/staff/me"), "u".repeat(20000), "p".repeat(20000));

    assertEquals(401, response.statusCode());
    assertEquals("Unknown username or wrong password.", Http.json(response).getString("message"));
    assertTrue(
        huge.statusCode() == 431 || huge.statusCode() == 400 || huge.statusCode() == 401,
        "status " + huge.statusCode());
  }

  @Test
  void malformedAuthorizationHeaderIsRefusedClearly() {
    HttpResponse<String> response =
        Http.send(
            java.net.http.HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
                .header("Authorization", "Basic %%%not-base64%%%"));

    assertEquals(401, response.statusCode());
    assertEquals(
        "The Authorization header is not valid Base64.", Http.json(response).getString("message"));
  }

  @Test
  void staffMemberSeesThemselves() {
    JsonObject me = Http.json(Http.get(clinic.uri("/api/v1/staff/me"), "therapist1", PASSWORD));

    assertEquals("therapist1", me.getString("username"));
    assertEquals("THERAPIST", me.getString("role"));
  }

  @Test
  void therapistAskingForTheStaffListGets403AndTheDenialIsAudited() {
    int before = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null);

    HttpResponse<String> response = Http.get(clinic.uri("/api/v1/staff"), "therapist2", PASSWORD);

    assertEquals(403, response.statusCode());
    assertEquals(
        "Your role may not use this part of the API.", Http.json(response).getString("message"));
    assertEquals(before + 1, AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null));
  }

  @Test
  void ownerAddsAStaffMemberWhoMustChangeTheTemporaryPassword() {
    String username = "api" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Jonas Berg\",\"role\":\"THERAPIST\",\"temporaryPassword\":\"first day at the clinic\"}");

    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created
            .headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/api/v1/staff/" + Http.json(created).getInt("id")));
    assertEquals(
        1,
        AuditRows.count(
            clinic,
            "CREATE",
            "owner",
            "StaffAccount",
            Integer.toString(Http.json(created).getInt("id"))));
  }

  @Test
  void temporaryPasswordCannotBeUsedOnTheApiUntilReplaced() {
    String username = "tmp" + UUID.randomUUID().toString().substring(0, 8);
    Http.postJson(
        clinic.uri("/api/v1/staff"),
        "owner",
        PASSWORD,
        "{\"username\":\""
            + username
            + "\",\"displayName\":\"Temp Only\",\"role\":\"FRONT_DESK\",\"temporaryPassword\":\"given by the owner\"}");

    HttpResponse<String> response =
        Http.get(clinic.uri("/api/v1/staff/me"), username, "given by the owner");

    assertEquals(403, response.statusCode());
    assertTrue(Http.json(response).getString("message").contains("temporary password"));
  }

  @Test
  void badStaffInputGets400WithTheReason() {
    HttpResponse<String> shortPassword =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            "{\"username\":\"shorty\",\"displayName\":\"Short\",\"role\":\"THERAPIST\",\"temporaryPassword\":\"abc\"}");
    HttpResponse<String> unknownRole =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            "{\"username\":\"roleless\",\"displayName\":\"R\",\"role\":\"SURGEON\",\"temporaryPassword\":\"long enough password\"}");
    HttpResponse<String> notJson =
        Http.postJson(clinic.uri("/api/v1/staff"), "owner", PASSWORD, "{\"username\": ");
    HttpResponse<String> hostileName =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            "{\"username\":\"x'; drop table staff_account;--\",\"displayName\":\"R\",\"role\":\"THERAPIST\",\"temporaryPassword\":\"long enough password\"}");

    assertEquals(400, shortPassword.statusCode());
    assertTrue(Http.json(shortPassword).getString("message").contains("at least 12 characters"));
    assertEquals(400, unknownRole.statusCode());
    assertTrue(Http.json(unknownRole).getString("message").contains("Unknown role"));
    assertEquals(400, notJson.statusCode());
    assertEquals(
        "The request body is not valid JSON for this call.",
        Http.json(notJson).getString("message"));
    assertEquals(400, hostileName.statusCode());
    assertEquals(200, Http.get(clinic.uri("/api/v1/staff"), "owner", PASSWORD).statusCode());
  }

  @Test
  void duplicateUsernameGets409() {
    HttpResponse<String> response =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            "{\"username\":\"therapist1\",\"displayName\":\"Copy\",\"role\":\"THERAPIST\",\"temporaryPassword\":\"long enough password\"}");

    assertEquals(409, response.statusCode());
    assertTrue(Http.json(response).getString("message").contains("is taken"));
  }

  @Test
  void unknownStaffIdGets404AndNonNumericIdDoesToo() {
    assertEquals(
        404, Http.get(clinic.uri("/api/v1/staff/987654321"), "owner", PASSWORD).statusCode());
    assertEquals(404, Http.get(clinic.uri("/api/v1/staff/abc"), "owner", PASSWORD).statusCode());
  }

  @Test
  void apiCallsNeverCreateASession() {
    HttpResponse<String> response =
        Http.get(clinic.uri("/api/v1/staff/me"), "therapist1", PASSWORD);

    assertTrue(
        response.headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith("JSESSIONID")));
  }
}
