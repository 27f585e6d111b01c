package org.myochart.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser session against a running clinic without a browser: it keeps the session cookie,
 * signs in through the login form as a person would, and posts Faces forms with their view
 * state. Redirects are not followed, so that a test sees where the server sends it.
 */
public final class PlainHttpSession {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private static final Pattern COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern NONCE = Pattern.compile("\\snonce=\"([^\"]+)\"");
  static final String NONCE_FIELD = "primefaces.nonce";

  private final RunningClinic clinic;
  // Every cookie the server set, as a browser keeps them: with session replication Payara also
  // sets JSESSIONIDVERSION, which another instance needs to take the session over.
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private Instant lastRequest = Instant.now();

  private PlainHttpSession(RunningClinic clinic) {
    this.clinic = clinic;
  }

  /** A session that has not signed in. */
  public static PlainHttpSession anonymous(RunningClinic clinic) {
    return new PlainHttpSession(clinic);
  }

  /** Signs in through the login form; fails unless the server sends the person on. */
  public static PlainHttpSession signedIn(RunningClinic clinic, String username, String password) {
    PlainHttpSession session = new PlainHttpSession(clinic);
    HttpResponse<byte[]> answer = session.submit("/login.xhtml", "login", "login:signIn",
        Map.of("login:username", username, "login:password", password));
    if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("/login.xhtml")) {
      throw new IllegalStateException(username + " could not sign in: " + answer.statusCode() + " " + text(answer));
    }
    return session;
  }

  /**
   * The same session, carried on to another instance of a clustered clinic (as a load balancer
   * would send it there when its first instance stops).
   */
  public PlainHttpSession on(RunningClinic other) {
    PlainHttpSession moved = new PlainHttpSession(other);
    moved.cookies.putAll(cookies);
    return moved;
  }

  /** This session's id as the cookie carries it. */
  public String sessionId() {
    return cookies.get("JSESSIONID");
  }

  /** The Cookie header this session sends, for requests sent from several threads at once. */
  public synchronized String cookieHeader() {
    return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
  }

  /** Opens the page and returns one form's fields as the page filled them, the view state included. */
  public Map<String, String> openForm(String pagePath, String formId) {
    HttpResponse<byte[]> page = get(pagePath);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(pagePath + " answered " + page.statusCode() + " "
          + location(page).orElse("") + "\n" + text(page));
    }
    return formFields(text(page), formId);
  }

  /** How long since this session last reached the server. */
  public Duration idle() {
    return Duration.between(lastRequest, Instant.now());
  }

  public HttpResponse<byte[]> get(String path) {
    return send(HttpRequest.newBuilder(clinic.uri(path)).GET());
  }

  public HttpResponse<byte[]> postForm(String path, Map<String, String> fields) {
    return send(HttpRequest.newBuilder(clinic.uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
  }

  /**
   * Opens the page, fills the form's fields (hidden ones such as the view state are taken from
   * the page) and presses the named button, as a non-Ajax submit.
   */
  public HttpResponse<byte[]> submit(String pagePath, String formId, String button, Map<String, String> values) {
    Map<String, String> fields = formFields(text(get(pagePath)), formId);
    fields.putAll(values);
    fields.put(button, button);
    return postForm(pagePath, fields);
  }

  /** The same as {@link #submit}, sent as the Ajax request a PrimeFaces button makes. */
  public HttpResponse<byte[]> submitAjax(String pagePath, String formId, String button, Map<String, String> values) {
    Map<String, String> fields = formFields(text(get(pagePath)), formId);
    fields.putAll(values);
    fields.put(button, button);
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", button);
    fields.put("jakarta.faces.partial.execute", formId);
    fields.put("jakarta.faces.partial.render", formId);
    return send(HttpRequest.newBuilder(clinic.uri(pagePath))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Faces-Request", "partial/ajax")
        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
  }

  /** The same as {@link #submit} for a form that uploads a file (multipart/form-data). */
  public HttpResponse<byte[]> submitWithFile(String pagePath, String formId, String button, Map<String, String> values,
      String fileField, String fileName, String contentType, byte[] content) {
    Map<String, String> fields = formFields(text(get(pagePath)), formId);
    fields.putAll(values);
    fields.put(button, button);
    String boundary = "----matrix" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(clinic.uri(pagePath))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Any request, carrying this session's cookie and keeping the one the server sets. */
  public HttpResponse<byte[]> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
      lastRequest = Instant.now();
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        Matcher matcher = COOKIE.matcher(cookie);
        if (matcher.find()) {
          boolean removed = matcher.group(2).isEmpty() || cookie.toLowerCase().contains("max-age=0");
          if (removed) {
            cookies.remove(matcher.group(1));
          } else {
            cookies.put(matcher.group(1), matcher.group(2));
          }
        }
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Where a redirect points, as a path on the clinic's server. */
  public static Optional<String> location(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""));
  }

  /** The named and valued text, password and hidden inputs of one form on the page. */
  static Map<String, String> formFields(String page, String formId) {
    int start = page.indexOf("<form id=\"" + formId + "\"");
    if (start < 0) {
      throw new IllegalStateException("The page has no form " + formId);
    }
    int end = page.indexOf("</form>", start);
    Map<String, String> fields = new LinkedHashMap<>();
    // PrimeFaces' script adds the page's CSP nonce to every form a browser posts back.
    Matcher nonce = NONCE.matcher(page);
    if (nonce.find()) {
      fields.put(NONCE_FIELD, nonce.group(1));
    }
    Matcher inputs = INPUT.matcher(page.substring(start, end));
    while (inputs.find()) {
      String tag = inputs.group();
      String name = attribute(tag, "name");
      String type = Optional.ofNullable(attribute(tag, "type")).orElse("text");
      if (name != null && List.of("text", "hidden", "password").contains(type.toLowerCase())) {
        fields.put(name, Optional.ofNullable(attribute(tag, "value")).orElse(""));
      }
    }
    return fields;
  }

  private static String attribute(String tag, String name) {
    Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return value.find() ? unescape(value.group(1)) : null;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
