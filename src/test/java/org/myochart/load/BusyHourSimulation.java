package org.myochart.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clinic's busy hour, spoken as a browser speaks it: Faces pages fetched, their forms and view
 * state read back, PrimeFaces Ajax posts sent with the fields the page's script would send. No
 * JavaScript runs here, so what the scripts do (autosave, the signature pad) is sent by hand.
 *
 * <p>First a set-up phase builds the clinic through its real paths: the owner adds the staff over
 * the API, each person replaces the temporary password, and each therapist's client fills in the
 * intake and signs the consents on a tablet. Then, measured, the busy hour: therapists write,
 * autosave and sign notes and look at the outcome charts, kiosks take new clients through intake
 * and consent, and the owner runs bulk exports.
 *
 * <p>Save and sign requests are named by the time window they fall in ("save draft [2-4 min]") so
 * that one report shows whether the server slows down over the run. Every response is checked for
 * the page's own success text: a Faces answer can be HTTP 200 and still carry an error.
 *
 * <p>Settings are system properties (see {@link LoadSettings}).
 */
public class BusyHourSimulation extends Simulation {

  private static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();
  private static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final String NONCE = "primefaces.nonce";

  /** The clients the set-up prepared, by therapist number. */
  private static final Map<Integer, Long> CLIENTS = new ConcurrentHashMap<>();

  private static final AtomicInteger SETUP_THERAPISTS = new AtomicInteger();
  private static final AtomicInteger SETUP_DESKS = new AtomicInteger();
  private static final AtomicInteger BUSY_THERAPISTS = new AtomicInteger();
  private static final AtomicInteger BUSY_DESKS = new AtomicInteger();
  private static final AtomicInteger NEW_CLIENTS = new AtomicInteger();
  private static final AtomicLong BUSY_HOUR_STARTED = new AtomicLong();

  private final HttpProtocolBuilder protocol =
      http.baseUrls(SETTINGS.baseUrls())
          .userAgentHeader("MyoChart busy-hour load test")
          .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
          .disableFollowRedirect()
          .disableCaching()
          .shareConnections();

  // --- What a Faces answer must show to count as a success ---

  /** The view state of a full page. */
  private static CheckBuilder pageViewState() {
    return css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState");
  }

  /**
   * The page's CSP nonce, which PrimeFaces' script adds to every form a browser posts back ({@code
   * primefaces.nonce}); a postback without it is refused when its answer is rendered.
   */
  private static CheckBuilder pageNonce() {
    return regex("nonce=\"([^\"]+)\"").saveAs("nonce");
  }

  /**
   * An Ajax answer that is no error, no redirect to sign-in or an error page, no refusal message.
   */
  private static CheckBuilder[] ajaxSucceeded(String successText, CheckBuilder... more) {
    List<CheckBuilder> checks =
        new ArrayList<>(
            List.of(
                status().is(200),
                substring("<partial-response").exists(),
                substring("<error>").notExists(),
                regex("<redirect url=\"[^\"]*(login|errors|expired|password)").notExists(),
                substring("ui-message-error").notExists(),
                substring("ui-messages-error").notExists(),
                substring(successText).exists(),
                regex(
                        "<update id=\"j_id1:jakarta.faces.ViewState:0\"><!\\[CDATA\\[([^\\]]*)\\]\\]>")
                    .optional()
                    .saveAs("viewState")));
    checks.addAll(List.of(more));
    return checks.toArray(CheckBuilder[]::new);
  }

  /**
   * What a button asks to have rendered back, from its {@code update} attribute in the page; the
   * rest update the whole form. Autosave renders only the save status and the conflict panel.
   */
  private static final Map<String, String> RENDERED_BY =
      Map.of("note:save", "note:saveStatus note:conflict");

  /** A PrimeFaces Ajax post of a whole form, as a button with process="@form" sends it. */
  private static HttpRequestActionBuilder ajax(
      java.util.function.Function<Session, String> name,
      String page,
      String form,
      String fixedSource,
      java.util.function.Function<Session, Map<String, Object>> fields) {
    return ajax(name, page, form, session -> fixedSource, fields);
  }

  private static HttpRequestActionBuilder ajax(
      java.util.function.Function<Session, String> name,
      String page,
      String form,
      java.util.function.Function<Session, String> sourceOf,
      java.util.function.Function<Session, Map<String, Object>> fields) {
    return http(name)
        .post(page)
        .header("Faces-Request", "partial/ajax")
        .header("X-Requested-With", "XMLHttpRequest")
        .formParamMap(
            session -> {
              String source = sourceOf.apply(session);
              Map<String, Object> all = new HashMap<>(fields.apply(session));
              all.put(form, form);
              all.put(VIEW_STATE, session.getString("viewState"));
              all.put(NONCE, session.getString("nonce"));
              all.put("jakarta.faces.partial.ajax", "true");
              all.put("jakarta.faces.source", source);
              all.put("jakarta.faces.partial.execute", form);
              all.put("jakarta.faces.partial.render", RENDERED_BY.getOrDefault(source, form));
              all.put(source, source);
              return all;
            });
  }

  private static HttpRequestActionBuilder ajax(
      String name,
      String page,
      String form,
      String source,
      java.util.function.Function<Session, Map<String, Object>> fields) {
    return ajax(session -> name, page, form, source, fields);
  }

  /**
   * HTTP Basic credentials, sent with the first request as API clients do (no challenge round
   * trip).
   */
  private static String basic(String username, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  // --- Signing in ---

  private static ChainBuilder signIn(String name, String expectedLocation) {
    return exec(http(name + " page")
            .get("/login.xhtml")
            .check(status().is(200), pageViewState(), pageNonce()))
        .exec(
            http(name)
                .post("/login.xhtml")
                .formParam("login", "login")
                .formParam("login:username", "#{username}")
                .formParam("login:password", "#{password}")
                .formParam("login:signIn", "")
                .formParam(VIEW_STATE, "#{viewState}")
                .formParam(NONCE, "#{nonce}")
                .check(
                    status().is(302),
                    header("Location").transform(l -> l.contains(expectedLocation)).is(true)));
  }

  /** First sign-in with the temporary password: MyoChart asks for a password of one's own. */
  private static ChainBuilder replaceTemporaryPassword() {
    return exec(session -> session.set("password", LoadSettings.TEMPORARY_PASSWORD))
        // The answer leads to the dashboard, which sends a person with a temporary password on to
        // the password page.
        .exec(signIn("setup: sign in with temporary password", "/staff/dashboard.xhtml"))
        .exec(
            http("setup: password page")
                .get("/account/password.xhtml")
                .check(status().is(200), pageViewState(), pageNonce()))
        .exec(
            http("setup: choose own password")
                .post("/account/password.xhtml")
                .formParam("password", "password")
                .formParam("password:current", LoadSettings.TEMPORARY_PASSWORD)
                .formParam("password:newPassword", SETTINGS.staffPassword())
                .formParam("password:confirmation", SETTINGS.staffPassword())
                .formParam("password:change", "")
                .formParam(VIEW_STATE, "#{viewState}")
                .formParam(NONCE, "#{nonce}")
                .check(
                    status().is(302),
                    header("Location").transform(l -> !l.contains("password.xhtml")).is(true)))
        .exec(session -> session.set("password", SETTINGS.staffPassword()));
  }

  private static ChainBuilder addStaff(String role) {
    return exec(
        http("setup: add " + role.toLowerCase())
            .post("/api/v1/staff")
            .header(
                "Authorization",
                session -> basic(SETTINGS.ownerUsername(), SETTINGS.ownerPassword()))
            .header("Content-Type", "application/json")
            .body(
                StringBody(
                    session ->
                        "{\"username\":\""
                            + session.getString("username")
                            + "\",\"displayName\":\""
                            + session.getString("displayName")
                            + "\",\"role\":\""
                            + role
                            + "\",\"temporaryPassword\":\""
                            + LoadSettings.TEMPORARY_PASSWORD
                            + "\"}"))
            .check(status().is(201)));
  }

  // --- The tablet: intake and consent ---

  /**
   * Registers a client over the API, as the front desk (or, in the set-up, the owner: therapists
   * may not).
   */
  private static ChainBuilder registerClient(String name, boolean asOwner) {
    return exec(session -> session.set("clientNumber", NEW_CLIENTS.incrementAndGet()))
        .exec(
            http(name)
                .post("/api/v1/clients")
                .header(
                    "Authorization",
                    session ->
                        asOwner
                            ? basic(SETTINGS.ownerUsername(), SETTINGS.ownerPassword())
                            : basic(session.getString("username"), session.getString("password")))
                .header("Content-Type", "application/json")
                .body(
                    StringBody(
                        session ->
                            "{\"firstName\":\"Mira\",\"lastName\":\"Loadtest"
                                + session.getInt("clientNumber")
                                + "\",\"dateOfBirth\":\"1984-0"
                                + (1 + session.getInt("clientNumber") % 9)
                                + "-1"
                                + (session.getInt("clientNumber") % 9)
                                + "\"}"))
                .check(status().is(201), jsonPath("$.id").ofLong().saveAs("clientId")));
  }

  /** The health intake on the tablet, one screen per topic, answered without warning signs. */
  private static ChainBuilder kioskIntake(String prefix) {
    String page = "/kiosk/intake.xhtml";
    return exec(http(prefix + "hand tablet over for intake")
            .post("/staff/kiosk/start-intake")
            .formParam("client", "#{clientId}")
            .check(status().is(302), header("Location").transform(l -> l.endsWith(page)).is(true)))
        .exec(
            http(prefix + "intake page")
                .get(page)
                .check(
                    status().is(200),
                    pageViewState(),
                    pageNonce(),
                    substring("Step 1 of 6"),
                    css("input[type='radio'][value='no']", "name").findAll().saveAs("flagNames")))
        .exec(
            ajax(
                    prefix + "intake next",
                    page,
                    "kiosk",
                    "kiosk:next",
                    session -> {
                      Map<String, Object> fields = new HashMap<>();
                      for (String flag :
                          session.getList("flagNames").stream().map(Object::toString).toList()) {
                        fields.put(flag, "no");
                      }
                      return fields;
                    })
                .check(ajaxSucceeded("Step 2 of 6")))
        .exec(
            ajax(
                    prefix + "intake next",
                    page,
                    "kiosk",
                    "kiosk:next",
                    session ->
                        Map.of(
                            "kiosk:headacheDaysPerMonth",
                            "8",
                            "kiosk:usualDurationHours",
                            "12",
                            "kiosk:usualIntensity",
                            "6"))
                .check(ajaxSucceeded("Step 3 of 6")))
        .exec(
            ajax(
                    prefix + "intake next",
                    page,
                    "kiosk",
                    "kiosk:next",
                    session ->
                        Map.of(
                            "kiosk:symptoms",
                            List.of("oneSided", "throbbing", "light"),
                            "kiosk:triggers",
                            "Stress and short nights",
                            "kiosk:diagnosed",
                            "yes",
                            "kiosk:diagnosedWhen",
                            "2019"))
                .check(ajaxSucceeded("Step 4 of 6")))
        .exec(
            ajax(prefix + "intake next", page, "kiosk", "kiosk:next", session -> Map.of())
                .check(ajaxSucceeded("Step 5 of 6")))
        .exec(
            ajax(
                    prefix + "intake next",
                    page,
                    "kiosk",
                    "kiosk:next",
                    session -> Map.of("kiosk:oilAllergy", "None known"))
                .check(ajaxSucceeded("Step 6 of 6")))
        .exec(
            ajax(prefix + "kiosk intake send", page, "kiosk", "kiosk:send", session -> Map.of())
                .check(ajaxSucceeded("Your answers have been sent to your therapist.")))
        .exec(unlock(prefix + "take tablet back", page, "kiosk"));
  }

  /** Staff end kiosk mode with their password: the answer redirects to the client's page. */
  private static ChainBuilder unlock(String name, String page, String form) {
    return exec(
        http(name)
            .post(page)
            .header("Faces-Request", "partial/ajax")
            .formParam(form, form)
            .formParam(form + ":staffPassword", "#{password}")
            .formParam(VIEW_STATE, "#{viewState}")
            .formParam(NONCE, "#{nonce}")
            .formParam("jakarta.faces.partial.ajax", "true")
            .formParam("jakarta.faces.source", form + ":unlock")
            .formParam("jakarta.faces.partial.execute", form + ":unlock " + form + ":staffPassword")
            .formParam(form + ":unlock", form + ":unlock")
            .check(
                status().is(200),
                regex("<redirect url=\"[^\"]*/staff/clients/client\\.xhtml").exists()));
  }

  /**
   * The consents on the tablet: the electronic-records disclosure, then each form treatment needs,
   * every statement ticked, every technique accepted, the name typed and a signature drawn.
   */
  private static ChainBuilder kioskConsent(String prefix) {
    String page = "/kiosk/consent.xhtml";
    return exec(http(prefix + "hand tablet over for consent")
            .post("/staff/kiosk/start-consent")
            .formParam("client", "#{clientId}")
            .check(status().is(302), header("Location").transform(l -> l.endsWith(page)).is(true)))
        .exec(
            http(prefix + "consent page")
                .get(page)
                .check(
                    status().is(200),
                    pageViewState(),
                    pageNonce(),
                    bodyString().saveAs("consentScreen")))
        .exec(session -> session.set("formsSigned", 0))
        .asLongAs(
            session ->
                !session
                        .getString("consentScreen")
                        .contains("Your consent has been signed and saved")
                    && session.getInt("formsSigned") < 6)
        .on(
            exec(ajax(
                        session -> prefix + "kiosk consent sign",
                        page,
                        "consent",
                        session ->
                            session.getString("consentScreen").contains("consent:acceptDisclosure")
                                ? "consent:acceptDisclosure"
                                : "consent:sign",
                        session ->
                            consentFields(
                                session.getString("consentScreen"),
                                session.getString("signerName")))
                    .check(
                        ajaxSucceeded(
                            "<update id=\"consent\"", bodyString().saveAs("consentScreen"))))
                .exec(session -> session.set("formsSigned", session.getInt("formsSigned") + 1)))
        .exec(
            session ->
                session
                        .getString("consentScreen")
                        .contains("Your consent has been signed and saved")
                    ? session
                    : session.markAsFailed())
        .exec(unlock(prefix + "take tablet back", page, "consent"));
  }

  private static final java.util.regex.Pattern ACK =
      java.util.regex.Pattern.compile("name=\"([^\"]+:ack_input)\"");
  private static final java.util.regex.Pattern TECHNIQUE =
      java.util.regex.Pattern.compile("name=\"([^\"]+:technique)\" type=\"radio\" value=\"yes\"");

  /** What a client fills in on the consent screen now shown. */
  static Map<String, Object> consentFields(String screen, String signerName) {
    Map<String, Object> fields = new HashMap<>();
    ACK.matcher(screen).results().forEach(m -> fields.put(m.group(1), "on"));
    TECHNIQUE.matcher(screen).results().forEach(m -> fields.put(m.group(1), "yes"));
    if (screen.contains("consent:typedName")) {
      fields.put("consent:typedName", signerName);
      fields.put(
          "consent:signature_value",
          DrawnStrokes.signature(ThreadLocalRandom.current().nextInt(1000)));
    }
    return fields;
  }

  /** The tablet chain for the client in "clientId", handed over by the signed-in staff member. */
  private static ChainBuilder intakeAndConsent(String prefix) {
    return exec(session ->
            session.set("signerName", "Mira Loadtest" + session.getInt("clientNumber")))
        .exec(
            http(prefix + "open client")
                .get("/staff/clients/client.xhtml?id=#{clientId}")
                .check(status().is(200)))
        .exec(kioskIntake(prefix))
        .exec(kioskConsent(prefix));
  }

  // --- The therapist's session and note ---

  private static String window(String action) {
    long started = BUSY_HOUR_STARTED.get();
    long minute = started == 0 ? 0 : (System.currentTimeMillis() - started) / 60_000;
    long from = minute / SETTINGS.windowMinutes() * SETTINGS.windowMinutes();
    return action + " [" + from + "-" + (from + SETTINGS.windowMinutes()) + " min]";
  }

  private static final String NOTE = "/clinical/note.xhtml?id=#{noteId}";

  private static ChainBuilder openNote(String name) {
    return exec(http(name)
            .get(NOTE)
            .check(
                status().is(200),
                pageViewState(),
                pageNonce(),
                substring("Save draft"),
                bodyString().saveAs("noteScreen")))
        .exec(
            session ->
                session
                    .set("noteForm", FormFields.read(session.getString("noteScreen")))
                    .remove("noteScreen"));
  }

  /** The note form as the page holds it, with this moment's typing. */
  private static Map<String, Object> typed(Session session, int save) {
    Map<String, Object> fields = new HashMap<>(session.getMap("noteForm"));
    fields.keySet().removeIf(name -> name.startsWith("jakarta.faces"));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    fields.put("note:headacheDaysSinceLast", Integer.toString(2 + save % 5));
    fields.put("note:currentPain", Integer.toString(3 + random.nextInt(4)));
    fields.put("note:sleepQuality", "3");
    fields.put("note:stressLevel", "4");
    fields.put(
        "note:clientWords",
        Typing.words("Left temple ache after the long drive, eased by the evening", save));
    fields.put("note:triggers", Typing.words("Screen work, skipped lunch, short sleep", save / 2));
    fields.put("note:posture", Typing.words("Forward head, right shoulder raised", save / 3));
    fields.put(
        "note:palpationNotes",
        Typing.words("Taut bands in the upper trapezius, tender suboccipitals", save));
    fields.put(
        "note:progress",
        Typing.words("Two fewer headache days than at the start of the plan", save));
    fields.put(
        "note:homeCare",
        Typing.words("Chin tucks twice a day, heat on the neck at night", save / 2));
    fields.put("note:painBefore", "6");
    fields.put("note:painAfter", "3");
    fields.put("note:tolerance", "GOOD");
    fields.put("note:romRotationLeft", Integer.toString(60 + save % 20));
    fields.put("note:romRotationRight", Integer.toString(55 + save % 20));
    for (Map.Entry<String, Object> field : new ArrayList<>(fields.entrySet())) {
      if (field.getKey().endsWith(":minutes")) {
        field.setValue(Integer.toString(5 + save % 10));
      }
    }
    return fields;
  }

  private static ChainBuilder writeAndSignNote() {
    return exec(http("open client")
            .get("/staff/clients/client.xhtml?id=#{clientId}&tab=sessions")
            .check(status().is(200), substring("Start session")))
        .exec(
            http("start session page")
                .get("/clinical/session-start.xhtml?client=#{clientId}")
                .check(
                    status().is(200),
                    pageViewState(),
                    pageNonce(),
                    substring("Start a session"),
                    substring("Treatment cannot start yet").notExists()))
        .exec(
            http("start session")
                .post("/clinical/session-start.xhtml?client=#{clientId}")
                .formParam("start", "start")
                .formParam("start:kind", "FOLLOW_UP")
                .formParam("start:acute", "no")
                .formParam("start:changed", "no")
                .formParam("start:startSession", "")
                .formParam(VIEW_STATE, "#{viewState}")
                .formParam(NONCE, "#{nonce}")
                .check(
                    status().is(302),
                    header("Location")
                        .transform(l -> l.replaceAll(".*note\\.xhtml\\?id=(\\d+).*", "$1"))
                        .transform(id -> id.matches("\\d+") ? id : null)
                        .notNull()
                        .saveAs("noteId")))
        .exec(openNote("open note"))
        // The migraine protocol fills the treatment rows (muscles, points), then the first save
        // keeps them.
        .exec(
            ajax(
                    "apply migraine protocol",
                    "/clinical/note.xhtml",
                    "note",
                    "note:protocol",
                    session -> typed(session, 0))
                .check(
                    ajaxSucceeded(
                        "The migraine protocol rows were added.",
                        bodyString().saveAs("noteScreen"))))
        // The answer renders the form again, now with the protocol's rows: from here on they are
        // sent with every save.
        .exec(
            session ->
                session
                    .set("noteForm", FormFields.read(session.getString("noteScreen")))
                    .remove("noteScreen"))
        .exec(
            ajax(
                    "save draft (first)",
                    "/clinical/note.xhtml",
                    "note",
                    "note:save",
                    session -> typed(session, 0))
                .check(ajaxSucceeded("Saved at")))
        .exec(
            repeat(SETTINGS.savesPerNote(), "save")
                .on(
                    exec(session -> session.set("saveName", window("save draft")))
                        .pause(
                            SETTINGS.saveEvery().minusSeconds(1),
                            SETTINGS.saveEvery().plusSeconds(1))
                        .exec(
                            ajax(
                                    session -> session.getString("saveName"),
                                    "/clinical/note.xhtml",
                                    "note",
                                    "note:save",
                                    session -> typed(session, session.getInt("save") + 1))
                                .check(ajaxSucceeded("Saved at")))))
        .exec(session -> session.set("signName", window("sign note")))
        .exec(
            ajax(
                    session -> session.getString("signName"),
                    "/clinical/note.xhtml",
                    "note",
                    "note:sign",
                    session -> {
                      Map<String, Object> fields = typed(session, SETTINGS.savesPerNote() + 1);
                      fields.put("note:password", SETTINGS.staffPassword());
                      return fields;
                    })
                .check(
                    status().is(200),
                    substring("<error>").notExists(),
                    regex("<redirect url=\"[^\"]*/clinical/note\\.xhtml\\?id=\\d+").exists()))
        .exec(http("open signed note").get(NOTE).check(status().is(200), substring("Signed by")))
        .exec(
            http("outcome charts")
                .get("/staff/clients/client.xhtml?id=#{clientId}&tab=outcomes")
                .check(status().is(200), substring("painChart"), substring("usageTable")));
  }

  // --- Scenarios ---

  private final ScenarioBuilder setupDesks =
      scenario("set-up: front desk")
          .exec(
              session -> {
                int n = SETUP_DESKS.incrementAndGet();
                return session
                    .set("username", LoadSettings.deskName(n))
                    .set("displayName", "Load Desk " + n);
              })
          .exec(addStaff("FRONT_DESK"))
          .exitHereIfFailed()
          .exec(replaceTemporaryPassword());

  private final ScenarioBuilder setupTherapists =
      scenario("set-up: therapist and client")
          .exec(
              session -> {
                int n = SETUP_THERAPISTS.incrementAndGet();
                return session
                    .set("therapist", n)
                    .set("username", LoadSettings.therapistName(n))
                    .set("displayName", "Load Therapist " + n);
              })
          .exec(addStaff("THERAPIST"))
          .exitHereIfFailed()
          .exec(replaceTemporaryPassword())
          .exitHereIfFailed()
          .exec(registerClient("setup: register client", true))
          .exitHereIfFailed()
          .exec(intakeAndConsent("setup: "))
          .exec(
              session -> {
                if (!session.isFailed()) {
                  CLIENTS.put(session.getInt("therapist"), session.getLong("clientId"));
                }
                return session;
              });

  private final ScenarioBuilder therapists =
      scenario("therapist")
          .exec(
              session -> {
                BUSY_HOUR_STARTED.compareAndSet(0, System.currentTimeMillis());
                int n = BUSY_THERAPISTS.incrementAndGet();
                Long client = CLIENTS.get(n);
                return client == null
                    ? session.markAsFailed()
                    : session
                        .set("username", LoadSettings.therapistName(n))
                        .set("password", SETTINGS.staffPassword())
                        .set("clientId", client);
              })
          .exitHereIfFailed()
          .exec(signIn("sign in", "/staff/dashboard.xhtml"))
          .exitHereIfFailed()
          .during(SETTINGS.duration())
          .on(writeAndSignNote().pause(Duration.ofSeconds(5), Duration.ofSeconds(15)));

  private final ScenarioBuilder kiosks =
      scenario("kiosk")
          .exec(
              session -> {
                BUSY_HOUR_STARTED.compareAndSet(0, System.currentTimeMillis());
                int n = BUSY_DESKS.incrementAndGet();
                return session
                    .set("username", LoadSettings.deskName(n))
                    .set("password", SETTINGS.staffPassword());
              })
          .exec(signIn("kiosk: front desk sign in", "/staff/dashboard.xhtml"))
          .exitHereIfFailed()
          .during(SETTINGS.duration())
          .on(
              registerClient("kiosk: register client", false)
                  .exec(intakeAndConsent("kiosk: "))
                  .pause(Duration.ofSeconds(10), Duration.ofSeconds(30)));

  private final ScenarioBuilder owner =
      scenario("owner export")
          .exec(
              session ->
                  session.set("exportDay", LocalDate.now(java.time.ZoneOffset.UTC).toString()))
          .during(SETTINGS.duration())
          .on(
              exec(http("export start")
                      .post("/api/v1/exports")
                      .header(
                          "Authorization",
                          session -> basic(SETTINGS.ownerUsername(), SETTINGS.ownerPassword()))
                      .header("Content-Type", "application/json")
                      .body(
                          StringBody(
                              session ->
                                  "{\"from\":\""
                                      + LocalDate.parse(session.getString("exportDay")).minusDays(1)
                                      + "\",\"to\":\""
                                      + session.getString("exportDay")
                                      + "\"}"))
                      .check(status().is(202), jsonPath("$.id").ofLong().saveAs("exportId")))
                  .exec(session -> session.set("exportStatus", "RUNNING"))
                  .asLongAs(session -> "RUNNING".equals(session.getString("exportStatus")))
                  .on(
                      pause(Duration.ofSeconds(2))
                          .exec(
                              http("export poll")
                                  .get("/api/v1/exports/#{exportId}")
                                  .header(
                                      "Authorization",
                                      session ->
                                          basic(SETTINGS.ownerUsername(), SETTINGS.ownerPassword()))
                                  .check(
                                      status().is(200),
                                      jsonPath("$.status").saveAs("exportStatus"))))
                  .exec(
                      session ->
                          "COMPLETED".equals(session.getString("exportStatus"))
                              ? session
                              : session.markAsFailed())
                  .exec(
                      http("export download")
                          .get("/api/v1/exports/#{exportId}/archive")
                          .header(
                              "Authorization",
                              session -> basic(SETTINGS.ownerUsername(), SETTINGS.ownerPassword()))
                          .check(
                              status().is(200),
                              header("Content-Type")
                                  .transform(type -> type.startsWith("application/zip"))
                                  .is(true),
                              bodyLength().gt(0)))
                  .pause(Duration.ofSeconds(10)));

  private static ChainBuilder pause(Duration duration) {
    return exec(session -> session).pause(duration);
  }

  {
    Duration ramp = SETTINGS.ramp();
    List<PopulationBuilder> measured = new ArrayList<>();
    measured.add(therapists.injectOpen(rampUsers(SETTINGS.therapists()).during(ramp)));
    if (SETTINGS.kiosks() > 0) {
      measured.add(kiosks.injectOpen(rampUsers(SETTINGS.kiosks()).during(ramp)));
    }
    if (SETTINGS.owners() > 0) {
      measured.add(owner.injectOpen(atOnceUsers(SETTINGS.owners())));
    }
    setUp(
            setupDesks
                .injectOpen(rampUsers(Math.max(SETTINGS.kiosks(), 1)).during(Duration.ofSeconds(5)))
                .andThen(
                    setupTherapists
                        .injectOpen(rampUsers(SETTINGS.therapists()).during(SETTINGS.setupRamp()))
                        .andThen(measured)))
        .protocols(protocol)
        // Zero failed requests is the only assertion: no test asserts a time.
        .assertions(
            global().failedRequests().count().is(0L), forAll().failedRequests().count().is(0L));
  }
}
