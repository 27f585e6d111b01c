package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;

/**
 * Input beyond every limit: text fields past their length (also when the browser's maxlength is
 * bypassed), uploads past their size, a huge JSON body, an endless address and header. Each gets a
 * clear refusal, never a 500, and nothing is half-saved.
 */
class OversizeInputIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final int MB = 1024 * 1024;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static long newClient() {
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "frontdesk",
            PASSWORD,
            "{\"firstName\":\"Large\",\"lastName\":\""
                + Names.uniqueSurname("Size")
                + "\",\"dateOfBirth\":\"1975-05-06\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  @Test
  void clientFormFieldsPastTheirLimitAreRefusedOrCutEvenWithoutTheBrowsersMaxlength() {
    WebSession frontDesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    String lastName = Names.uniqueSurname("Long");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client", "client");
    form.put("client:firstName", "F".repeat(101));
    form.put("client:lastName", lastName);
    form.put("client:dateOfBirth", "1980-01-01");
    form.put("client:phone", "1".repeat(41));
    form.put("client:notes", "n".repeat(4001));
    form.put("client:save", "");
    form.put(
        WebSession.VIEW_STATE,
        WebSession.viewState(frontDesk.get("/staff/clients/client-edit.xhtml").body()));

    HttpResponse<String> answer = frontDesk.post("/staff/clients/client-edit.xhtml", form);

    assertEquals(200, answer.statusCode(), "the form comes back with the messages");
    assertTrue(
        answer.body().contains("The notes may have at most 4000 characters; it has 4001."),
        answer.body());
    // Fields with a maxlength are cut to it by the page component itself, so nothing longer can
    // arrive.
    assertTrue(
        answer.body().contains("value=\"" + "F".repeat(100) + "\""), "first name cut to 100");
    assertFalse(answer.body().contains("F".repeat(101)));
    assertFalse(answer.body().contains("1".repeat(41)));
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void apiFieldsPastTheirLimitAreAnsweredWithEveryProblemAndNothingIsStored() {
    String lastName = Names.uniqueSurname("Api");
    String body =
        Json.createObjectBuilder()
            .add("firstName", "F".repeat(101))
            .add("lastName", lastName)
            .add("dateOfBirth", "1980-01-01")
            .add("email", "e".repeat(195) + "@x.org")
            .add("notes", "n".repeat(4001))
            .build()
            .toString();

    HttpResponse<String> answer =
        Http.postJson(clinic.uri("/api/v1/clients"), "frontdesk", PASSWORD, body);

    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(
        answer.body().contains("The first name may have at most 100 characters; it has 101."),
        answer.body());
    assertTrue(
        answer.body().contains("The notes may have at most 4000 characters; it has 4001."),
        answer.body());
    assertTrue(answer.body().contains("at most 200 characters"), answer.body());
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aStaffDisplayNamePastItsLimitIsRefused() {
    String username = "long" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> answer =
        Http.postJson(
            clinic.uri("/api/v1/staff"),
            "owner",
            PASSWORD,
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "D".repeat(121))
                .add("role", "THERAPIST")
                .add("temporaryPassword", "long enough password")
                .build()
                .toString());

    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(Http.json(answer).getString("message").contains("120"), answer.body());
    assertEquals(0, StoredRows.count(clinic, "staff_account", "username = ?", username));
  }

  @Test
  void aHugeJsonBodyIsRefusedWithA4xxNotAServerError() {
    String lastName = Names.uniqueSurname("Huge");
    String body =
        "{\"firstName\":\"Big\",\"lastName\":\""
            + lastName
            + "\",\"dateOfBirth\":\"1980-01-01\",\"notes\":\""
            + "x".repeat(24 * MB)
            + "\"}";

    HttpResponse<String> answer =
        Http.postJson(clinic.uri("/api/v1/clients"), "frontdesk", PASSWORD, body);

    assertTrue(
        answer.statusCode() >= 400 && answer.statusCode() < 500,
        answer.statusCode() + " " + answer.body());
    assertTrue(answer.body().startsWith("{\"status\":" + answer.statusCode()), answer.body());
    assertEquals(0, StoredRows.clientsNamed(clinic, lastName));
  }

  @Test
  void aClearanceLetterOverFiveMegabytesIsRefusedOnItsFieldAndNothingIsRecorded() {
    long client = newClient();
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    byte[] letter = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 5 * MB + 1);
    long before = StoredRows.count(clinic, "medical_clearance", "client_id = ?", client);

    HttpResponse<String> answer = postClearance(therapist, client, letter);

    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains("The file is larger than 5 MB."), answer.body());
    assertEquals(before, StoredRows.count(clinic, "medical_clearance", "client_id = ?", client));
  }

  @Test
  void anUploadBeyondTheRequestCapIsAnswered413WithAClearPageBeforeTheBodyIsRead()
      throws IOException {
    long client = newClient();
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    String viewState =
        WebSession.viewState(therapist.get("/clinical/clearance.xhtml?client=" + client).body());
    String boundary = "----myochart" + UUID.randomUUID();
    String start =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"clearance\"\r\n\r\nclearance\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + WebSession.VIEW_STATE
            + "\"\r\n\r\n"
            + viewState
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"clearance:letter\"; filename=\"letter.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";

    String answer =
        rawRequest(
            "POST /clinical/clearance.xhtml?client="
                + client
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Cookie: "
                + therapist.cookieHeader()
                + "\r\nContent-Type: multipart/form-data; boundary="
                + boundary
                + "\r\nContent-Length: "
                + (70L * MB)
                + "\r\n\r\n"
                + start,
            true);

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("The file is too large"), answer);
    assertTrue(answer.contains("X-Frame-Options: DENY"), answer);
    assertEquals(0, StoredRows.count(clinic, "medical_clearance", "client_id = ?", client));
    assertEquals(
        200,
        therapist.get("/clinical/clearance.xhtml?client=" + client).statusCode(),
        "the session goes on");
  }

  @Test
  void anEndlessAddressIsRefusedWithoutAServerError() {
    HttpResponse<String> page =
        Http.get(clinic.uri("/staff/clients/clients.xhtml?q=" + "a".repeat(200_000)));
    HttpResponse<String> api =
        Http.get(clinic.uri("/api/v1/clients?q=" + "a".repeat(200_000)), "owner", PASSWORD);

    for (HttpResponse<String> answer : new HttpResponse[] {page, api}) {
      assertTrue(
          answer.statusCode() >= 400 && answer.statusCode() < 500, "status " + answer.statusCode());
      assertFalse(answer.body().contains(".java:"), "no stack trace");
    }
  }

  @Test
  void anEndlessHeaderIsRefusedWithoutAServerError() throws IOException {
    String status =
        rawRequest(
            "GET /login.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "p".repeat(200_000)
                + "\r\nConnection: close\r\n\r\n",
            false);

    assertTrue(status.matches("HTTP/1\\.1 4\\d\\d.*"), status);
  }

  private static HttpResponse<String> postClearance(
      WebSession therapist, long client, byte[] letter) {
    String viewState =
        WebSession.viewState(therapist.get("/clinical/clearance.xhtml?client=" + client).body());
    String boundary = "----myochart" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(letter.length + 4096);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("clearance", "clearance");
    fields.put("clearance:physicianName", "Dr. Size");
    fields.put("clearance:clearedOn", "2026-11-01");
    fields.put("clearance:note", "Cleared.");
    fields.put("clearance:save", "");
    fields.put(WebSession.VIEW_STATE, viewState);
    therapist.nonceFor(viewState).ifPresent(nonce -> fields.put("primefaces.nonce", nonce));
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"clearance:letter\"; "
                + "filename=\"letter.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(letter);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return therapist.send(
        HttpRequest.newBuilder(therapist.uri("/clinical/clearance.xhtml?client=" + client))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * The answer to a request written byte for byte, as no well-behaved client would write it: its
   * status line, or with {@code whole} everything the server sends before closing.
   */
  private static String rawRequest(String request, boolean whole) throws IOException {
    try (Socket socket = new Socket(clinic.uri("/").getHost(), clinic.uri("/").getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException closedEarly) {
        // The server may answer and close before reading it all; its answer is what counts.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        for (int c = in.read(); c != -1; c = in.read()) {
          if (!whole && (c == '\r' || c == '\n')) {
            break;
          }
          answer.write(c);
          if (whole && answer.toString(StandardCharsets.UTF_8).contains("</html>")) {
            break;
          }
        }
      } catch (IOException reset) {
        // What arrived before the connection closed is the answer.
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
