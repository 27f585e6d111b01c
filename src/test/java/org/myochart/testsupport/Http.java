package org.myochart.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP calls to a running clinic, as curl would make them. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  public static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  public static HttpResponse<String> get(URI uri, String username, String password) {
    return send(
        HttpRequest.newBuilder(uri).header("Authorization", basic(username, password)).GET());
  }

  public static HttpResponse<String> postJson(
      URI uri, String username, String password, String json) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", basic(username, password))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    return exchange(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    return exchange(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Sends the request on the suite's one client (redirects not followed), as {@link WebSession}
   * does too.
   */
  static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return CLIENT.send(request, body);
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A bearer token for {@code username}, issued by the owner over the API and valid for a day: for
   * tests that poll, so that each call costs a lookup instead of a password check (PBKDF2, about
   * 150 ms of a core).
   */
  public static String bearerFor(
      RunningClinic clinic, String ownerPassword, String username, String purpose) {
    HttpResponse<String> issued =
        postJson(
            clinic.uri("/api/v1/tokens"),
            "owner",
            ownerPassword,
            jakarta.json.Json.createObjectBuilder()
                .add("username", username)
                .add("name", purpose)
                .add("validDays", 1)
                .build()
                .toString());
    if (issued.statusCode() != 201) {
      throw new IllegalStateException("No token issued: " + issued.body());
    }
    return "Bearer " + json(issued).getString("token");
  }

  /** A GET with the given Authorization header (a bearer token from {@link #bearerFor}). */
  public static HttpResponse<String> get(URI uri, String authorization) {
    return send(HttpRequest.newBuilder(uri).header("Authorization", authorization).GET());
  }

  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** One named check of a MicroProfile Health answer, wherever it stands in the list. */
  public static JsonObject healthCheck(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
