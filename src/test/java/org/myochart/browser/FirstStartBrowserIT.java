package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.RunningClinic;

/** A clinic on an empty database: the setup page creates the owner, once. */
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

      browser.type("setup:displayName", "Maren Ostrowski");
      browser.type("setup:username", "maren");
      browser.type("setup:password", "first owner of the clinic");
      browser.type("setup:confirmation", "first owner of the clinik");
      browser.submit("setup:create");
      browser.awaitText("The two passwords differ.");

      browser.type("setup:password", "first owner of the clinic");
      browser.type("setup:confirmation", "first owner of the clinic");
      browser.submit("setup:create");
      browser.awaitPath("/login.xhtml");
      assertTrue(browser.text().contains("The clinic is set up."));

      new LoginScreen(browser).signInAndWait("maren", "first owner of the clinic");
      assertTrue(browser.text().contains("Manage staff"));

      browser.visit("/setup.xhtml");
      browser.awaitPath("/login.xhtml");
      assertTrue(AuditRows.count(clinic, "SETUP", "anonymous", null) == 1);
    }
  }
}
