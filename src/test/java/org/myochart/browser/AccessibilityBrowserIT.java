package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page a person uses, as the demo clinic's people use it, checked with axe-core against WCAG
 * 2.0 and 2.1 A and AA: no serious or critical violation. Each test names every page that fails,
 * not only the first. The first start's pages (setup, second factor, its code at sign-in) are
 * checked in {@link FirstStartBrowserIT}, which owns the fresh clinic.
 */
@ResourceLock(SharedDemoData.FRONT_DESK_SIGN_INS)
@ResourceLock(SharedDemoData.VERIFICATION)
@Order(5) // among the first to start: it is one of the longest
class AccessibilityBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    Axe.assumeInstalled();
    clinic = RunningClinic.demo();
  }

  /** The pages one test checked, and the reports of those that failed. */
  private static final class Checked {
    private final Browser browser;
    private final List<String> pages = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    Checked(Browser browser) {
      this.browser = browser;
    }

    void check(String page) {
      pages.add(page);
      String report = Axe.report(page, browser.path(), Axe.violations(browser));
      if (!report.isEmpty()) {
        failures.add(report);
      }
    }

    /** Visits a page, waits for its text, and checks it. */
    void visit(String page, String path, String expectedText) {
      browser.visit(path);
      browser.awaitText(expectedText);
      check(page);
    }

    void assertAllPassed() {
      if (!failures.isEmpty()) {
        throw new AssertionError(
            failures.size()
                + " of "
                + pages.size()
                + " pages have serious accessibility violations:\n\n"
                + String.join("\n\n", failures));
      }
    }
  }

  private static long clientId(String lastName) {
    return StoredRows.number(clinic, "select id from client where last_name = ?", lastName);
  }

  private static void openTab(Browser browser, String title) {
    browser.click(
        By.xpath("//li[contains(@class,'ui-tabs-header')][normalize-space(.)='" + title + "']"));
    browser
        .waitFor()
        .until(
            d ->
                d.findElement(
                        By.xpath(
                            "//li[contains(@class,'ui-tabs-header')][normalize-space(.)='"
                                + title
                                + "']"))
                    .getAttribute("class")
                    .contains("ui-state-active"));
  }

  @Test
  void pagesWithoutSignInHaveNoSeriousViolations() {
    try (Browser browser = Browser.open(clinic)) {
      Checked pages = new Checked(browser);
      pages.visit("sign-in", "/login.xhtml", "Sign in");
      new LoginScreen(browser).signIn("frontdesk", "not the password");
      browser.awaitText("Unknown username or wrong password.");
      pages.check("sign-in after a wrong password");
      LoginScreen.open(browser).signIn("", "");
      browser.awaitText("Enter your username.");
      pages.check("sign-in with empty fields");

      pages.visit("kiosk, locked", "/kiosk/index.xhtml", "Please hand it to the front desk");
      pages.visit("page not found", "/no-such-page.xhtml", "");
      assertEquals("/no-such-page.xhtml", browser.path());
      for (String error : List.of("400", "403", "404", "500", "expired", "refused")) {
        pages.visit("error page " + error, "/errors/" + error + ".xhtml", "");
      }
      pages.visit("database unavailable", "/errors/unavailable.html", "");
      pages.assertAllPassed();
    }
  }

  @Test
  void frontDeskPagesHaveNoSeriousViolations() {
    String last = Names.uniqueSurname("Ax");
    try (Browser browser = Browser.open(clinic)) {
      Checked pages = new Checked(browser);
      LoginScreen.open(browser).signInAndWait("frontdesk", PASSWORD);
      pages.check("dashboard (front desk)");
      pages.visit("client list", "/staff/clients/clients.xhtml", "Clients");
      browser.type("search:query", "Bergström");
      browser.awaitText("Bergström, Anna");
      pages.check("client list, searched");

      browser.visit("/staff/clients/client-edit.xhtml");
      browser.awaitText("Register client");
      pages.check("register client");
      browser.type("client:lastName", last);
      browser.type("client:dateOfBirth", "2999-01-01");
      browser.type("client:email", "not-an-email");
      browser.submit("client:save");
      browser.awaitText("The date of birth cannot be in the future.");
      pages.check("register client, refused");
      browser.type("client:firstName", "Carla");
      browser.type("client:dateOfBirth", "1979-08-14");
      browser.type("client:email", "");
      browser.type("client:phone", Names.phoneOf(last));
      browser.type("client:emergencyContactName", "Carlos Lopez");
      browser.type("client:emergencyContactPhone", "+46 70 555 0102");
      browser.type("client:physicianName", "Dr. Kari Holm");
      browser.type("client:physicianContact", "+47 22 11 00 00");
      browser.submit("client:save");
      browser.awaitPath("/staff/clients/client.xhtml");
      long carla = clientId(last);
      // Each detail is read with its own label, not run together with the next one.
      assertEquals("Carlos Lopez", browser.find(By.id("emergencyContactName")).getText());
      assertEquals("+46 70 555 0102", browser.find(By.id("emergencyContactPhone")).getText());
      assertEquals("Dr. Kari Holm", browser.find(By.id("physicianName")).getText());
      assertEquals("+47 22 11 00 00", browser.find(By.id("physicianContact")).getText());
      pages.check("client page, details (front desk)");
      openTab(browser, "Consents");
      pages.check("client page, consents (front desk)");
      pages.visit(
          "client details", "/staff/clients/client-edit.xhtml?id=" + carla, "Client details");
      pages.visit(
          "paper consent",
          "/staff/consents/paper.xhtml?client=" + carla,
          "Informed consent to therapeutic massage for migraine");
      long form =
          StoredRows.number(
              clinic,
              "select id from consent_form where code = (select min(code) from consent_form"
                  + " where required_for_treatment = true)");
      pages.visit(
          "printable consent form",
          "/staff/consents/print.xhtml?client=" + carla + "&form=" + form,
          "Carla");
      long annasConsent =
          StoredRows.number(
              clinic, "select min(id) from consent where client_id = ?", clientId("Bergström"));
      pages.visit(
          "signed consent", "/staff/consents/consent.xhtml?id=" + annasConsent, "Anna Bergström");
      pages.visit("my password", "/account/password.xhtml", "Change password");
      pages.visit("my second factor", "/account/second-factor.xhtml", "Second factor");
      pages.assertAllPassed();
    }
  }

  @Test
  void therapistPagesHaveNoSeriousViolations() {
    long anna = clientId("Bergström");
    long jonas = clientId("Lindqvist");
    long amira = clientId("Haddad");
    long signedNote =
        StoredRows.number(
            clinic,
            "select min(id) from soap_note where client_id = ? and status = 'SIGNED'",
            anna);
    long draftNote =
        StoredRows.number(
            clinic,
            "select min(id) from soap_note where client_id = ? and status = 'DRAFT'"
                + " and therapist = 'therapist2'",
            jonas);
    try (Browser browser = Browser.open(clinic)) {
      Checked pages = new Checked(browser);
      LoginScreen.open(browser).signInAndWait("therapist1", PASSWORD);
      pages.check("dashboard (therapist)");
      browser.visit("/staff/clients/client.xhtml?id=" + anna);
      browser.awaitText("Anna Bergström");
      for (String tab :
          List.of(
              "Details",
              "Consents",
              "Sessions and notes",
              "Outcomes",
              "Health intake",
              "Clearances and restrictions")) {
        openTab(browser, tab);
        pages.check("client page, " + tab);
      }
      pages.visit("health intake", "/clinical/intake.xhtml?client=" + anna, "Health intake");
      pages.visit("today's check", "/clinical/visit-check.xhtml?client=" + anna, "Record");
      pages.visit("session start", "/clinical/session-start.xhtml?client=" + anna, "Start session");
      pages.visit("signed note", "/clinical/note.xhtml?id=" + signedNote, "Signed");
      pages.visit(
          "medical clearance", "/clinical/clearance.xhtml?client=" + amira, "Record clearance");
      browser.visit("/staff/clients/client.xhtml?id=" + amira);
      browser.awaitText("Treatment on hold");
      pages.check("client page with a red flag");

      // Jonas is therapist2's client: therapist1 gives a reason first.
      pages.visit(
          "break-glass", "/clinical/break-glass.xhtml?client=" + jonas, "Outside your caseload");
      browser.submit("breakGlass:open");
      browser.awaitText("Outside your caseload");
      pages.check("break-glass, refused");
      pages.assertAllPassed();
    }

    try (Browser browser = Browser.tablet(clinic)) {
      Checked pages = new Checked(browser);
      LoginScreen.open(browser).signInAndWait("therapist2", PASSWORD);
      pages.visit("unsigned notes", "/clinical/notes.xhtml", "Lindqvist");
      pages.visit("draft note", "/clinical/note.xhtml?id=" + draftNote, "Sign note");
      pages.assertAllPassed();
    }
  }

  @Test
  void ownerPagesHaveNoSeriousViolations(@TempDir Path folder) throws Exception {
    long therapist =
        StoredRows.number(clinic, "select id from staff_account where username = 'therapist1'");
    long form = StoredRows.number(clinic, "select min(id) from consent_form");
    Path pdf = notePdf(folder);
    try (Browser browser = Browser.open(clinic);
        Browser auditor = Browser.open(clinic)) {
      Checked pages = new Checked(browser);
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      pages.check("dashboard (owner)");
      pages.visit("staff", "/owner/staff.xhtml", "therapist1");
      pages.visit("new staff member", "/owner/staff-edit.xhtml", "Save");
      browser.submit("edit:save");
      browser.awaitText("Enter the person's full name.");
      pages.check("new staff member, refused");
      pages.visit("staff member", "/owner/staff-edit.xhtml?id=" + therapist, "Reset password");
      pages.visit("catalogue", "/owner/catalogue.xhtml", "Catalogue");
      pages.visit("consent forms", "/owner/consent-forms.xhtml", "Consent forms");
      pages.visit("consent form", "/owner/consent-form.xhtml?id=" + form, "Publish new version");
      pages.visit("new consent form", "/owner/consent-form.xhtml", "Publish form");
      pages.visit("exports", "/owner/exports.xhtml", "Export");
      pages.visit("audit trail", "/owner/audit.xhtml", "Audit trail");
      pages.visit("clinic details", "/owner/clinic.xhtml", "Clinic details");
      pages.visit("API tokens", "/owner/api-tokens.xhtml", "API tokens");
      pages.visit("verify a PDF", "/owner/verify.xhtml", "Verify");
      browser.find(By.id("verify:file")).sendKeys(pdf.toString());
      browser.submit("verify:check");
      browser.awaitText("This is the record as we sealed it");
      pages.check("verify a PDF, answered");

      // The auditors' page exists only while the owner allows it.
      browser.submit("publicOption:allowPublic");
      browser.awaitText("Auditors can verify PDFs without signing in");
      try {
        Checked publicPages = new Checked(auditor);
        publicPages.visit("public verification", "/verify.xhtml", "Verify");
        auditor.find(By.id("verify:file")).sendKeys(pdf.toString());
        auditor.submit("verify:check");
        auditor.awaitText("This is the record as the clinic sealed it");
        publicPages.check("public verification, answered");
        publicPages.assertAllPassed();
      } finally {
        browser.visit("/owner/verify.xhtml");
        browser.submit("publicOption:stopPublic");
        browser.awaitText("Off: only you can verify PDFs here");
      }
      pages.assertAllPassed();
    }
  }

  private static Path notePdf(Path folder) throws Exception {
    long noteId =
        StoredRows.number(
            clinic, "select min(record_id) from sealed_record where record_type = 'SoapNote'");
    HttpResponse<byte[]> pdf =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/notes/" + noteId + "/pdf"))
                .header("Authorization", Http.basic("owner", PASSWORD))
                .GET());
    assertEquals(200, pdf.statusCode());
    Path file = folder.resolve("note-" + noteId + ".pdf");
    Files.write(file, pdf.body());
    return file;
  }

  @Test
  void kioskScreensHaveNoSeriousViolationsAndReadInOrderToAScreenReader() {
    try (Browser tablet = Browser.tablet(clinic)) {
      Checked pages = new Checked(tablet);
      List<String> screens = new ArrayList<>();
      KioskVisit.walkThrough(
          tablet,
          screen -> {
            screens.add(screen);
            pages.check(screen);
            assertReadsInOrder(tablet, screen);
          });
      assertTrue(screens.contains("kiosk, consent with the signature pad"), screens.toString());
      pages.assertAllPassed();
    }
  }

  /**
   * What a screen reader needs on a kiosk screen: one main landmark, one heading that says where
   * the client is, every button named; on the signing screen, a pad with a role, a name and
   * instructions.
   */
  private static void assertReadsInOrder(Browser tablet, String screen) {
    assertEquals(
        1L,
        tablet.script("return document.querySelectorAll('main').length;"),
        screen + ": one main landmark");
    assertEquals(
        1L,
        tablet.script(
            "return Array.from(document.querySelectorAll('h1'))"
                + ".filter(function (h) { return h.offsetParent !== null; }).length;"),
        screen + ": one visible first-level heading");
    assertEquals(
        "",
        tablet.script(
            "return Array.from(document.querySelectorAll('button, a, [role=button],"
                + " [role=radio], [role=checkbox]'))"
                + ".filter(function (b) { return b.offsetParent !== null"
                + "   && !(b.getAttribute('aria-label') || b.textContent.trim()"
                + "        || b.getAttribute('aria-labelledby') || b.title); })"
                + ".map(function (b) { return b.outerHTML.slice(0, 120); }).join('\\n');"),
        screen + ": every button is named");
    if (screen.equals("kiosk, consent with the signature pad")) {
      WebElement pad = tablet.find(By.cssSelector(".kiosk-signature canvas"));
      assertEquals("img", pad.getAttribute("role"));
      assertEquals("Your signature: draw it here with a finger", pad.getAttribute("aria-label"));
      String instructions = pad.getAttribute("aria-describedby");
      assertTrue(instructions != null && !instructions.isBlank(), "instructions linked");
      assertTrue(
          tablet
              .find(By.id(instructions))
              .getText()
              .contains("To start again, tap Clear signature"),
          tablet.find(By.id(instructions)).getText());
      assertEquals(
          "Clear signature",
          tablet
              .find(By.id("consent:clearSignature"))
              .getAccessibleName()
              .replace('\u00a0', ' ')
              .strip());
    }
  }
}
