package org.myochart.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The one HTTP test client: a browser session without a browser. It sends requests through the JDK
 * {@link java.net.http.HttpClient} (see {@link Http}) and keeps every cookie the server sets in a
 * {@link CookieManager}, as a browser does: the session id and Payara's JSESSIONIDVERSION, which
 * another instance of a replicated clinic needs to take the session over. It reads forms, hidden
 * fields, the CSP nonce and the Faces view state from pages with jsoup, and posts forms back with
 * the page's nonce as PrimeFaces' script does.
 *
 * <p>Redirects are never followed unless asked ({@link #follow}, {@link #open}), so that a test
 * sees where the server sends it. {@link #send} takes any request (extra headers such as
 * X-Forwarded-For, other methods) and adds only the cookies.
 */
public final class WebSession {

  public static final String VIEW_STATE = "jakarta.faces.ViewState";
  public static final String NONCE_FIELD = "primefaces.nonce";
  private static final String SESSION_COOKIE = "JSESSIONID";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final RunningClinic clinic;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  // Each page's CSP nonce by its view state: PrimeFaces' script posts it back with the form.
  private final Map<String, String> nonces = new HashMap<>();
  private volatile Instant lastRequest = Instant.now();

  public WebSession(RunningClinic clinic) {
    this.clinic = clinic;
  }

  /** A session that has not signed in. */
  public static WebSession anonymous(RunningClinic clinic) {
    return new WebSession(clinic);
  }

  /**
   * A session signed in through the sign-in form, as a person would sign in; fails unless the
   * server sends it on.
   */
  public static WebSession signedIn(RunningClinic clinic, String username, String password) {
    WebSession session = new WebSession(clinic);
    HttpResponse<String> answer = session.signIn(username, password);
    if (answer.statusCode() != 302 || redirectPath(answer).equals("/login.xhtml")) {
      throw new IllegalStateException(
          username
              + " could not sign in: "
              + answer.statusCode()
              + " "
              + answer.headers().map()
              + "\n"
              + answer.body());
    }
    return session;
  }

  /** Opens the sign-in page and posts its form; returns the answer to the post. */
  public HttpResponse<String> signIn(String username, String password) {
    return submit(
        "/login.xhtml",
        "login",
        "login:signIn",
        Map.of("login:username", username, "login:password", password));
  }

  /**
   * The same session, carried on to another instance of a clustered clinic (as a load balancer
   * would send it there when its first instance stops): every cookie goes with it.
   */
  public WebSession on(RunningClinic other) {
    WebSession moved = new WebSession(other);
    synchronized (cookies) {
      for (URI uri : cookies.getCookieStore().getURIs()) {
        for (HttpCookie cookie : cookies.getCookieStore().get(uri)) {
          moved.cookies.getCookieStore().add(uri, cookie);
        }
      }
    }
    moved.nonces.putAll(nonces);
    return moved;
  }

  // ---- requests

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** GETs and follows redirects within the clinic, returning the last answer. */
  public HttpResponse<String> open(String path) {
    return follow(get(path));
  }

  /** Follows the answer's redirects (at most eight), returning the last answer. */
  public HttpResponse<String> follow(HttpResponse<String> answer) {
    for (int hops = 0; hops < 8 && answer.statusCode() / 100 == 3; hops++) {
      answer =
          send(
              HttpRequest.newBuilder(
                      answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()))
                  .GET());
    }
    return answer;
  }

  /** Posts the fields as a form, with the page's CSP nonce unless the fields carry one. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(withNonce(form)))));
  }

  /**
   * A PrimeFaces Ajax post: runs {@code source} with the given fields, as a button with {@code
   * process} would.
   */
  public HttpResponse<String> postAjax(String path, String source, Map<String, String> fields) {
    return postAjax(path, source, null, fields);
  }

  /**
   * As above, asking for the components {@code render} (client ids, space-separated) in the answer.
   */
  public HttpResponse<String> postAjax(
      String path, String source, String render, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (render != null) {
      form.put("jakarta.faces.partial.render", render);
    }
    form.put("jakarta.faces.partial.ajax", "true");
    form.put("jakarta.faces.source", source);
    form.put(
        "jakarta.faces.partial.execute",
        String.join(" ", fields.keySet().stream().filter(name -> name.contains(":")).toList())
            + " "
            + source);
    form.put(source, source);
    return ajax(path, form);
  }

  /**
   * Opens the page and returns one form's fields as the page filled them, the view state and nonce
   * included.
   */
  public Map<String, String> openForm(String pagePath, String formId) {
    HttpResponse<String> page = get(pagePath);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(
          pagePath
              + " answered "
              + page.statusCode()
              + " "
              + location(page).orElse("")
              + "\n"
              + page.body());
    }
    return formFields(page.body(), formId);
  }

  /**
   * Opens the page, fills the form's fields (hidden ones such as the view state are taken from the
   * page) and presses the named button, as a non-Ajax submit.
   */
  public HttpResponse<String> submit(
      String pagePath, String formId, String button, Map<String, String> values) {
    Map<String, String> fields = formFields(get(pagePath).body(), formId);
    fields.putAll(values);
    fields.put(button, button);
    return post(pagePath, fields);
  }

  /** The same as {@link #submit}, sent as the Ajax request a PrimeFaces button makes. */
  public HttpResponse<String> submitAjax(
      String pagePath, String formId, String button, Map<String, String> values) {
    Map<String, String> fields = formFields(get(pagePath).body(), formId);
    fields.putAll(values);
    fields.put(button, button);
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", button);
    fields.put("jakarta.faces.partial.execute", formId);
    fields.put("jakarta.faces.partial.render", formId);
    return ajax(pagePath, fields);
  }

  /** The same as {@link #submit} for a form that uploads a file (multipart/form-data). */
  public HttpResponse<String> submitWithFile(
      String pagePath,
      String formId,
      String button,
      Map<String, String> values,
      String fileField,
      String fileName,
      String contentType,
      byte[] content) {
    Map<String, String> fields = formFields(get(pagePath).body(), formId);
    fields.putAll(values);
    fields.put(button, button);
    String boundary = "----myochart" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
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
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri(pagePath))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> ajax(String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Faces-Request", "partial/ajax")
            .POST(HttpRequest.BodyPublishers.ofString(encode(withNonce(form)))));
  }

  /**
   * Any request (any method, any extra header), carrying this session's cookies and keeping those
   * the server sets.
   */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    HttpResponse<String> answer = exchange(request, HttpResponse.BodyHandlers.ofString());
    rememberNonce(answer.body());
    return answer;
  }

  /** The same as {@link #send}, keeping the body as bytes (a PDF, an image, a ZIP). */
  public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GETs a file (a PDF, an image) with this session's cookies. */
  public HttpResponse<byte[]> download(String path) {
    return sendBytes(HttpRequest.newBuilder(uri(path)).GET());
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
    HttpRequest request = builder.timeout(TIMEOUT).build();
    try {
      Map<String, List<String>> sent;
      synchronized (cookies) {
        sent = cookies.get(request.uri(), request.headers().map());
      }
      List<String> cookie = sent.getOrDefault("Cookie", List.of());
      if (!cookie.isEmpty()) {
        request =
            HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Cookie", String.join("; ", cookie))
                .build();
      }
      HttpResponse<T> answer = Http.exchange(request, body);
      lastRequest = Instant.now();
      synchronized (cookies) {
        cookies.put(answer.uri(), answer.headers().map());
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException("Cookies could not be read or kept: " + e, e);
    }
  }

  // ---- cookies

  public String sessionId() {
    return cookie(SESSION_COOKIE);
  }

  /** The value of one cookie this session would send to the clinic, or null. */
  public String cookie(String name) {
    return sentCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * All cookies this session would send now, as a {@code Cookie} header (for requests sent from
   * several threads at once).
   */
  public String cookieHeader() {
    return sentCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private List<HttpCookie> sentCookies() {
    synchronized (cookies) {
      return cookies.getCookieStore().get(clinic.uri("/"));
    }
  }

  /** Sends only this made-up session id from now on, as an attacker choosing one would. */
  public void useSessionId(String id) {
    useCookies(SESSION_COOKIE + "=" + id);
  }

  /**
   * Sends exactly these cookies from now on (a {@code Cookie} header), as a copied or fixed session
   * would be sent.
   */
  public void useCookies(String cookieHeader) {
    // Kept as if the clinic had set them, so that cookies it sets later replace them by name.
    List<String> set =
        Arrays.stream(cookieHeader.split(";\\s*")).map(pair -> pair + "; Path=/").toList();
    synchronized (cookies) {
      cookies.getCookieStore().removeAll();
      try {
        cookies.put(clinic.uri("/"), Map.of("Set-Cookie", set));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** How long since this session last reached the server. */
  public Duration idle() {
    return Duration.between(lastRequest, Instant.now());
  }

  public URI uri(String path) {
    return path.startsWith("http") ? URI.create(path) : clinic.uri(path);
  }

  // ---- pages

  /**
   * The CSP nonce of the page this session received with that view state, for forms built by hand.
   */
  public Optional<String> nonceFor(String viewState) {
    synchronized (nonces) {
      return Optional.ofNullable(nonces.get(viewState));
    }
  }

  /** The form as a browser sends it: with its page's CSP nonce, unless the caller set one. */
  private Map<String, String> withNonce(Map<String, String> form) {
    Optional<String> nonce = Optional.ofNullable(form.get(VIEW_STATE)).flatMap(this::nonceFor);
    if (nonce.isEmpty() || form.containsKey(NONCE_FIELD)) {
      return form;
    }
    Map<String, String> sent = new LinkedHashMap<>(form);
    sent.put(NONCE_FIELD, nonce.get());
    return sent;
  }

  private void rememberNonce(String body) {
    if (body == null || !body.contains("nonce=")) {
      return;
    }
    Document page = Jsoup.parse(body);
    Optional<String> nonce = nonceIn(page);
    Optional<String> viewState = viewStateIn(page);
    if (nonce.isPresent() && viewState.isPresent()) {
      synchronized (nonces) {
        nonces.put(viewState.get(), nonce.get());
      }
    }
  }

  /** The page's Faces view state; fails if it has none. */
  public static String viewState(String page) {
    return viewStateIn(page)
        .orElseThrow(() -> new IllegalStateException("No view state in the page:\n" + page));
  }

  public static Optional<String> viewStateIn(String page) {
    return viewStateIn(Jsoup.parse(page));
  }

  private static Optional<String> viewStateIn(Document page) {
    return Optional.ofNullable(page.selectFirst("input[name=\"" + VIEW_STATE + "\"]"))
        .map(input -> input.attr("value"));
  }

  private static Optional<String> nonceIn(Document page) {
    return Optional.ofNullable(page.selectFirst("[nonce]")).map(element -> element.attr("nonce"));
  }

  /**
   * The named text, password and hidden inputs of one form on the page, with the values the page
   * gave them, and the page's CSP nonce as PrimeFaces' script adds it to every form it posts.
   */
  public static Map<String, String> formFields(String html, String formId) {
    Document page = Jsoup.parse(html);
    Element form = page.getElementById(formId);
    if (form == null || !form.normalName().equals("form")) {
      throw new IllegalStateException("The page has no form " + formId + ":\n" + html);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    nonceIn(page).ifPresent(nonce -> fields.put(NONCE_FIELD, nonce));
    for (Element input : form.select("input[name]")) {
      String type = input.hasAttr("type") ? input.attr("type").toLowerCase(Locale.ROOT) : "text";
      if (List.of("text", "hidden", "password").contains(type)) {
        fields.put(input.attr("name"), input.attr("value"));
      }
    }
    return fields;
  }

  /** The path the answer redirects to, without host and query; empty if it does not redirect. */
  public static String redirectPath(HttpResponse<?> answer) {
    return answer.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("");
  }

  /** Where a redirect points, as a path (with its query) on the clinic's server. */
  public static Optional<String> location(HttpResponse<?> answer) {
    return answer.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""));
  }

  /** The body as text, whether it was kept as text or as bytes (then read as UTF-8). */
  public static String text(HttpResponse<?> answer) {
    return answer.body() instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(answer.body());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
