package org.myochart.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session without a browser: keeps the session cookie, follows redirects on request and
 * posts Faces forms with the view state the page carried, or with whatever view state a test
 * wants to forge.
 */
public final class WebSession {

  public static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final Pattern VIEW_STATE_INPUT =
      Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]*)");

  private final RunningClinic clinic;
  private String sessionId;

  public WebSession(RunningClinic clinic) {
    this.clinic = clinic;
  }

  /** A session signed in through the sign-in form, as a person would sign in. */
  public static WebSession signedIn(RunningClinic clinic, String username, String password) {
    WebSession session = new WebSession(clinic);
    HttpResponse<String> answer = session.signIn(username, password);
    if (answer.statusCode() != 302 || redirectPath(answer).equals("/login.xhtml")) {
      throw new IllegalStateException(username + " could not sign in: " + answer.statusCode() + " " + answer.headers().map());
    }
    return session;
  }

  /** Opens the sign-in page and posts the form; returns the answer to the post. */
  public HttpResponse<String> signIn(String username, String password) {
    HttpResponse<String> page = get("/login.xhtml");
    return post("/login.xhtml", Map.of(
        "login", "login",
        "login:username", username,
        "login:password", password,
        "login:signIn", "",
        VIEW_STATE, viewState(page.body())));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** GETs and follows redirects within the clinic, returning the last answer. */
  public HttpResponse<String> open(String path) {
    return follow(get(path));
  }

  public HttpResponse<String> follow(HttpResponse<String> answer) {
    for (int hops = 0; hops < 8 && answer.statusCode() / 100 == 3; hops++) {
      answer = send(HttpRequest.newBuilder(answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow())).GET());
    }
    return answer;
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  /** A PrimeFaces Ajax post: runs {@code source} with the given fields, as a button with {@code process} would. */
  public HttpResponse<String> postAjax(String path, String source, Map<String, String> fields) {
    return postAjax(path, source, null, fields);
  }

  /** As above, asking for the components {@code render} (client ids, space-separated) in the answer. */
  public HttpResponse<String> postAjax(String path, String source, String render, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (render != null) {
      form.put("jakarta.faces.partial.render", render);
    }
    form.put("jakarta.faces.partial.ajax", "true");
    form.put("jakarta.faces.source", source);
    form.put("jakarta.faces.partial.execute", String.join(" ", fields.keySet().stream()
        .filter(name -> name.contains(":")).toList()) + " " + source);
    form.put(source, source);
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Faces-Request", "partial/ajax")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    if (sessionId != null) {
      request.header("Cookie", "JSESSIONID=" + sessionId);
    }
    HttpResponse<String> answer = Http.send(request);
    for (String cookie : answer.headers().allValues("Set-Cookie")) {
      Matcher id = SESSION_COOKIE.matcher(cookie);
      if (id.lookingAt()) {
        sessionId = id.group(1).isEmpty() ? null : id.group(1);
      }
    }
    return answer;
  }

  /** GETs a file (a PDF, an image) with this session's cookie. */
  public HttpResponse<byte[]> download(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (sessionId != null) {
      request.header("Cookie", "JSESSIONID=" + sessionId);
    }
    return Http.sendBytes(request);
  }

  public String sessionId() {
    return sessionId;
  }

  /** Sends another session's cookie from now on, as a stolen or fixed id would be sent. */
  public void useSessionId(String id) {
    sessionId = id;
  }

  public URI uri(String path) {
    return path.startsWith("http") ? URI.create(path) : clinic.uri(path);
  }

  public static String viewState(String page) {
    return viewStateIn(page).orElseThrow(() -> new IllegalStateException("No view state in the page:\n" + page));
  }

  public static Optional<String> viewStateIn(String page) {
    Matcher found = VIEW_STATE_INPUT.matcher(page);
    return found.find() ? Optional.of(found.group(1).replace("&#58;", ":").replace("&amp;", "&")) : Optional.empty();
  }

  /** The path the answer redirects to, without host and query. */
  public static String redirectPath(HttpResponse<?> answer) {
    return answer.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("");
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
