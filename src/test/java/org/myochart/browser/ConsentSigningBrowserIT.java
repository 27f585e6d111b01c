package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.TestMailServer;
import org.myochart.testsupport.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Clients sign consents on a 1024×768 touch screen: the electronic records disclosure first, then
 * the migraine massage consent with a drawn signature; the server's refusals show on the tablet.
 */
@Order(7) // among the first to start: it is one of the longest
class ConsentSigningBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  /** A signature that spans the box: a zigzag 320 px wide and 70 px high. */
  static final int[][] SIGNATURE = zigzag(320, 70, 24);

  /** A dot-sized scribble. */
  static final int[][] SCRIBBLE = {{0, 0}, {3, 2}, {5, 1}, {6, 3}};

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  static int[][] zigzag(int width, int height, int points) {
    int[][] line = new int[points][];
    for (int i = 0; i < points; i++) {
      line[i] =
          new int[] {-width / 2 + i * width / (points - 1), (i % 2 == 0 ? -height : height) / 2};
    }
    return line;
  }

  /** Registers a client as the front desk and returns the profile's client id. */
  static long register(Browser browser, String first, String last, String born) {
    browser.visit("/staff/clients/client-edit.xhtml");
    browser.type("client:firstName", first);
    browser.type("client:lastName", last);
    browser.type("client:dateOfBirth", born);
    browser.submit("client:save");
    browser.awaitPath("/staff/clients/client.xhtml");
    String url = browser.driver().getCurrentUrl();
    return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  static void tickAll(Browser tablet) {
    for (WebElement box :
        tablet.driver().findElements(By.cssSelector(".consent-ack .ui-chkbox-box"))) {
      if (!box.getAttribute("class").contains("ui-state-active")) {
        tablet.tap(box);
      }
    }
  }

  static void chooseTechniques(Browser tablet, String... answers) {
    List<WebElement> rows = tablet.driver().findElements(By.cssSelector(".kiosk-question"));
    for (int i = 0; i < rows.size(); i++) {
      String label = answers[i % answers.length];
      tablet.tap(
          rows.get(i)
              .findElement(
                  By.xpath(
                      ".//div[contains(@class,'ui-button')][normalize-space(.)='" + label + "']")));
    }
  }

  static void sign(Browser tablet, int[][] stroke) {
    WebElement canvas = tablet.find(By.cssSelector(".kiosk-signature canvas"));
    tablet.script("arguments[0].scrollIntoView({block: 'center'});", canvas);
    tablet.drawWithFinger(canvas, stroke);
  }

  /**
   * Accepts the disclosure on the tablet (the first screen for a client who has not), with the name
   * of whoever accepts it.
   */
  static void acceptDisclosure(Browser tablet, String fullName) {
    tablet.awaitText("Consent to electronic records and signatures");
    tickAll(tablet);
    tablet.type("consent:typedName", fullName);
    tablet.tap(By.id("consent:acceptDisclosure"));
    tablet.awaitText("Informed consent to therapeutic massage for migraine");
  }

  /** A parent or guardian accepts the disclosure for a minor. */
  static void acceptDisclosureForMinor(Browser tablet, String guardianName, String relationship) {
    tablet.awaitText("Consent to electronic records and signatures");
    tickAll(tablet);
    tablet.type("consent:guardianRelationship", relationship);
    tablet.type("consent:typedName", guardianName);
    tablet.tap(By.id("consent:acceptDisclosure"));
    tablet.awaitText("Informed consent to therapeutic massage for migraine");
  }

  /**
   * After the last signature the thank-you screen offers an e-mailed copy (the demo clinic has a
   * mail server) and waits for the client; a test that wants the tablet back declines it.
   */
  static void declineCopyIfOffered(Browser tablet) {
    tablet
        .waitFor()
        .until(
            d ->
                !d.findElements(By.id("noCopy")).isEmpty()
                    || tablet.text().contains("This tablet is ready"));
    if (!tablet.driver().findElements(By.id("noCopy")).isEmpty()) {
      tablet.tap(By.id("noCopy"));
    }
  }

  static void unlock(Browser tablet) {
    declineCopyIfOffered(tablet);
    tablet.awaitText("This tablet is ready");
    tablet.click(By.cssSelector(".kiosk-staff summary"));
    tablet.type("consent:staffPassword", PASSWORD);
    tablet.tap(By.id("consent:unlock"));
    tablet.awaitPath("/staff/clients/client.xhtml");
  }

  /** Reads, ticks, chooses, types the name and signs the form on screen. */
  static void signShownForm(Browser tablet, String fullName) {
    tickAll(tablet);
    chooseTechniques(tablet, "Yes", "No");
    tablet.type("consent:typedName", fullName);
    sign(tablet, SIGNATURE);
    tablet.tap(By.id("consent:sign"));
  }

  /**
   * Hands the tablet over and signs every form it shows, whatever the clinic requires at the
   * moment; returns after the tablet is back with staff.
   */
  static void signAll(Browser tablet, String fullName) {
    tablet.tap(By.id("startKioskConsent"));
    tablet.awaitPath("/kiosk/consent.xhtml");
    if (tablet.text().contains("Consent to electronic records")) {
      acceptDisclosure(tablet, fullName);
    }
    while (true) {
      String progress = tablet.find(By.id("progress")).getText();
      signShownForm(tablet, fullName);
      tablet
          .waitFor()
          .until(
              d ->
                  tablet.text().contains("Thank you")
                      || !d.findElements(By.id("progress")).isEmpty()
                          && !d.findElement(By.id("progress")).getText().equals(progress));
      if (tablet.text().contains("Thank you")) {
        break;
      }
    }
    unlock(tablet);
  }

  /** The whole happy path for an adult: returns after the tablet is back with staff. */
  static void signEverything(Browser tablet, String fullName) {
    tablet.tap(By.id("startKioskConsent"));
    tablet.awaitPath("/kiosk/consent.xhtml");
    if (tablet.text().contains("Consent to electronic records")) {
      acceptDisclosure(tablet, fullName);
    }
    tablet.awaitText("Informed consent to therapeutic massage for migraine");
    tickAll(tablet);
    chooseTechniques(tablet, "Yes", "No");
    tablet.type("consent:typedName", fullName);
    sign(tablet, SIGNATURE);
    tablet.tap(By.id("consent:sign"));
    tablet.awaitText("Thank you");
    unlock(tablet);
  }

  static List<String[]> consentRows(long clientId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select v.title, c.signer_name, c.signer_role, c.guardian_relationship, c.method, c.evidence_sha256,"
                    + " c.kiosk_session_id, c.started_by, c.text_sha256, v.text_sha256, c.signature_png"
                    + " from consent c join consent_form_version v on v.id = c.form_version_id where c.client_id = ? order by c.id")) {
      query.setLong(1, clientId);
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          byte[] png = rs.getBytes(11);
          boolean isPng =
              png != null && png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
          rows.add(
              new String[] {
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                String.valueOf(rs.getString(9).equals(rs.getString(10))),
                String.valueOf(isPng)
              });
        }
      }
      return rows;
    }
  }

  @Test
  void clientAcceptsTheDisclosureAndSignsTheConsentWithAFingerOnTheTablet() throws Exception {
    String last = Names.uniqueSurname("Cs");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      long clientId = register(tablet, "Maren", last, "1984-02-03");
      assertTrue(tablet.find(By.id("consentGate")).getText().contains("has not been signed"));

      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      tablet.awaitText("Hello Maren");
      assertTrue(tablet.text().contains("Form 1 of 2"));
      assertTrue(tablet.text().contains("Consent to electronic records and signatures"));

      // No way out: typed addresses, another kiosk page and the back button all come back here.
      for (String typed :
          new String[] {
            "/staff/dashboard.xhtml",
            "/staff/clients/clients.xhtml",
            "/owner/staff.xhtml",
            "/kiosk/intake.xhtml",
            "/api/v1/clients"
          }) {
        tablet.visit(typed);
        tablet.awaitPath("/kiosk/consent.xhtml");
      }
      tablet.driver().navigate().back();
      tablet.awaitPath("/kiosk/consent.xhtml");
      assertFalse(tablet.text().contains("Bergström"), "no other client is shown on the kiosk");
      assertFalse(tablet.text().contains("Priya"), "no staff name is shown on the kiosk");

      tablet.tap(By.id("consent:acceptDisclosure"));
      tablet.awaitText("Please tick every statement before signing");
      assertTrue(tablet.text().contains("Enter the full name."), tablet.text());
      acceptDisclosure(tablet, "Maren " + last);
      assertTrue(tablet.text().contains("Form 2 of 2"));

      tablet.tap(By.id("consent:sign"));
      tablet.awaitText("Please sign in the box with your finger.");
      String refusals = tablet.text();
      assertTrue(refusals.contains("Please tick every statement before signing"), refusals);
      assertTrue(refusals.contains("Please choose Yes or No for"), refusals);
      assertTrue(refusals.contains("Enter the full name."), refusals);

      tickAll(tablet);
      chooseTechniques(tablet, "Yes", "No");
      tablet.type("consent:typedName", "Someone Else");
      sign(tablet, SCRIBBLE);
      tablet.tap(By.id("consent:sign"));
      tablet.awaitText("That is too short to be a signature.");
      assertTrue(
          tablet.text().contains("Please type your full name as the clinic has it: Maren " + last));

      tablet.type("consent:typedName", "maren " + last.toLowerCase());
      WebElement pad = tablet.find(By.cssSelector(".kiosk-signature canvas"));
      // A screen reader names the pad in words, not by a missing translation key.
      assertEquals("Your signature: draw it here with a finger", pad.getAttribute("aria-label"));
      tablet.script("arguments[0].scrollIntoView({block: 'center'});", pad);
      long scrolledBefore = ((Number) tablet.script("return window.scrollY;")).longValue();
      tablet.drawWithFinger(pad, SIGNATURE);
      assertEquals(
          scrolledBefore,
          ((Number) tablet.script("return window.scrollY;")).longValue(),
          "drawing does not scroll the page");
      assertEquals(
          "none",
          tablet.script(
              "return getComputedStyle(document.querySelector('.kiosk-signature canvas')).touchAction;"));
      tablet.tap(By.id("consent:sign"));
      ClientRecordBrowserIT.screenshot(tablet, "kiosk-consent-signed");
      tablet.awaitText("Thank you, Maren");

      // The client's copy: e-mailed from the tablet to the address confirmed there, as sealed.
      String address = "maren." + last.toLowerCase() + "@example.com";
      tablet.type("consent:copyAddress", "maren at example");
      tablet.tap(By.id("consent:sendCopy"));
      tablet.awaitText("Give an e-mail address such as name@example.com.");
      tablet.type("consent:copyAddress", address);
      tablet.tap(By.id("consent:sendCopy"));
      tablet.awaitText("A copy is on its way to " + address);
      var mail = TestMailServer.start().awaitMessageTo(address);
      assertTrue(mail.getSubject().startsWith("Your signed consent"), mail.getSubject());
      List<byte[]> pdfs = TestMailServer.attachments(mail);
      assertFalse(pdfs.isEmpty(), "the sealed PDFs are attached");
      for (byte[] pdf : pdfs) {
        assertTrue(SealedPdfs.signatureValid(pdf), "the copy carries a valid seal");
        assertTrue(SealedPdfs.text(pdf).contains(last), "the copy is Maren's");
      }
      assertEquals(
          pdfs.size(),
          StoredRows.count(
              clinic,
              "audit_entry",
              "action = 'EXPORT' and record_type = 'Consent' and detail like ?",
              "%\"to\":\"" + address + "\"%"));
      tablet.visit("/staff/clients/client.xhtml?id=" + clientId);
      tablet.awaitPath("/kiosk/consent.xhtml");
      // The thank-you screen locks the tablet by itself.
      tablet.awaitText("This tablet is ready");
      assertFalse(tablet.text().contains("Maren"), "the locked tablet shows no client");

      unlock(tablet);
      assertTrue(
          tablet.driver().findElements(By.id("consentGate")).isEmpty(),
          "nothing is missing any more");
      tablet.awaitText("Electronic records: accepted.");
      assertTrue(tablet.find(By.id("profile:tabs:consents")).getText().contains("Valid"));
    }

    List<String[]> rows = consentRows(clientIdOf(last));
    assertEquals(2, rows.size(), "the disclosure and the consent");
    String[] consent = rows.get(1);
    assertEquals("Informed consent to therapeutic massage for migraine", consent[0]);
    assertEquals("maren " + last.toLowerCase(), consent[1]);
    assertEquals("CLIENT", consent[2]);
    assertEquals("ELECTRONIC", consent[4]);
    assertEquals(64, consent[5].length());
    assertTrue(consent[6] != null && consent[6].length() >= 32, "kiosk session id stored");
    assertEquals("frontdesk", consent[7]);
    assertEquals("true", consent[8], "the consent carries the hash of the text it was shown");
    assertEquals("true", consent[9], "the server drew a PNG of the signature");
    assertTrue(AuditRows.count(clinic, "SIGN", null, null) >= 2);

    long clientId = clientIdOf(last);
    var api =
        Http.get(clinic.uri("/api/v1/clients/" + clientId + "/consents"), "therapist1", PASSWORD);
    assertEquals(200, api.statusCode(), api.body());
    jakarta.json.JsonArray listed =
        jakarta.json.Json.createReader(new java.io.StringReader(api.body())).readArray();
    assertEquals(2, listed.size());
    jakarta.json.JsonObject newest = listed.getJsonObject(0);
    assertEquals("VALID", newest.getString("status"));
    assertEquals("maren " + last.toLowerCase(), newest.getString("signerName"));
    assertTrue(newest.getString("formTitle").startsWith("Informed consent"));
    assertTrue(newest.getInt("version") >= 1);
    assertTrue(newest.getString("signedAt").endsWith("Z"));
    assertEquals(
        403,
        Http.get(clinic.uri("/api/v1/clients/" + clientId + "/consents"), "frontdesk", PASSWORD)
            .statusCode());
    assertEquals(
        401, Http.get(clinic.uri("/api/v1/clients/" + clientId + "/consents")).statusCode());
    assertEquals(
        404,
        Http.get(clinic.uri("/api/v1/clients/987654321/consents"), "owner", PASSWORD).statusCode());

    long consentId = newest.getJsonNumber("id").longValue();
    var sealed =
        Http.sendBytes(
            java.net.http.HttpRequest.newBuilder(
                    clinic.uri("/api/v1/consents/" + consentId + "/pdf"))
                .header("Authorization", Http.basic("owner", PASSWORD)));
    assertEquals(200, sealed.statusCode());
    byte[] pdf = sealed.body();
    assertTrue(
        org.myochart.testsupport.SealedPdfs.signatureValid(pdf),
        "the sealed consent's signature is valid");
    String text = org.myochart.testsupport.SealedPdfs.text(pdf);
    assertTrue(text.contains("Signed by: maren " + last.toLowerCase()), text);
    assertTrue(text.contains("Meaning: I have read this form"), text);
    assertTrue(text.contains("Audit trail up to signing"), text);
    assertTrue(text.contains("KIOSK_START"), "the hand-over is in the audit trail: " + text);
    assertEquals(
        List.of(
            "consent-" + consentId + ".evidence.txt",
            "consent-" + consentId + ".form-text.txt",
            "consent-" + consentId + ".json"),
        org.myochart.testsupport.SealedPdfs.attachments(pdf));
    assertEquals(List.of(), org.myochart.testsupport.SealedPdfs.pdfA3bFailures(pdf));
    byte[] tampered = org.myochart.testsupport.SealedPdfs.withFlippedSealedByte(pdf);
    assertFalse(
        org.myochart.testsupport.SealedPdfs.signatureValid(tampered), "a flipped byte is caught");
    assertEquals(
        403,
        Http.get(clinic.uri("/api/v1/consents/" + consentId + "/pdf"), "therapist1", PASSWORD)
            .statusCode());
    assertEquals(
        404,
        Http.get(clinic.uri("/api/v1/consents/987654321/pdf"), "owner", PASSWORD).statusCode());
  }

  static long clientIdOf(String lastName) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement("select id from client where last_name = ?")) {
      query.setString(1, lastName);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aRefusedPaperConsentShowsEveryProblemAtOnceAndKeepsTheScan(@TempDir Path folder)
      throws Exception {
    String last = Names.uniqueSurname("Cp");
    Path notAScan = Files.writeString(folder.resolve("notes.pdf"), "<html>not a pdf</html>");
    Path scan = folder.resolve("signed-form.pdf");
    Files.write(scan, "%PDF-1.7\n%scanned pages\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      long clientId = register(desk, "Vera", last, "1972-08-09");
      desk.visit("/staff/consents/paper.xhtml?client=" + clientId);
      desk.find(By.id("paper:allAcknowledged"))
          .findElement(By.cssSelector(".ui-chkbox-box"))
          .click();
      for (WebElement row : desk.driver().findElements(By.cssSelector(".kiosk-question"))) {
        row.findElement(
                By.xpath(".//div[contains(@class,'ui-button')][normalize-space(.)='Accepted']"))
            .click();
      }
      desk.type("paper:signedOn", "");
      desk.find(By.id("paper:scan")).sendKeys(notAScan.toString());
      desk.submit("paper:save");

      // One round: the file's problem and the form's together.
      desk.awaitText("The file must be a PDF, PNG or JPEG");
      assertTrue(desk.text().contains("Enter the date written on the paper form."), desk.text());

      String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
      desk.type("paper:signedOn", today);
      desk.type("paper:typedName", "");
      desk.find(By.id("paper:scan")).sendKeys(scan.toString());
      desk.submit("paper:save");
      desk.awaitText("Enter the full name.");
      assertTrue(
          !desk.driver().findElements(By.id("paper:keptScan")).isEmpty(),
          "the accepted scan is kept: " + desk.text());
      assertTrue(
          desk.find(By.id("paper:keptScan")).getText().contains("signed-form.pdf"),
          "the accepted scan is kept for the next try");

      desk.type("paper:typedName", "Vera " + last);
      desk.submit("paper:save");
      desk.awaitText("The paper consent was recorded.");
      List<String[]> rows = consentRows(clientId);
      assertEquals(1, rows.size(), "recorded once, with the kept scan");
    }
  }

  @Test
  void aMinorsParentSignsWithTheirOwnNameAndRelationship() throws SQLException {
    String last = Names.uniqueSurname("Cm");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      long clientId = register(tablet, "Ida", last, "2014-05-06");
      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      acceptDisclosureForMinor(tablet, "Kari " + last, "mother");
      assertTrue(tablet.text().contains("Ida is under 18."));
      tickAll(tablet);
      chooseTechniques(tablet, "No");
      tablet.type("consent:typedName", "Ida " + last);
      sign(tablet, SIGNATURE);
      tablet.tap(By.id("consent:sign"));
      tablet.awaitText("Ida is under 18: a parent or guardian signs with their own name.");
      assertTrue(tablet.text().contains("Enter the relationship to Ida."));
      // The refusal keeps the drawn signature: it is still on the pad and goes with the next tap.
      String kept = tablet.find(By.id("consent:signature_value")).getAttribute("value");
      assertTrue(kept != null && kept.contains("lines"), "the strokes are kept: " + kept);
      assertEquals(
          Boolean.TRUE,
          tablet.script(
              "var c = document.querySelector('.kiosk-signature canvas');"
                  + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                  + " for (var i = 0; i < d.length; i += 4) {"
                  + "   if (d[i + 3] > 0 && d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) return true;"
                  + " }"
                  + " return false;"),
          "the pad shows the signature again");

      tablet.type("consent:typedName", "Kari " + last);
      tablet.type("consent:guardianRelationship", "mother");
      tablet.tap(By.id("consent:sign"));
      tablet.awaitText("Thank you, Ida");
      unlock(tablet);
      assertTrue(tablet.driver().findElements(By.id("consentGate")).isEmpty());

      List<String[]> rows = consentRows(clientId);
      String[] consent = rows.get(rows.size() - 1);
      assertEquals("Kari " + last, consent[1]);
      assertEquals("GUARDIAN", consent[2]);
      assertEquals("mother", consent[3]);
    }
  }

  @Test
  void aDoubleTapOnSignKeepsExactlyOneConsent() throws SQLException {
    String last = Names.uniqueSurname("Cd");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      long clientId = register(tablet, "Jonas", last, "1979-11-30");
      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      acceptDisclosure(tablet, "Jonas " + last);
      tickAll(tablet);
      chooseTechniques(tablet, "Yes");
      tablet.type("consent:typedName", "Jonas " + last);
      sign(tablet, SIGNATURE);
      tablet.script(
          "var b = document.getElementById('consent:sign'); b.click(); b.click(); b.click();");
      tablet.awaitText("Thank you, Jonas");
      unlock(tablet);
      assertEquals(2, consentRows(clientId).size(), "one disclosure and exactly one consent");
    }
  }

  @Test
  void aClientWhoAsksForPaperGetsAPrintableFormAndStaffRecordTheScan() throws Exception {
    String last = Names.uniqueSurname("Cp");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      long clientId = register(tablet, "Per", last, "1966-07-08");
      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      tablet.awaitText("Consent to electronic records");
      tablet.tap(By.id("consent:paper"));
      tablet.awaitText("The front desk will give you the forms on paper.");
      tablet.click(By.cssSelector(".kiosk-staff summary"));
      tablet.type("consent:staffPassword", PASSWORD);
      tablet.tap(By.id("consent:unlock"));
      tablet.awaitPath("/staff/clients/client.xhtml");
      assertEquals(1, AuditRows.count(clinic, "PAPER_REQUEST", null, "client:" + clientId));

      tablet.visit("/staff/clients/client.xhtml?id=" + clientId + "&tab=consents");
      String printable = tablet.find(By.linkText("Printable form")).getAttribute("href");
      tablet.driver().get(printable);
      tablet.awaitText("Signature: ____");
      assertTrue(tablet.find(By.id("printClient")).getText().contains("Per " + last));

      tablet.visit("/staff/clients/client.xhtml?id=" + clientId);
      tablet.click(By.id("recordPaperConsent"));
      tablet.awaitPath("/staff/consents/paper.xhtml");
      tablet.submit("paper:save");
      tablet.awaitText("Attach the scanned, signed paper form.");
      assertTrue(tablet.text().contains("Please tick every statement before signing"));

      java.nio.file.Path scan = java.nio.file.Files.createTempFile("scan", ".pdf");
      java.nio.file.Files.writeString(scan, "%PDF-1.4\n% a scanned page\n");
      tablet
          .find(By.id("paper:allAcknowledged"))
          .findElement(By.cssSelector(".ui-chkbox-box"))
          .click();
      for (WebElement row : tablet.driver().findElements(By.cssSelector(".kiosk-question"))) {
        row.findElement(
                By.xpath(".//div[contains(@class,'ui-button')][normalize-space(.)='Declined']"))
            .click();
      }
      tablet.find(By.id("paper:scan")).sendKeys(scan.toAbsolutePath().toString());
      tablet.submit("paper:save");
      tablet.awaitText("The paper consent was recorded.");
      assertTrue(
          tablet.driver().findElements(By.id("consentGate")).isEmpty(),
          "a paper consent allows treatment");
      List<String[]> rows = consentRows(clientId);
      assertEquals("PAPER", rows.get(0)[4]);
    }
  }

  private static java.net.http.HttpResponse<String> startSigning(String cookie, String form) {
    var request =
        java.net.http.HttpRequest.newBuilder(clinic.uri("/staff/kiosk/start-consent"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", "JSESSIONID=" + cookie);
    }
    return Http.send(request);
  }

  @Test
  void onlyASignedInStaffMemberStartsASigningForAClientThatExists() throws SQLException {
    var anonymous = startSigning(null, "client=1");
    assertEquals(302, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/login.xhtml"));

    // The requests below go through the front desk's own HTTP session: a cookie borrowed from a
    // browser was found no longer valid between two of them on loaded machines (302 to the
    // sign-in page), which says nothing about the rule under test.
    WebSession frontdesk = WebSession.signedIn(clinic, "frontdesk", PASSWORD);
    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      String last = Names.uniqueSurname("Ck");
      long clientId = register(desk, "Lars", last, "1961-12-12");
      var notANumber = frontdesk.post("/staff/kiosk/start-consent", Map.of("client", "abc"));
      assertEquals(
          400,
          notANumber.statusCode(),
          () -> "redirected to " + notANumber.headers().firstValue("Location"));
      assertEquals(
          404,
          frontdesk.post("/staff/kiosk/start-consent", Map.of("client", "987654321")).statusCode());
      assertEquals(
          404,
          frontdesk
              .post(
                  "/staff/kiosk/start-consent",
                  Map.of("client", Long.toString(clientId), "form", "987654321"))
              .statusCode());
      var started =
          frontdesk.post("/staff/kiosk/start-consent", Map.of("client", Long.toString(clientId)));
      assertEquals(302, started.statusCode());
      assertTrue(
          started.headers().firstValue("Location").orElse("").endsWith("/kiosk/consent.xhtml"));
      // While the tablet is with the client, the session can start nothing else.
      var again = frontdesk.post("/staff/kiosk/start-consent", Map.of("client", "1"));
      assertEquals(302, again.statusCode());
      assertTrue(
          again.headers().firstValue("Location").orElse("").endsWith("/kiosk/consent.xhtml"));
      assertTrue(frontdesk.open("/kiosk/consent.xhtml").body().contains("Hello Lars"));

      // The same start from the client's page in a browser.
      desk.tap(By.id("startKioskConsent"));
      desk.awaitPath("/kiosk/consent.xhtml");
      desk.awaitText("Hello Lars");
      ClientRecordBrowserIT.screenshot(desk, "kiosk-consent-start");
    }

    // A therapist's own HTTP session (not a cookie borrowed from a browser, whose session was
    // twice found replaced between two of these requests on a loaded machine).
    WebSession therapist = WebSession.signedIn(clinic, "therapist1", PASSWORD);
    for (String[] badAddress :
        new String[][] {
          {"/staff/consents/signature?id=abc", "400"},
          {"/staff/consents/signature?id=987654321", "404"},
          {"/staff/consents/scan", "400"},
          {"/staff/consents/consent.xhtml?id=987654321", "404"},
          {"/staff/consents/print.xhtml?client=1", "404"},
          {"/staff/consents/paper.xhtml?client=987654321", "404"},
          {"/owner/consent-forms.xhtml", "403"}
        }) {
      var response = therapist.get(badAddress[0]);
      assertEquals(
          Integer.parseInt(badAddress[1]),
          response.statusCode(),
          () -> badAddress[0] + " redirected to " + response.headers().firstValue("Location"));
    }
  }
}
