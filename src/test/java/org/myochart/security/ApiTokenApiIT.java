package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StaffMembers;
import org.myochart.testsupport.StoredRows;

/**
 * Bearer tokens for integrations, issued and revoked by the owner, over HTTP on the demo clinic.
 */
@ResourceLock(SharedDemoData.API_TOKENS)
class ApiTokenApiIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static HttpResponse<String> issue(String json) {
    return Http.postJson(clinic.uri("/api/v1/tokens"), "owner", PASSWORD, json);
  }

  private static JsonObject issueFor(String username, String name) {
    HttpResponse<String> issued =
        issue(
            Json.createObjectBuilder()
                .add("username", username)
                .add("name", name)
                .add("validDays", 30)
                .build()
                .toString());
    assertEquals(201, issued.statusCode(), issued.body());
    assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
    return Http.json(issued);
  }

  private static HttpResponse<String> me(String token) {
    return Http.send(
        HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
            .header("Authorization", "Bearer " + token));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTokenActsAsItsAccountAndOnlyItsFingerprintIsStored() throws Exception {
    JsonObject issued = issueFor("therapist1", "Booking sync");
    String token = issued.getString("token");
    long id = issued.getJsonObject("about").getJsonNumber("id").longValue();

    HttpResponse<String> me = me(token);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("therapist1", Http.json(me).getString("username"));
    assertEquals("THERAPIST", issued.getJsonObject("about").getString("role"));

    // The database holds the SHA-256, never the token.
    assertEquals(
        sha256(token),
        StoredRows.text(clinic, "select token_sha256 from api_token where id = ?", id));
    assertEquals(0, StoredRows.count(clinic, "api_token", "token_sha256 = ?", token));
    // The list never shows a token again; it shows when this one was used.
    HttpResponse<String> list = Http.get(clinic.uri("/api/v1/tokens"), "owner", PASSWORD);
    assertEquals(200, list.statusCode());
    assertFalse(list.body().contains(token));
    assertTrue(list.body().contains("\"name\":\"Booking sync\""));
    assertEquals(
        1,
        StoredRows.count(clinic, "api_token", "id = ? and last_used_at is not null", id),
        "the first use is written down");
    assertEquals(1, tokenEntries("CREATE", id));
    // A token's role is its account's: a therapist's token may not list the staff.
    HttpResponse<String> staff =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/staff"))
                .header("Authorization", "Bearer " + token));
    assertEquals(403, staff.statusCode());
  }

  @Test
  void aRevokedTokenIsRefusedFromItsNextCallAndRevokingTwiceIsHarmless() {
    JsonObject issued = issueFor("frontdesk", "Reception display");
    String token = issued.getString("token");
    long id = issued.getJsonObject("about").getJsonNumber("id").longValue();
    assertEquals(200, me(token).statusCode());

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> revoked =
          Http.send(
              HttpRequest.newBuilder(clinic.uri("/api/v1/tokens/" + id))
                  .header("Authorization", Http.basic("owner", PASSWORD))
                  .DELETE());
      assertEquals(200, revoked.statusCode(), revoked.body());
      assertEquals("Revoked", Http.json(revoked).getString("status"));
    }
    assertEquals(1, tokenEntries("REVOKE", id));

    HttpResponse<String> refused = me(token);
    assertEquals(401, refused.statusCode());
    assertTrue(Http.json(refused).getString("message").contains("revoked"), refused.body());
    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(1, tokenEntries("LOGIN_FAILED", id));
  }

  @Test
  void anExpiredTokenIsRefusedWithThatReason() throws Exception {
    JsonObject issued = issueFor("therapist2", "Nightly backup");
    String token = issued.getString("token");
    long id = issued.getJsonObject("about").getJsonNumber("id").longValue();
    try (var db = clinic.database();
        var expire =
            db.prepareStatement(
                "update api_token set created_at = created_at - interval '31' day,"
                    + " expires_at = created_at - interval '1' day where id = ?")) {
      expire.setLong(1, id);
      assertEquals(1, expire.executeUpdate());
    }

    HttpResponse<String> refused = me(token);
    assertEquals(401, refused.statusCode());
    assertTrue(Http.json(refused).getString("message").contains("expired"), refused.body());
  }

  @Test
  void aTokenTheClinicNeverIssuedOrAMalformedOneIsRefusedClearly() {
    HttpResponse<String> unknown = me("myo_" + "A".repeat(43));
    assertEquals(401, unknown.statusCode());
    assertEquals(
        "This bearer token is not one the clinic issued.", Http.json(unknown).getString("message"));

    for (String malformed :
        new String[] {"", "abc", "myo_" + "A".repeat(42) + "%", "x".repeat(5000)}) {
      HttpResponse<String> refused = me(malformed);
      assertEquals(401, refused.statusCode(), malformed);
      assertTrue(Http.json(refused).getString("message").contains("malformed"), refused.body());
    }
    // A bearer token opens no page: pages need a signed-in session.
    HttpResponse<String> page =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/clinical/clients.xhtml"))
                .header("Authorization", "Bearer " + "myo_" + "A".repeat(43)));
    assertEquals(302, page.statusCode());
  }

  @Test
  void onlyTheOwnerIssuesListsAndRevokesAndBadRequestsAreRefusedWithNothingStored() {
    long before = StoredRows.count(clinic, "api_token", null);
    String body =
        Json.createObjectBuilder()
            .add("username", "therapist1")
            .add("name", "Mine")
            .build()
            .toString();
    assertEquals(
        403,
        Http.postJson(clinic.uri("/api/v1/tokens"), "therapist1", PASSWORD, body).statusCode());
    assertEquals(403, Http.get(clinic.uri("/api/v1/tokens"), "frontdesk", PASSWORD).statusCode());

    assertRefused(400, "{\"username\":\"therapist1\",\"name\":\"x\",\"validDays\":0}", "1 to 365");
    assertRefused(
        400, "{\"username\":\"therapist1\",\"name\":\"x\",\"validDays\":366}", "1 to 365");
    assertRefused(400, "{\"username\":\"therapist1\",\"name\":\"  \"}", "name");
    assertRefused(400, "{\"username\":\"therapist1\",\"name\":\"" + "n".repeat(81) + "\"}", "80");
    assertRefused(400, "{\"name\":\"x\"}", "username");
    assertRefused(404, "{\"username\":\"nobody-here\",\"name\":\"x\"}", "nobody-here");
    assertRefused(400, "[1,2]", "");

    HttpResponse<String> missing =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/tokens/987654321"))
                .header("Authorization", Http.basic("owner", PASSWORD))
                .DELETE());
    assertEquals(404, missing.statusCode());
    assertEquals(before, StoredRows.count(clinic, "api_token", null));
  }

  @Test
  void refusedTokensCountAgainstTheirAddressLikeWrongPasswords() {
    String token = issueFor("therapist1", "Address test").getString("token");
    // Not SignInThrottleIT's range (203.0.113.x): both share the demo clinic, and ten refusals here
    // would lock an address that test counts on being fresh.
    String address = "198.18.0." + (1 + new java.util.Random().nextInt(250));
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> refused =
          Http.send(
              HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
                  .header("X-Forwarded-For", address)
                  .header("Authorization", "Bearer myo_" + "C".repeat(43)));
      assertEquals(401, refused.statusCode(), "guess " + i);
    }
    // From then on the address is refused, even with a good token, without a check or an entry.
    long entries = StoredRows.count(clinic, "audit_entry", "ip_address = ?", address);
    HttpResponse<String> blocked =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
                .header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + token));
    assertEquals(429, blocked.statusCode(), blocked.body());
    assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
    assertTrue(Http.json(blocked).getString("message").contains("Too many attempts"));
    assertEquals(entries, StoredRows.count(clinic, "audit_entry", "ip_address = ?", address));
    // Other addresses are not affected.
    assertEquals(200, me(token).statusCode());
  }

  @Test
  void aTokenNeverManagesTokensEvenTheOwners() {
    String ownerToken = issueFor("owner", "Owner's script").getString("token");
    HttpResponse<String> list =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/tokens"))
                .header("Authorization", "Bearer " + ownerToken));
    assertEquals(403, list.statusCode(), list.body());
    long before = StoredRows.count(clinic, "api_token", null);
    HttpResponse<String> successor =
        Http.send(
            HttpRequest.newBuilder(clinic.uri("/api/v1/tokens"))
                .header("Authorization", "Bearer " + ownerToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"owner\",\"name\":\"Successor\",\"validDays\":365}")));
    assertEquals(403, successor.statusCode(), successor.body());
    assertTrue(Http.json(successor).getString("message").contains("not with a token"));
    assertEquals(before, StoredRows.count(clinic, "api_token", null));
    // Elsewhere the owner's token is the owner.
    assertEquals(200, me(ownerToken).statusCode());
  }

  @Test
  void aTokenForAnAccountStillOnItsTemporaryPasswordWorksAndItsRoleIsKept() {
    String username = StaffMembers.add(clinic, "FRONT_DESK", "Token Desk");
    String token = issueFor(username, "Check-in kiosk feed").getString("token");

    HttpResponse<String> me = me(token);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("FRONT_DESK", Http.json(me).getString("role"));
  }

  /** Audit entries of this action about this token (record ids of other kinds may be equal). */
  private static long tokenEntries(String action, long tokenId) {
    return StoredRows.count(
        clinic,
        "audit_entry",
        "action = ? and record_type = 'ApiToken' and record_id = ?",
        action,
        Long.toString(tokenId));
  }

  private static void assertRefused(int status, String body, String mentioned) {
    HttpResponse<String> refused = issue(body);
    assertEquals(status, refused.statusCode(), body + " -> " + refused.body());
    assertTrue(refused.body().contains(mentioned), body + " -> " + refused.body());
  }
}
