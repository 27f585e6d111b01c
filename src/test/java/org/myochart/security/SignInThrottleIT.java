package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StaffMembers;
import org.myochart.testsupport.WebSession;

/**
 * Brute-force sign-in from outside, through the sign-in page and the API: five failures lock the
 * username for 15 minutes, the lock holds against the right password on both channels, and the
 * two channels count together. Each test uses an account of its own.
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

  /** The right temporary password is accepted as a credential and then refused as temporary: 403, not 401. */
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
    assertTrue(Http.json(fifth).getString("message").startsWith(LOCKED), "the fifth failure locks: " + fifth.body());
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

    assertTrue(Http.json(api(username, StaffMembers.TEMPORARY_PASSWORD)).getString("message").startsWith(LOCKED));
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

    assertTrue(Http.json(api(locked, StaffMembers.TEMPORARY_PASSWORD)).getString("message").startsWith(LOCKED));
    assertTrue(credentialsAccepted(other));
  }
}
