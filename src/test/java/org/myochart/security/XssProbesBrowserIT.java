package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.browser.PaperConsentScreen;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.StaffMembers;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;
import org.openqa.selenium.By;

/**
 * Script, markup, {@code javascript:} links and template or EL expressions typed into free-text
 * fields: every page that shows them renders them as the text typed, no script runs, no expression
 * is evaluated, and the sealed PDFs carry the same text literally.
 */
class XssProbesBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  static final String SCRIPT = "<script>window.__xss=1</script>";
  static final String IMAGE = "\"><img src=x onerror=window.__xss=1>";
  static final String LINK = "javascript:window.__xss=1";
  static final String TEMPLATE = "{{7*7}}";
  static final String EL = "#{7*7}";
  static final String DOLLAR_EL = "${7*7}";

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** A client whose free-text fields are all probes; the last name stays searchable. */
  private static long hostileClient(String lastName) {
    return hostileClient(clinic, lastName);
  }

  static long hostileClient(RunningClinic clinic, String lastName) {
    String body =
        Json.createObjectBuilder()
            .add("firstName", IMAGE)
            .add("lastName", lastName)
            .add("dateOfBirth", "1982-07-08")
            .add("emergencyContactName", SCRIPT)
            .add("preferredLanguage", TEMPLATE)
            .add("physicianName", DOLLAR_EL + " " + SCRIPT)
            .add("physicianContact", LINK)
            .add("notes", SCRIPT + "\n" + EL + "\n" + TEMPLATE + "\n[click](" + LINK + ")")
            .build()
            .toString();
    HttpResponse<String> created =
        Http.postJson(clinic.uri("/api/v1/clients"), "frontdesk", PASSWORD, body);
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  /** Opens the page, waits for it and its images, and checks that no probe ran. */
  static void assertInert(Browser browser, String path) {
    browser.visit(path);
    browser.waitFor().until(d -> "complete".equals(browser.script("return document.readyState")));
    assertNull(browser.script("return window.__xss"), "script ran on " + path);
    assertEquals(
        0L,
        browser.script(
            "return document.querySelectorAll('img[src=\"x\"], a[href^=\"javascript:\"]').length"),
        "markup from a probe became an element on " + path);
  }

  @Test
  void clientDetailsFullOfProbesAreShownAsTypedOnEveryPage() {
    String lastName = Names.uniqueSurname("Xss");
    long client = hostileClient(lastName);

    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      for (String path :
          List.of(
              "/staff/clients/client.xhtml?id=" + client,
              "/staff/clients/client-edit.xhtml?id=" + client,
              "/staff/consents/paper.xhtml?client=" + client,
              "/staff/consents/print.xhtml?client="
                  + client
                  + "&form="
                  + StoredRows.number(clinic, "select min(id) from consent_form"),
              "/clinical/intake.xhtml?client=" + client,
              "/clinical/visit-check.xhtml?client=" + client,
              "/clinical/session-start.xhtml?client=" + client,
              "/clinical/clearance.xhtml?client=" + client)) {
        assertInert(owner, path);
        assertTrue(
            owner.text().contains(IMAGE)
                || owner.driver().getPageSource().contains("onerror=window.__xss=1"),
            "the first name is shown on " + path);
      }

      assertInert(owner, "/staff/clients/client.xhtml?id=" + client);
      String profile = owner.text();
      assertTrue(profile.contains(IMAGE), profile);
      assertTrue(
          profile.contains(SCRIPT), "emergency contact or notes shown literally: " + profile);
      assertTrue(
          profile.contains(EL) && profile.contains(TEMPLATE),
          "notes shown as typed, not evaluated: " + profile);

      assertInert(owner, "/staff/clients/client-edit.xhtml?id=" + client);
      assertEquals(IMAGE, owner.find(By.id("client:firstName")).getAttribute("value"));
      assertEquals(
          DOLLAR_EL + " " + SCRIPT,
          owner.find(By.id("client:physicianName")).getAttribute("value"));
      assertEquals(LINK, owner.find(By.id("client:physicianContact")).getAttribute("value"));

      owner.visit("/staff/clients/clients.xhtml");
      owner.type("search:query", lastName);
      owner.awaitText(lastName + ", " + IMAGE);
      assertNull(owner.script("return window.__xss"));
    }
  }

  @Test
  void aProbeNameIsInertOnTheKioskTabletToo() {
    String lastName = Names.uniqueSurname("Xk");
    long client = hostileClient(lastName);

    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      tablet.visit("/staff/clients/client.xhtml?id=" + client);
      tablet.tap(By.id("startKioskIntake"));
      tablet.awaitPath("/kiosk/intake.xhtml");

      tablet.awaitText("Hello " + IMAGE);
      assertNull(tablet.script("return window.__xss"));
      tablet.click(By.cssSelector(".kiosk-staff summary"));
      tablet.type("kiosk:staffPassword", PASSWORD);
      tablet.tap(By.id("kiosk:unlock"));
      tablet.awaitPath("/staff/clients/client.xhtml");
    }
  }

  @Test
  void aPaperConsentForAProbeClientIsInertOnItsPagesAndLiteralInItsSealedPdfs() throws Exception {
    String lastName = Names.uniqueSurname("Xp");
    long client = hostileClient(lastName);
    Path scan = Files.createTempFile("scan", ".pdf");
    Files.writeString(scan, "%PDF-1.4\n% a scanned page\n");

    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      PaperConsentScreen.open(desk, client)
          .recordFullyAccepted(clinicToday(), IMAGE + " " + lastName, scan);
      assertNull(desk.script("return window.__xss"));
      long consent = consentOf(client);
      assertInert(desk, "/staff/consents/consent.xhtml?id=" + consent);
      assertTrue(desk.text().contains(IMAGE), desk.text());
    }

    WebSession owner = WebSession.signedIn(clinic, "owner", PASSWORD);
    String consentPdf = SealedPdfs.text(pdf(owner, "/staff/consents/pdf?id=" + consentOf(client)));
    assertTrue(consentPdf.replaceAll("\\s+", " ").contains(IMAGE), consentPdf);
    String chart =
        SealedPdfs.text(pdf(owner, "/owner/chart-pdf?client=" + client)).replaceAll("\\s+", " ");
    assertTrue(chart.contains(IMAGE), chart);
  }

  @Test
  void aStaffDisplayNameFullOfMarkupIsShownAsTyped() {
    String displayName = IMAGE + " " + EL;
    StaffMembers.add(clinic, "THERAPIST", displayName);
    long id = staffId(displayName);

    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      assertInert(owner, "/owner/staff.xhtml");
      assertTrue(owner.text().contains(displayName), owner.text());
      assertInert(owner, "/owner/staff-edit.xhtml?id=" + id);
      assertTrue(
          owner.driver().getPageSource().contains("window.__xss"), "the name is on the edit page");
    }
  }

  @Test
  void clearanceNotesFullOfProbesAreShownAsTyped() {
    String lastName = Names.uniqueSurname("Xc");
    long client = hostileClient(lastName);

    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      therapist.visit("/clinical/clearance.xhtml?client=" + client);
      therapist.type("clearance:physicianName", SCRIPT);
      therapist.type("clearance:clearedOn", clinicToday());
      therapist.type("clearance:note", IMAGE + "\n" + EL + "\n" + TEMPLATE);
      therapist.submit("clearance:save");
      therapist.awaitPath("/staff/clients/client.xhtml");
      assertNull(therapist.script("return window.__xss"));
      assertEquals(
          1,
          StoredRows.count(
              clinic,
              "medical_clearance",
              "client_id = ? and note like ?",
              client,
              "%" + EL + "%"));
      for (String path :
          List.of(
              "/staff/clients/client.xhtml?id=" + client,
              "/clinical/intake.xhtml?client=" + client)) {
        assertInert(therapist, path);
      }
    }
  }

  @Test
  void consentFormMarkdownWithRawHtmlAndScriptLinksIsEscapedInThePreview() {
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/consent-form.xhtml");
      owner.type(
          "form:body",
          "# "
              + TEMPLATE
              + "\n\n"
              + SCRIPT
              + "\n\n"
              + IMAGE
              + "\n\n[Read more]("
              + LINK
              + ") "
              + EL);
      owner.click("form:preview");
      owner
          .waitFor()
          .until(d -> owner.find(By.id("form:previewPanel")).getText().contains("Read more"));

      String preview = owner.find(By.id("form:previewPanel")).getText();
      assertTrue(preview.contains(SCRIPT), preview);
      assertTrue(preview.contains(EL) && preview.contains(TEMPLATE), preview);
      assertNull(owner.script("return window.__xss"));
      assertEquals(
          0L,
          owner.script(
              "return document.querySelectorAll('#form\\\\:previewPanel script, #form\\\\:previewPanel img, a[href^=\"javascript:\"]').length"));
    }
  }

  static String clinicToday() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  private static long consentOf(long client) {
    return StoredRows.number(clinic, "select max(id) from consent where client_id = ?", client);
  }

  private static long staffId(String displayName) {
    return StoredRows.number(
        clinic, "select max(id) from staff_account where display_name = ?", displayName);
  }

  static byte[] pdf(WebSession session, String path) {
    HttpResponse<byte[]> answer = session.download(path);
    assertEquals(200, answer.statusCode(), path);
    assertTrue(
        new String(answer.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
            .startsWith("%PDF"),
        path);
    return answer.body();
  }
}
