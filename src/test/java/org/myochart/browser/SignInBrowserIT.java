package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;

/** Signing in and out of the demo clinic in headless Chromium. */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
@ResourceLock(SharedDemoData.FRONT_DESK_SIGN_INS)
class SignInBrowserIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void staffMemberSignsInAndSeesTheirDashboardWithANewSessionId() {
    try (Browser browser = Browser.tablet(clinic)) {
      LoginScreen login = LoginScreen.open(browser);
      String before = browser.sessionCookie();

      login.signInAndWait("therapist1", PASSWORD);

      assertTrue(browser.find(By.id("greeting")).getText().contains("Tomás Reyes"));
      assertTrue(
          browser.text().contains("Harbourside Migraine Massage")
              || browser.driver().getTitle().contains("Harbourside"));
      assertNotNull(before);
      assertNotEquals(before, browser.sessionCookie(), "the session id must change at sign-in");
    }
  }

  @Test
  void openingAStaffPageWhileSignedOutLeadsToSignInAndThenBackToThatPage() {
    try (Browser browser = Browser.open(clinic)) {
      browser.visit("/account/password.xhtml");
      browser.awaitPath("/login.xhtml");

      new LoginScreen(browser).signIn("therapist2", PASSWORD);

      browser.awaitPath("/account/password.xhtml");
    }
  }

  @Test
  void wrongPasswordAndUnknownUserShowTheSameMessage() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen login = LoginScreen.open(browser);
      login.signIn("frontdesk", "this is not the password");
      browser.awaitText("Unknown username or wrong password.");
      assertEquals("/login.xhtml", browser.path());

      login.signIn(
          "nobody-" + UUID.randomUUID().toString().substring(0, 6), "this is not the password");
      browser.awaitText("Unknown username or wrong password.");
      assertFalse(browser.text().contains("nobody-"), "the username is not echoed in the message");
    }
  }

  @Test
  void emptyFieldsAreAskedForByName() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser);
      browser.submit("login:signIn");

      browser.awaitText("Enter your username.");
      assertTrue(browser.text().contains("Enter your password."));
    }
  }

  @Test
  void hostileUsernameIsRefusedAndShownOnlyAsText() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen login = LoginScreen.open(browser);
      login.signIn("<script>window.pwned=1</script>", "whatever password");

      browser.awaitText("Unknown username or wrong password.");
      assertEquals(
          null,
          ((org.openqa.selenium.JavascriptExecutor) browser.driver())
              .executeScript("return window.pwned"));
    }
  }

  @Test
  void signingOutEndsTheSessionAndIsAudited() {
    try (Browser browser = Browser.open(clinic)) {
      int before = AuditRows.count(clinic, "LOGOUT", "frontdesk", null);
      LoginScreen.open(browser).signInAndWait("frontdesk", PASSWORD);

      browser.click("signOut");
      browser.awaitText("You have signed out.");
      browser.visit("/staff/dashboard.xhtml");

      browser.awaitPath("/login.xhtml");
      assertEquals(before + 1, AuditRows.count(clinic, "LOGOUT", "frontdesk", null));
    }
  }

  @Test
  void therapistOpeningAnOwnerPageGetsThe403PageAndTheDenialIsAudited() {
    try (Browser browser = Browser.open(clinic)) {
      int before = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null);
      LoginScreen.open(browser).signInAndWait("therapist2", PASSWORD);

      browser.visit("/owner/staff.xhtml");

      browser.awaitText("This page is not for your role");
      assertFalse(
          browser.text().contains("Ingrid Halvorsen, LMT\nitherapist2"), "no staff list leaks");
      assertEquals(before + 1, AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null));
    }
  }

  @Test
  void idleSessionIsSignedOutAndThePersonIsToldWhy() {
    // The idle clinic ends sessions after a few seconds; its only person is its owner.
    RunningClinic idleClinic = RunningClinic.idle();
    try (Browser browser = Browser.open(idleClinic)) {
      int before = AuditRows.count(idleClinic, "IDLE_LOGOUT", "owner", null);
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);

      browser
          .waitFor(RunningClinic.SHORT_IDLE_TIMEOUT.plus(Duration.ofSeconds(30)))
          .until(d -> browser.path().equals("/login.xhtml"));

      browser.awaitText(
          "You were signed out after "
              + RunningClinic.SHORT_IDLE_TIMEOUT.toSeconds()
              + " seconds without activity.");
      browser.visit("/staff/dashboard.xhtml");
      browser.awaitPath("/login.xhtml");
      assertTrue(AuditRows.count(idleClinic, "IDLE_LOGOUT", "owner", null) > before);
    }
  }
}
