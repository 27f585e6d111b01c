package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.openqa.selenium.By;

/**
 * Every page a person uses works under a policy that runs only MyoChart's own script files and the
 * inline scripts carrying the page's nonce: PrimeFaces' widgets are built, the buttons, dialogs,
 * tabs, body chart, autosave and signature pad answer, and the browser console reports no blocked
 * script, style or resource.
 */
@ResourceLock(SharedDemoData.JONAS_SESSIONS)
@Order(9) // among the first to start: it is one of the longest
class ContentSecurityPolicyBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /**
   * Visits a page and checks that its policy allows neither inline scripts nor eval, that
   * PrimeFaces ran its nonce'd scripts and that the console reports no violation so far.
   */
  private static void visit(Browser browser, String path) {
    browser.visit(path);
    checkPage(browser, path);
  }

  private static void checkPage(Browser browser, String where) {
    browser.waitFor().until(d -> "complete".equals(browser.script("return document.readyState;")));
    String policy =
        (String)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "fetch(window.location.href, {credentials: 'same-origin'})"
                        + ".then(function (r) { done(r.headers.get('Content-Security-Policy')); })"
                        + ".catch(function (e) { done('fetch failed: ' + e); });");
    assertTrue(policy != null && policy.contains("frame-ancestors 'none'"), where + ": " + policy);
    String scripts = policy.substring(policy.indexOf("script-src"));
    assertTrue(
        scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}';"), where + ": " + policy);
    assertFalse(policy.contains("unsafe-eval"), where + ": " + policy);
    Object nonce = browser.script("return window.PrimeFaces ? PrimeFaces.csp.NONCE_VALUE : null;");
    assertTrue(
        nonce instanceof String && !((String) nonce).isEmpty(),
        where + ": PrimeFaces started with its nonce");
    Object widgets =
        browser.script("return window.PrimeFaces ? Object.keys(PrimeFaces.widgets).length : 0;");
    assertTrue(
        ((Number) widgets).intValue() > 0, where + ": PrimeFaces' nonce'd widget scripts ran");
    browser.assertNoCspViolations("on " + where);
  }

  private static void openTab(Browser browser, String title) {
    browser.click(
        By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., '" + title + "')]"));
    browser
        .waitFor()
        .until(
            d ->
                d.findElement(
                        By.xpath(
                            "//li[contains(@class,'ui-tabs-header')][contains(., '"
                                + title
                                + "')]"))
                    .getAttribute("class")
                    .contains("ui-state-active"));
  }

  @Test
  void aTherapistWritesANoteWithTheBodyChartAndAutosaveUnderTheStrictPolicy() throws Exception {
    long jonas = SoapNoteBrowserIT.clientIdFor(clinic, "Lindqvist");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist2", PASSWORD);
      checkPage(tablet, "the dashboard");
      visit(tablet, "/staff/clients/clients.xhtml");
      visit(tablet, "/staff/clients/client.xhtml?id=" + jonas);
      for (String tab :
          List.of("Consents", "Sessions and notes", "Health intake", "Clearances", "Details")) {
        openTab(tablet, tab);
      }
      tablet.assertNoCspViolations("on the client's tabs");
      visit(tablet, "/staff/clients/client-edit.xhtml?id=" + jonas);
      visit(tablet, "/clinical/intake.xhtml?client=" + jonas);
      visit(tablet, "/clinical/clearance.xhtml?client=" + jonas);
      visit(tablet, "/clinical/visit-check.xhtml?client=" + jonas);
      visit(tablet, "/clinical/session-start.xhtml?client=" + jonas);

      SoapNoteBrowserIT.startSession(tablet, jonas);
      checkPage(tablet, "the note editor");
      // The chart's tabs and boxes have no inline handlers: note.js answers the tap.
      tablet.tap(By.id("chartTab-front"));
      tablet.tap(By.id("chart-front-masseter-LEFT"));
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("chart-front-masseter-LEFT"))
                      .getAttribute("class")
                      .contains("worked"));
      assertEquals(1, tablet.driver().findElements(By.cssSelector(".muscle-row")).size());
      tablet.type("note:clientWords", "Headache after screen work.");
      tablet.waitFor(Duration.ofSeconds(30)).until(d -> tablet.text().contains("Saved at"));
      tablet.click("note:addMuscle");
      tablet.waitFor().until(d -> d.findElements(By.cssSelector(".muscle-row")).size() == 2);
      tablet.click("note:openSign");
      tablet.waitFor().until(d -> d.findElement(By.id("note:signDialog")).isDisplayed());
      tablet.assertNoCspViolations("in the note editor");

      visit(tablet, "/clinical/notes.xhtml");
    }
  }

  @Test
  void theFrontDeskAndTheClientUseConsentPagesAndTheKioskUnderTheStrictPolicy() throws Exception {
    String last = Names.uniqueSurname("Csp");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      visit(tablet, "/staff/clients/client-edit.xhtml");
      long clientId = ConsentSigningBrowserIT.register(tablet, "Maren", last, "1984-02-03");
      checkPage(tablet, "the new client's page");

      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      checkPage(tablet, "the kiosk consent screen");
      ConsentSigningBrowserIT.acceptDisclosure(tablet, "Maren " + last);
      ConsentSigningBrowserIT.tickAll(tablet);
      ConsentSigningBrowserIT.chooseTechniques(tablet, "Yes", "No");
      tablet.type("consent:typedName", "Maren " + last);
      ConsentSigningBrowserIT.sign(tablet, ConsentSigningBrowserIT.SIGNATURE);
      tablet.click("consent:clearSignature");
      ConsentSigningBrowserIT.sign(tablet, ConsentSigningBrowserIT.SIGNATURE);
      tablet.tap(By.id("consent:sign"));
      tablet.awaitText("Thank you, Maren");
      // The e-mailed copy is sent; kiosk.js, not an inline script, then takes the thank-you screen
      // back to the locked start.
      tablet.type("consent:copyAddress", "maren.csp@example.com");
      tablet.tap(By.id("consent:sendCopy"));
      tablet.awaitText("A copy is on its way");
      tablet
          .waitFor(Duration.ofSeconds(30))
          .until(d -> tablet.text().contains("This tablet is ready"));
      tablet.assertNoCspViolations("on the kiosk consent screens");
      ConsentSigningBrowserIT.unlock(tablet);

      long consent =
          StoredRows.number(clinic, "select max(id) from consent where client_id = ?", clientId);
      long form =
          StoredRows.number(
              clinic,
              "select v.form_id from consent c join consent_form_version v"
                  + " on v.id = c.form_version_id where c.id = ?",
              consent);
      visit(tablet, "/staff/consents/consent.xhtml?id=" + consent);
      visit(tablet, "/staff/consents/paper.xhtml?client=" + clientId);
      tablet.visit("/staff/consents/print.xhtml?client=" + clientId + "&form=" + form);
      tablet.script("window.print = function () { window.printAsked = true; };");
      tablet.click("printButton");
      assertEquals(
          Boolean.TRUE,
          tablet.script("return window.printAsked === true;"),
          "print.js wires the Print button");
      tablet.assertNoCspViolations("on the printable form");

      tablet.visit("/staff/clients/client.xhtml?id=" + clientId);
      tablet.tap(By.id("startKioskIntake"));
      tablet.awaitPath("/kiosk/intake.xhtml");
      checkPage(tablet, "the kiosk intake screen");
      tablet.tap(By.id("kiosk:next"));
      tablet.awaitText("Please answer each question with Yes or No.");
      tablet.assertNoCspViolations("on the kiosk intake screen");
    }
  }

  @Test
  void theOwnerUsesEveryOwnerPageUnderTheStrictPolicy() {
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      for (String path :
          List.of(
              "/owner/staff.xhtml",
              "/owner/staff-edit.xhtml",
              "/owner/staff-edit.xhtml?id=1",
              "/owner/consent-forms.xhtml",
              "/owner/consent-form.xhtml",
              "/owner/consent-form.xhtml?id=1",
              "/owner/catalogue.xhtml",
              "/owner/audit.xhtml",
              "/owner/exports.xhtml",
              "/owner/verify.xhtml",
              "/account/password.xhtml",
              "/clinical/notes.xhtml",
              "/staff/dashboard.xhtml")) {
        visit(owner, path);
      }
      // A full-page post and a PrimeFaces ajax answer, with the scripts they carry, are accepted
      // too.
      owner.visit("/owner/verify.xhtml");
      owner.click("verify:check");
      owner.awaitPath("/owner/verify.xhtml");
      checkPage(owner, "the verify page after a check");
      owner.visit("/owner/consent-form.xhtml?id=1");
      owner.type("form:body", "Preview under the policy\n\nA *second* paragraph.");
      owner.click("form:preview");
      owner
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("form:previewPanel"))
                      .getText()
                      .contains("Preview under the policy"));
      owner.assertNoCspViolations("after an ajax answer");
    }
  }
}
