package org.myochart.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StaffMembers;
import org.myochart.testsupport.WebSession;

/**
 * Session ids at sign-in, sign-out and idle log-off, checked from outside with nothing but the
 * session cookie: an id the server handed out before sign-in, or one it has ended, opens nothing.
 */
class SessionSecurityIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  /**
   * Ends sessions after {@link RunningClinic#SHORT_IDLE_TIMEOUT}, so that idle tests wait seconds.
   */
  private static RunningClinic idleClinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    idleClinic = RunningClinic.idle();
  }

  @Test
  void theSessionIdHandedOutBeforeSignInOpensNothingAfterwards() {
    WebSession person = new WebSession(clinic);
    person.get("/login.xhtml");
    String beforeSignIn = person.sessionId();
    String cookiesBeforeSignIn = person.cookieHeader();
    assertNotNull(beforeSignIn, "the sign-in page starts a session for its form");

    HttpResponse<String> signedIn = person.signIn("frontdesk", PASSWORD);

    assertEquals(302, signedIn.statusCode());
    assertNotEquals(beforeSignIn, person.sessionId(), "the session id must change at sign-in");
    assertEquals(200, person.get("/staff/dashboard.xhtml").statusCode());
    WebSession fixated = new WebSession(clinic);
    fixated.useCookies(cookiesBeforeSignIn);
    HttpResponse<String> withOldId = fixated.get("/staff/dashboard.xhtml");
    assertEquals(302, withOldId.statusCode());
    assertEquals("/login.xhtml", WebSession.redirectPath(withOldId));
  }

  @Test
  void aSessionIdMadeUpByAnAttackerIsNotAdoptedAtSignIn() {
    WebSession person = new WebSession(clinic);
    person.useSessionId("attacker-chosen-session-id");

    person.signIn("therapist1", PASSWORD);

    assertNotEquals("attacker-chosen-session-id", person.sessionId());
    WebSession attacker = new WebSession(clinic);
    attacker.useSessionId("attacker-chosen-session-id");
    assertEquals("/login.xhtml", WebSession.redirectPath(attacker.get("/staff/dashboard.xhtml")));
  }

  @Test
  void signingOutEndsTheSessionOnTheServerSoACopiedCookieIsWorthless() {
    WebSession person = WebSession.signedIn(clinic, "therapist2", PASSWORD);
    String signedInCookies = person.cookieHeader();
    int before = AuditRows.count(clinic, "LOGOUT", "therapist2", null);

    HttpResponse<String> signedOut = person.post("/logout", Map.of());

    assertEquals(302, signedOut.statusCode());
    assertEquals("/login.xhtml", WebSession.redirectPath(signedOut));
    assertEquals(before + 1, AuditRows.count(clinic, "LOGOUT", "therapist2", null));
    WebSession copy = new WebSession(clinic);
    copy.useCookies(signedInCookies);
    assertEquals("/login.xhtml", WebSession.redirectPath(copy.get("/staff/dashboard.xhtml")));
    assertEquals("/login.xhtml", WebSession.redirectPath(copy.get("/clinical/notes.xhtml")));
  }

  @Test
  void theServerEndsAnIdleSessionByItselfAndRecordsTheIdleLogOff() throws InterruptedException {
    // No browser and so no idle monitor in a page: only the server's own timeout can end this one.
    // A person of its own, so that no other test's idle session is counted.
    String username = StaffMembers.add(idleClinic, "THERAPIST", "Idle Tester");
    WebSession person = WebSession.signedIn(idleClinic, username, StaffMembers.TEMPORARY_PASSWORD);
    assertEquals(200, person.get("/account/password.xhtml").statusCode());

    Thread.sleep(RunningClinic.SHORT_IDLE_TIMEOUT.plus(Duration.ofSeconds(3)).toMillis());
    HttpResponse<String> afterIdle = person.get("/account/password.xhtml");

    assertEquals(302, afterIdle.statusCode());
    assertEquals("/login.xhtml", WebSession.redirectPath(afterIdle));
    assertTrue(
        afterIdle.headers().firstValue("Location").orElse("").contains("idle=true"),
        "the sign-in page is told the session ran out: "
            + afterIdle.headers().firstValue("Location"));
    await("the idle log-off of " + username)
        .atMost(Duration.ofSeconds(90))
        .until(() -> AuditRows.count(idleClinic, "IDLE_LOGOUT", username, null) > 0);
    assertEquals(1, AuditRows.count(idleClinic, "IDLE_LOGOUT", username, null));
  }

  @Test
  void aRequestWithinTheIdleTimeKeepsTheSessionAlive() throws InterruptedException {
    WebSession person = WebSession.signedIn(idleClinic, "owner", PASSWORD);
    long half = RunningClinic.SHORT_IDLE_TIMEOUT.toMillis() / 2;

    // Three half timeouts: the session outlives its idle timeout only because of the clicks.
    for (int click = 0; click < 3; click++) {
      Thread.sleep(half);
      assertEquals(200, person.get("/staff/dashboard.xhtml").statusCode(), "click " + click);
    }
  }
}
