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
 * A browser session without a browser: keeps the cookies the server sets (the session id and
 * Payara's session version, which it checks on replicated sessions) and sends them back as a
 * browser does, follows redirects on request and posts Faces forms with the view state the page
 * carried, or with whatever view state a test wants to forge.
 */
public final class WebSession {

  public static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final Pattern VIEW_STATE_INPUT =
      Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final String SESSION_COOKIE = "JSESSIONID";
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)(.*)$");

  private final RunningClinic clinic;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  // Each page's CSP nonce by its view state: PrimeFaces' script posts it back with the form.
  private final Map<String, String> nonces = new java.util.HashMap<>();
  private static final Pattern NONCE = Pattern.compile("\\snonce=\"([^\"]+)\"");

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
        .POST(HttpRequest.BodyPublishers.ofString(encode(withNonce(form)))));
  }

  /** The CSP nonce of the page this session received with that view state, for forms built by hand. */
  public Optional<String> nonceFor(String viewState) {
    return Optional.ofNullable(nonces.get(viewState));
  }

  /** The form as a browser sends it: with its page's CSP nonce, unless the caller set one. */
  private Map<String, String> withNonce(Map<String, String> form) {
    String nonce = nonces.get(form.get(VIEW_STATE));
    if (nonce == null || form.containsKey(PlainHttpSession.NONCE_FIELD)) {
      return form;
    }
    Map<String, String> sent = new LinkedHashMap<>(form);
    sent.put(PlainHttpSession.NONCE_FIELD, nonce);
    return sent;
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
        .POST(HttpRequest.BodyPublishers.ofString(encode(withNonce(form)))));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    withCookies(request);
    HttpResponse<String> answer = Http.send(request);
    keepCookies(answer);
    Matcher nonce = NONCE.matcher(answer.body() == null ? "" : answer.body());
    if (nonce.find()) {
      viewStateIn(answer.body()).ifPresent(state -> nonces.put(state, nonce.group(1)));
    }
    return answer;
  }

  private void withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookieHeader());
    }
  }

  private void keepCookies(HttpResponse<?> answer) {
    for (String cookie : answer.headers().allValues("Set-Cookie")) {
      Matcher set = SET_COOKIE.matcher(cookie);
      if (set.matches()) {
        boolean removed = set.group(2).isEmpty() || set.group(3).toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
        if (removed) {
          cookies.remove(set.group(1));
        } else {
          cookies.put(set.group(1), set.group(2));
        }
      }
    }
  }

  /** GETs a file (a PDF, an image) with this session's cookie. */
  public HttpResponse<byte[]> download(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    withCookies(request);
    return Http.sendBytes(request);
  }

  public String sessionId() {
    return cookies.get(SESSION_COOKIE);
  }

  /** All cookies this session would send now, as a {@code Cookie} header. */
  public String cookieHeader() {
    return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
  }

  /** Sends only this made-up session id from now on, as an attacker choosing one would. */
  public void useSessionId(String id) {
    cookies.clear();
    cookies.put(SESSION_COOKIE, id);
  }

  /** Sends exactly these cookies from now on (a {@code Cookie} header), as a copied or fixed session would be sent. */
  public void useCookies(String cookieHeader) {
    cookies.clear();
    for (String cookie : cookieHeader.split(";\\s*")) {
      int equals = cookie.indexOf('=');
      cookies.put(cookie.substring(0, equals), cookie.substring(equals + 1));
    }
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
