package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StaffMembers;
import org.myochart.testsupport.WebSession;

/**
 * Brute-force sign-in from outside, through the sign-in page and the API: five failures lock the
 * username for one minute, the lock holds against the right password on both channels, and the two
 * channels count together; ten failures from one address refuse that address (429) but not the
 * person signing in from elsewhere; parallel guesses are counted exactly. Each test uses an account
 * of its own; other addresses are played with X-Forwarded-For, which the demo clinic trusts from
 * 127.0.0.1 only.
 */
class SignInThrottleIT {

  private static final String LOCKED = "Too many failed sign-ins for this username.";
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static HttpResponse<String> api(String username, String password) {
    return Http.get(clinic.uri("/api/v1/staff/me"), username, password);
  }

  private static HttpResponse<String> apiFrom(String address, String username, String password) {
    return Http.send(
        HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
            .header("Authorization", Http.basic(username, password))
            .header("X-Forwarded-For", address)
            .GET());
  }

  /** A documentation address (RFC 5737) of this test run's own. */
  private static String outsider() {
    return "203.0.113." + (1 + NEXT_ADDRESS.getAndIncrement() % 250);
  }

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(250));

  /**
   * The right temporary password is accepted as a credential and then refused as temporary: 403,
   * not 401.
   */
  private static boolean credentialsAccepted(String username) {
    return api(username, StaffMembers.TEMPORARY_PASSWORD).statusCode() == 403;
  }

  @Test
  void fiveWrongPasswordsOverTheApiLockTheUsernameEvenForTheRightPassword() {
    String username = StaffMembers.add(clinic, "FRONT_DESK", "Api Guesser");
    assertTrue(credentialsAccepted(username));

    for (int guess = 0; guess < 4; guess++) {
      HttpResponse<String> refused = api(username, "guess number " + guess);
      assertEquals(401, refused.statusCode());
      assertEquals("Unknown username or wrong password.", Http.json(refused).getString("message"));
    }
    HttpResponse<String> fifth = api(username, "guess number 5");
    assertEquals(401, fifth.statusCode());
    assertTrue(
        Http.json(fifth).getString("message").startsWith(LOCKED),
        "the fifth failure locks: " + fifth.body());
    HttpResponse<String> right = api(username, StaffMembers.TEMPORARY_PASSWORD);

    assertEquals(401, right.statusCode());
    assertTrue(Http.json(right).getString("message").startsWith(LOCKED), right.body());
    assertTrue(AuditRows.count(clinic, "LOGIN_LOCKED", username, null) >= 1);
    WebSession page = new WebSession(clinic);
    HttpResponse<String> onThePage = page.signIn(username, StaffMembers.TEMPORARY_PASSWORD);
    assertEquals(200, onThePage.statusCode(), "the sign-in page comes back instead of a redirect");
    assertTrue(onThePage.body().contains(LOCKED), onThePage.body());
  }

  @Test
  void failuresOnThePageAndOverTheApiCountTogether() {
    String username = StaffMembers.add(clinic, "THERAPIST", "Mixed Guesser");

    for (int guess = 0; guess < 3; guess++) {
      new WebSession(clinic).signIn(username, "page guess " + guess);
    }
    assertTrue(credentialsAccepted(username), "three failures do not lock yet");
    // The right password above reset the count: five more are needed.
    for (int guess = 0; guess < 3; guess++) {
      new WebSession(clinic).signIn(username, "page guess " + guess);
    }
    api(username, "api guess 1");
    api(username, "api guess 2");

    assertTrue(
        Http.json(api(username, StaffMembers.TEMPORARY_PASSWORD))
            .getString("message")
            .startsWith(LOCKED));
  }

  @Test
  void fourFailuresAndThenTheRightPasswordStartTheCountAfresh() {
    String username = StaffMembers.add(clinic, "THERAPIST", "Almost Locked");

    for (int guess = 0; guess < 4; guess++) {
      api(username, "guess " + guess);
    }
    assertTrue(credentialsAccepted(username));
    for (int guess = 0; guess < 4; guess++) {
      api(username, "guess again " + guess);
    }

    assertTrue(credentialsAccepted(username), "the success in between reset the count");
  }

  @Test
  void theLockOutIsPerUsernameSoOthersCanStillSignIn() {
    String locked = StaffMembers.add(clinic, "THERAPIST", "Locked Person");
    String other = StaffMembers.add(clinic, "THERAPIST", "Other Person");

    for (int guess = 0; guess < 6; guess++) {
      api(locked, "guess " + guess);
    }

    assertTrue(
        Http.json(api(locked, StaffMembers.TEMPORARY_PASSWORD))
            .getString("message")
            .startsWith(LOCKED));
    assertTrue(credentialsAccepted(other));
  }

  @Test
  void tenFailuresFromOneAddressRefuseThatAddressButNotThePersonSigningInFromElsewhere() {
    String username = StaffMembers.add(clinic, "FRONT_DESK", "Kept In");
    String stranger = outsider();

    for (int guess = 0; guess < 10; guess++) {
      // Other usernames each time: only the address is counted up to ten.
      assertEquals(
          401, apiFrom(stranger, "nobody" + guess + username, "guess " + guess).statusCode());
    }
    HttpResponse<String> eleventh = apiFrom(stranger, username, StaffMembers.TEMPORARY_PASSWORD);

    assertEquals(429, eleventh.statusCode(), eleventh.body());
    assertEquals(429, Http.json(eleventh).getInt("status"));
    assertEquals(
        "Too many attempts from this address, try again in 10 minutes.",
        Http.json(eleventh).getString("message"));
    assertEquals("600", eleventh.headers().firstValue("Retry-After").orElse(""));
    assertEquals(
        403,
        apiFrom("198.51.100.7", username, StaffMembers.TEMPORARY_PASSWORD).statusCode(),
        "the right password from another address is accepted (403: temporary password)");
  }

  @Test
  void anOutsidersFiveFailuresLockTheUsernameOnlyForTheirAddressAndForOneMinute() throws Exception {
    String username = StaffMembers.add(clinic, "THERAPIST", "Kept Working");
    String stranger = outsider();

    for (int guess = 0; guess < 5; guess++) {
      apiFrom(stranger, username, "wrong " + guess);
    }
    HttpResponse<String> fromTheStranger =
        apiFrom(stranger, username, StaffMembers.TEMPORARY_PASSWORD);
    HttpResponse<String> fromTheClinic =
        apiFrom("198.51.100.8", username, StaffMembers.TEMPORARY_PASSWORD);

    assertEquals(401, fromTheStranger.statusCode());
    assertTrue(
        Http.json(fromTheStranger).getString("message").startsWith(LOCKED), fromTheStranger.body());
    assertEquals(
        403,
        fromTheClinic.statusCode(),
        "the right password from the clinic's own address is accepted (403: temporary password)");
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement("select locked_until from failed_sign_in where username_key = ?")) {
      query.setString(1, username + "@" + stranger);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        Instant lockedUntil = row.getObject(1, OffsetDateTime.class).toInstant();
        assertTrue(
            lockedUntil.isBefore(Instant.now().plus(Duration.ofSeconds(61))),
            "at most a minute: " + lockedUntil);
      }
    }
  }

  @Test
  void failuresFromManyAddressesTogetherLockTheUsernameEverywhereForAMinute() {
    String username = StaffMembers.add(clinic, "THERAPIST", "Widely Guessed");
    int perAddress = FailedSignIns.ALLOWED_FAILURES - 1;
    int addresses = FailedSignIns.ALLOWED_FAILURES_FROM_ALL_ADDRESSES / perAddress;
    for (int a = 0; a < addresses; a++) {
      String stranger = outsider();
      for (int guess = 0; guess < perAddress; guess++) {
        assertEquals(
            401, apiFrom(stranger, username, "spread guess " + a + "." + guess).statusCode());
      }
    }

    HttpResponse<String> fromTheClinic =
        apiFrom("198.51.100.9", username, StaffMembers.TEMPORARY_PASSWORD);

    assertEquals(401, fromTheClinic.statusCode(), fromTheClinic.body());
    assertTrue(
        Http.json(fromTheClinic).getString("message").startsWith(LOCKED), fromTheClinic.body());
  }

  @Test
  void fortyParallelWrongGuessesCheckExactlyFivePasswordsAndNeverFail() throws Exception {
    String username = StaffMembers.add(clinic, "THERAPIST", "Parallel Target");
    String stranger = outsider();
    ExecutorService guessers = Executors.newFixedThreadPool(40);
    CountDownLatch ready = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int guess = 0; guess < 40; guess++) {
        String password = "parallel guess " + guess;
        answers.add(
            guessers.submit(
                () -> {
                  ready.await();
                  return apiFrom(stranger, username, password).statusCode();
                }));
      }
      ready.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get(120, TimeUnit.SECONDS));
      }

      assertTrue(
          statuses.stream().allMatch(status -> status == 401 || status == 429),
          statuses.toString());
      assertEquals(
          FailedSignIns.ALLOWED_FAILURES,
          AuditRows.count(clinic, "LOGIN_FAILED", username, null),
          "exactly the allowed number of passwords were checked");
      assertEquals(
          40 - FailedSignIns.ALLOWED_FAILURES,
          AuditRows.count(clinic, "LOGIN_LOCKED", username, null));
    } finally {
      guessers.shutdownNow();
    }
  }
}
