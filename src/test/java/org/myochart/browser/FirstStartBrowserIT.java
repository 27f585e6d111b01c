package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.security.SecondFactors;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A clinic on an empty database: the setup page creates the owner, once; the owner then sets up and
 * signs in with a second factor (the product's default for owners). Each of these pages is checked
 * with axe-core on the way, as {@link AccessibilityBrowserIT} checks the others.
 */
@Order(8) // among the first to start: it is one of the longest
class FirstStartBrowserIT {

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.fresh();
  }

  @Test
  void firstVisitCreatesTheOwnerThenTheSetupPageIsGone() {
    try (Browser browser = Browser.tablet(clinic)) {
      browser.visit("/");
      browser.awaitPath("/setup.xhtml");
      browser.visit("/login.xhtml");
      browser.awaitPath("/setup.xhtml");
      Axe.check(browser, "setup");

      browser.type("setup:displayName", "Maren Ostrowski");
      browser.type("setup:username", "maren");
      browser.type("setup:password", "first owner of the clinic");
      browser.type("setup:confirmation", "first owner of the clinik");
      browser.submit("setup:create");
      browser.awaitText("The two passwords differ.");
      Axe.check(browser, "setup, refused");

      browser.type("setup:password", "first owner of the clinic");
      browser.type("setup:confirmation", "first owner of the clinic");
      browser.submit("setup:create");
      browser.awaitPath("/login.xhtml");
      assertTrue(browser.text().contains("The clinic is set up."));
      Axe.check(browser, "sign-in after setup");

      // Owners sign in with a second factor: the first sign-in leads to setting it up.
      new LoginScreen(browser).signIn("maren", "first owner of the clinic");
      browser.awaitPath("/account/second-factor.xhtml");
      browser.visit("/staff/dashboard.xhtml");
      browser.awaitPath("/account/second-factor.xhtml");
      assertTrue(
          browser.find(By.id("qr")).getAttribute("src").startsWith("data:image/png;base64,"));
      Axe.check(browser, "second factor, set up at the first sign-in");
      byte[] secret = base32(browser.find(By.id("key")).getText());
      browser.type("enrol:code", "000000".equals(code(secret, 0)) ? "111111" : "000000");
      browser.submit("enrol:confirm");
      browser.awaitText("That code does not match.");
      Axe.check(browser, "second factor, code refused");
      browser.type("enrol:code", code(secret, 0));
      browser.submit("enrol:confirm");
      browser.awaitText("Your recovery codes");
      List<String> recoveryCodes =
          browser.driver().findElements(By.cssSelector("#recoveryCodes li")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(10, recoveryCodes.size());
      Axe.check(browser, "second factor, recovery codes");
      browser.click("continue");
      browser.awaitPath("/staff/dashboard.xhtml");
      assertTrue(browser.text().contains("Manage staff"));

      // Signing in again asks for the app's code; the one just used does not count twice.
      browser.visit("/logout");
      LoginScreen.open(browser).signIn("maren", "first owner of the clinic");
      browser.awaitPath("/login-code.xhtml");
      browser.visit("/staff/dashboard.xhtml");
      browser.awaitPath("/login.xhtml");
      LoginScreen.open(browser).signIn("maren", "first owner of the clinic");
      browser.awaitPath("/login-code.xhtml");
      Axe.check(browser, "sign-in code");
      browser.type("code:value", "123 456");
      browser.submit("code:confirm");
      browser.awaitText("That code does not match.");
      Axe.check(browser, "sign-in code, refused");
      browser.type("code:value", code(secret, 1));
      browser.submit("code:confirm");
      browser.awaitPath("/staff/dashboard.xhtml");

      // A recovery code signs in once.
      browser.visit("/logout");
      LoginScreen.open(browser).signIn("maren", "first owner of the clinic");
      browser.awaitPath("/login-code.xhtml");
      browser.type("code:value", recoveryCodes.get(0).toLowerCase());
      browser.submit("code:confirm");
      browser.awaitPath("/staff/dashboard.xhtml");
      browser.visit("/logout");
      LoginScreen.open(browser).signIn("maren", "first owner of the clinic");
      browser.awaitPath("/login-code.xhtml");
      browser.type("code:value", recoveryCodes.get(0));
      browser.submit("code:confirm");
      browser.awaitText("That code does not match.");

      // The API takes the app's code in a header next to the password.
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      "maren:first owner of the clinic".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> withoutCode =
          Http.send(
              HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
                  .header("Authorization", basic)
                  .GET());
      assertEquals(401, withoutCode.statusCode());
      assertTrue(withoutCode.body().contains("X-MyoChart-Code"), withoutCode.body());
      HttpResponse<String> withCode =
          Http.send(
              HttpRequest.newBuilder(clinic.uri("/api/v1/staff/me"))
                  .header("Authorization", basic)
                  .header("X-MyoChart-Code", code(secret, 0))
                  .GET());
      assertEquals(200, withCode.statusCode(), withCode.body());

      browser.visit("/setup.xhtml");
      browser.awaitPath("/login.xhtml");
      assertTrue(AuditRows.count(clinic, "SETUP", "anonymous", null) == 1);
    }
  }

  /** The app's code for the secret, {@code steps} 30-second steps from now. */
  private static String code(byte[] secret, int steps) {
    return SecondFactors.codeAt(secret, Instant.now().plusSeconds(30L * steps));
  }

  /** Reads the key as the page shows it (RFC 4648 Base32 in groups of four). */
  private static byte[] base32(String shown) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String key = shown.replace(" ", "");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : key.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        bytes.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return bytes.toByteArray();
  }
}
