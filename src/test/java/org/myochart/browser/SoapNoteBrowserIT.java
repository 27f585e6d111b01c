package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A therapist starts a session for a consented demo client, writes the SOAP note on a tablet with
 * the body chart and on a desktop, signs it, adds an addendum and sees the outcome charts.
 */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
@ResourceLock(SharedDemoData.JONAS_SESSIONS)
@Order(6) // among the first to start: it is one of the longest
class SoapNoteBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  static long clientId(String lastName) throws SQLException {
    return clientIdFor(clinic, lastName);
  }

  static long clientIdFor(RunningClinic clinic, String lastName) throws SQLException {
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

  static void choose(Browser browser, String buttonsId, String label) {
    WebElement button =
        browser.find(
            By.xpath(
                "//*[@id='"
                    + buttonsId
                    + "']//div[contains(@class,'ui-button')][normalize-space(.)='"
                    + label
                    + "']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  /**
   * Picks an option of a PrimeFaces select menu through its widget, as a click on the item does.
   */
  static void selectOption(Browser browser, String menuId, String value) {
    browser.script(
        "var menu = PF('widget_' + arguments[0].replace(/[:\\-]/g, '_'));"
            + " menu.selectValue(arguments[1]); menu.callBehavior('valueChange');",
        menuId,
        value);
  }

  /** Starts a session from the client's page; returns on the note page. */
  static void startSession(Browser browser, long clientId) {
    browser.visit("/clinical/session-start.xhtml?client=" + clientId);
    browser.click(By.xpath("//*[@id='start:acute']//label[normalize-space(.)='No']"));
    browser.click(By.xpath("//*[@id='start:changed']//label[normalize-space(.)='No']"));
    browser.submit("start:startSession");
    browser.awaitPath("/clinical/note.xhtml");
  }

  static long noteIdOf(Browser browser) {
    return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  @Test
  void aTherapistWritesSignsAndCorrectsANoteOnTheTabletWithTheBodyChart() throws Exception {
    long anna = clientId("Bergström");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      tablet.visit("/staff/clients/client.xhtml?id=" + anna + "&tab=sessions");
      tablet.awaitText("Treatment plan");
      assertTrue(tablet.find(By.id("planSummary")).getText().contains("8 done, 4 remaining"));
      startSession(tablet, anna);
      long noteId = noteIdOf(tablet);

      tablet.tap(By.id("chart-back-upper-trapezius-LEFT"));
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("chart-back-upper-trapezius-LEFT"))
                      .getAttribute("class")
                      .contains("worked"));
      assertFalse(
          tablet
              .find(By.id("chart-back-upper-trapezius-RIGHT"))
              .getAttribute("class")
              .contains("worked"));
      tablet.tap(By.id("chart-back-upper-trapezius-RIGHT"));
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("chart-back-upper-trapezius-RIGHT"))
                      .getAttribute("class")
                      .contains("worked"));
      assertEquals(
          1,
          tablet.driver().findElements(By.cssSelector(".muscle-row")).size(),
          "left and right merge into one row");
      assertTrue(tablet.find(By.cssSelector(".muscle-row")).getText().contains("Both"));
      tablet.tap(By.id("chart-back-upper-trapezius-LEFT"));
      tablet
          .waitFor()
          .until(
              d ->
                  !d.findElement(By.id("chart-back-upper-trapezius-LEFT"))
                      .getAttribute("class")
                      .contains("worked"));
      assertTrue(tablet.find(By.cssSelector(".muscle-row")).getText().contains("Right"));

      tablet.click("note:protocol");
      tablet.awaitText("The migraine protocol rows were added.");
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("chart-back-suboccipitals-LEFT"))
                      .getAttribute("class")
                      .contains("worked"));
      assertEquals(5, tablet.driver().findElements(By.cssSelector(".muscle-row")).size());
      tablet.script("document.getElementById('treatmentSection').scrollIntoView();");
      ClientRecordBrowserIT.screenshot(tablet, "note-treatment-tablet");
      assertEquals(2, tablet.driver().findElements(By.cssSelector(".point-row")).size());

      tablet.type("note:clientWords", "Only one headache this week, after a long drive.");
      tablet.awaitText("Saved at");

      WebElement minutes = tablet.find(By.cssSelector(".muscle-row input[id$='minutes']"));
      tablet.type(minutes.getAttribute("id"), "0");
      tablet.click("note:save");
      tablet.awaitText("minutes must be from 1 to 120");
      tablet.type(
          tablet.find(By.cssSelector(".muscle-row input[id$='minutes']")).getAttribute("id"), "10");

      tablet.click("note:openSign");
      tablet.type("note:password", "calm shoulders 2025");
      tablet.click("note:sign");
      tablet.awaitText("Record the client's current pain (0–10) before signing.");
      choose(tablet, "note:currentPain", "3");
      choose(tablet, "note:painBefore", "3");
      choose(tablet, "note:painAfter", "1");
      choose(tablet, "note:tolerance", "Good");
      tablet.click("note:openSign");
      tablet.type("note:password", "calm shoulders 2025");
      tablet.click("note:sign");
      tablet.awaitText("That is not your password; the record was not signed.");
      tablet.click("note:openSign");
      tablet.type("note:password", PASSWORD);
      tablet.click("note:sign");
      tablet.awaitText("The note is signed and locked.");
      assertTrue(tablet.find(By.id("signature")).getText().contains("Signed by Tomás Reyes, LMT"));
      assertTrue(tablet.find(By.id("contentHash")).getText().matches("[0-9a-f]{64}"));
      tablet.visit("/clinical/note.xhtml?id=" + noteId);
      assertFalse(
          tablet.find(By.id("signature")).getText().contains("no longer matches"),
          "the hash holds after a reload");
      String content = tablet.find(By.id("noteContent")).getText();
      assertTrue(content.contains("Upper trapezius (right)"), content);
      assertTrue(content.contains("Only one headache this week"), content);
      assertTrue(
          tablet.driver().findElements(By.id("note")).isEmpty(),
          "a signed note has no editing form");

      tablet.click("addendum:addAddendum");
      tablet.awaitText("Enter the reason for the addendum.");
      tablet.type(
          "addendum:reason", "Pressure on the right upper trapezius was firm, not moderate.");
      tablet.type(
          "addendum:body", "Client asked for firmer pressure after five minutes; tolerated well.");
      tablet.type("addendum:password", PASSWORD);
      tablet.click("addendum:addAddendum");
      tablet.awaitText("The addendum is signed and added to the note.");
      assertTrue(tablet.find(By.id("addenda")).getText().contains("firm, not moderate"));
      assertTrue(AuditRows.count(clinic, "SIGN", "therapist1", String.valueOf(noteId)) >= 1);
      String cookie = "JSESSIONID=" + tablet.sessionCookie();
      byte[] notePdf =
          Http.sendBytes(
                  java.net.http.HttpRequest.newBuilder(
                          clinic.uri("/clinical/notes/pdf?id=" + noteId))
                      .header("Cookie", cookie))
              .body();
      assertTrue(org.myochart.testsupport.SealedPdfs.signatureValid(notePdf));
      String noteText = org.myochart.testsupport.SealedPdfs.text(notePdf);
      assertTrue(noteText.contains("Signed by: Tomás Reyes, LMT (therapist1)"), noteText);
      assertTrue(noteText.contains("Upper trapezius Right Trigger point therapy"), noteText);
      assertTrue(noteText.contains("S · Subjective"), noteText);
      assertFalse(noteText.contains(" | "), "tables are ruled cells, not bars: " + noteText);
      assertTrue(noteText.contains("Audit trail up to signing"), noteText);
      assertEquals(List.of(), org.myochart.testsupport.SealedPdfs.pdfA3bFailures(notePdf));
      String addendumLink =
          tablet
              .find(By.xpath("//div[@class='addendum']//a[contains(., 'Signed PDF')]"))
              .getAttribute("href");
      byte[] addendumPdf =
          Http.sendBytes(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(addendumLink))
                      .header("Cookie", cookie))
              .body();
      assertTrue(org.myochart.testsupport.SealedPdfs.signatureValid(addendumPdf));
      assertTrue(
          org.myochart.testsupport.SealedPdfs.text(addendumPdf).contains("firm, not moderate"));

      tablet.visit("/staff/clients/client.xhtml?id=" + anna + "&tab=outcomes");
      tablet.awaitText("What was used when");
      ClientRecordBrowserIT.screenshot(tablet, "outcomes");
      assertEquals(
          3, tablet.driver().findElements(By.cssSelector(".outcome-charts canvas")).size());
      assertTrue(tablet.find(By.id("usageTable")).getText().contains("Muscle: Upper trapezius"));
      tablet.visit("/staff/clients/client.xhtml?id=" + anna + "&tab=sessions");
      tablet.awaitText("9 done, 3 remaining");
    }
  }

  @Test
  void cautionsShowWhereTheyApplyAndTwoEditorsSeeAConflictInsteadOfLosingWork()
      throws SQLException {
    long jonas = clientId("Lindqvist");
    try (Browser first = Browser.open(clinic);
        Browser second = Browser.open(clinic)) {
      LoginScreen.open(first).signInAndWait("therapist2", PASSWORD);
      startSession(first, jonas);
      assertTrue(first.find(By.id("cautions")).getText().toLowerCase().contains("blood thinner"));
      // A long text: the field counts against its limit, and a paste past it is refused with a
      // message instead of being cut.
      var triggers = first.find(By.id("note:triggers"));
      first.script(
          "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", triggers);
      first.awaitText("0 of 20,000 characters");
      first.script(
          "var data = new DataTransfer(); data.setData('text/plain', 'x'.repeat(20001));"
              + " arguments[0].dispatchEvent(new ClipboardEvent('paste',"
              + " {clipboardData: data, bubbles: true, cancelable: true}));",
          triggers);
      first.awaitText("Not pasted: the pasted text has 20,001 characters");
      assertEquals("", triggers.getAttribute("value"), "nothing was cut in");
      assertTrue(
          first.text().contains("this field holds at most 20,000 (20,000 more fit now)"),
          first.text());

      // An out-of-range value does not stop the save: everything typed is stored, and the toolbar
      // says what to put right before signing, linked to the field.
      first.type("note:triggers", "Bright light at work");
      first.type("note:romFlexion", "500");
      first.click("note:save");
      first
          .waitFor()
          .until(
              d ->
                  d.findElement(By.id("note:saveStatus"))
                      .getText()
                      .contains("To fix before signing"));
      String status = first.find(By.id("note:saveStatus")).getText();
      assertTrue(status.startsWith("Saved at "), status);
      assertTrue(status.contains("flexion"), status);
      assertFalse(status.contains("Not saved"), status);
      first.driver().navigate().refresh();
      first.awaitText("To fix before signing");
      assertEquals("500", first.find(By.id("note:romFlexion")).getAttribute("value"));
      assertEquals(
          "Bright light at work", first.find(By.id("note:triggers")).getAttribute("value"));
      assertTrue(
          first.driver().findElements(By.id("unsavedBanner")).isEmpty(),
          "stored with its problem, so nothing is offered back");
      first.type("note:romFlexion", "50");
      first.click("note:save");
      first
          .waitFor()
          .until(
              d -> {
                String now = d.findElement(By.id("note:saveStatus")).getText();
                return now.startsWith("Saved at ") && !now.contains("To fix");
              });

      // Text that never reached the server (here: the save is cut off, as by a lost network) is
      // kept on the device and offered back when the note is opened again.
      first.script("window.autosave = function () {};");
      first.type("note:homeCare", "Chin tucks twice a day");
      // While a save is on its way the toolbar says so, not the time of an older one.
      first
          .waitFor()
          .until(d -> d.findElement(By.id("note:saveStatus")).getText().equals("Saving…"));
      first.driver().navigate().refresh();
      first.awaitText("was not saved (1 field)");
      assertEquals("", first.find(By.id("note:homeCare")).getAttribute("value"));
      first.click(By.id("restoreUnsaved"));
      assertEquals(
          "Chin tucks twice a day", first.find(By.id("note:homeCare")).getAttribute("value"));
      first
          .waitFor()
          .until(d -> d.findElement(By.id("note:saveStatus")).getText().startsWith("Saved at "));
      first.driver().navigate().refresh();
      assertEquals(
          "Chin tucks twice a day", first.find(By.id("note:homeCare")).getAttribute("value"));
      assertTrue(
          first.driver().findElements(By.id("unsavedBanner")).isEmpty(),
          "once stored, nothing is offered back");
      first.click("note:addMuscle");
      first.awaitText("Muscle…");
      selectOption(
          first,
          first.find(By.cssSelector(".muscle-row [id$='pressure']")).getAttribute("id"),
          "FIRM");
      first.awaitText("Blood thinner: avoid firm pressure.");
      first.click("note:save");
      first.awaitText("Treatment row 1: choose a muscle from the catalogue.");
      // The row not yet filled in is stored with everything else, not refused.
      String withEmptyRow = first.find(By.id("note:saveStatus")).getText();
      assertTrue(
          withEmptyRow.startsWith("Saved at ") && withEmptyRow.contains("To fix before signing"),
          withEmptyRow);

      LoginScreen.open(second).signInAndWait("therapist2", PASSWORD);
      second.driver().get(first.driver().getCurrentUrl());
      second.awaitText("SOAP note");

      first.click(
          first.find(By.cssSelector(".muscle-row button[id$='removeMuscle']")).getAttribute("id"));
      first.type("note:clientWords", "From the first screen.");
      first.click("note:save");
      first.awaitText("Saved at");

      second.type("note:clientWords", "From the second screen.");
      second.click("note:save");
      second.awaitText("Saved elsewhere while you were editing");
      String table = second.find(By.id("conflictTable")).getText();
      assertTrue(
          table.contains("From the second screen.") && table.contains("From the first screen."),
          table);
      second.click("note:keepMine");
      second.awaitText("Saved at");
    }
  }

  @Test
  void treatmentCannotStartWithAnOpenRedFlagOrWithoutConsentAndFrontDeskReadsNoNotes()
      throws SQLException {
    long amira = clientId("Haddad");
    long ole = clientId("Pettersen");
    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      therapist.visit("/clinical/session-start.xhtml?client=" + amira);
      String gate = therapist.find(By.id("gate")).getText();
      assertTrue(gate.contains("has not been signed"), gate);
      therapist.visit("/clinical/session-start.xhtml?client=" + ole);
      assertTrue(therapist.find(By.id("gate")).getText().contains("No health intake yet"));
      therapist.click(By.xpath("//*[@id='start:acute']//label[normalize-space(.)='No']"));
      therapist.click(By.xpath("//*[@id='start:changed']//label[normalize-space(.)='No']"));
      therapist.submit("start:startSession");
      therapist.awaitText("Treatment cannot start:");
      assertEquals("/clinical/session-start.xhtml", therapist.path());
    }
    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      String cookie = "JSESSIONID=" + desk.sessionCookie();
      var response =
          Http.send(
              java.net.http.HttpRequest.newBuilder(clinic.uri("/clinical/note.xhtml?id=1"))
                  .header("Cookie", cookie));
      assertEquals(403, response.statusCode());
      assertEquals(
          403, Http.get(clinic.uri("/api/v1/notes/1"), "frontdesk", PASSWORD).statusCode());
    }
  }

  @Test
  void theNotesApiAnswersOnlyThoseWhoMayReadAndTheOwnerSeesOverdueNotesAndKeepsTheCatalogue()
      throws SQLException {
    long anna = clientId("Bergström");
    var list = Http.get(clinic.uri("/api/v1/clients/" + anna + "/notes"), "therapist1", PASSWORD);
    assertEquals(200, list.statusCode(), list.body());
    jakarta.json.JsonArray notes =
        jakarta.json.Json.createReader(new java.io.StringReader(list.body())).readArray();
    assertTrue(notes.size() >= 8);
    // The newest signed one: another test may have left a draft after it.
    jakarta.json.JsonObject newest =
        notes.getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(n -> n.getString("status").equals("SIGNED"))
            .reduce((older, newer) -> newer)
            .orElseThrow();
    assertEquals("therapist1", newest.getString("therapist"));
    long noteId = newest.getJsonNumber("id").longValue();
    var one = Http.get(clinic.uri("/api/v1/notes/" + noteId), "owner", PASSWORD);
    assertEquals(200, one.statusCode());
    jakarta.json.JsonObject note =
        jakarta.json.Json.createReader(new java.io.StringReader(one.body())).readObject();
    assertTrue(note.getJsonObject("treatment").getJsonArray("muscles").size() >= 1);
    assertEquals(64, one.headers().firstValue("X-Content-SHA256").orElse("").length());
    assertEquals(
        403,
        Http.get(clinic.uri("/api/v1/clients/" + anna + "/notes"), "frontdesk", PASSWORD)
            .statusCode());
    assertEquals(
        403,
        Http.get(clinic.uri("/api/v1/notes/" + noteId), "therapist2", PASSWORD).statusCode(),
        "therapist2 does not treat Anna");
    assertEquals(
        404, Http.get(clinic.uri("/api/v1/notes/987654321"), "owner", PASSWORD).statusCode());
    assertEquals(
        404,
        Http.get(clinic.uri("/api/v1/clients/987654321/notes"), "owner", PASSWORD).statusCode());
    assertEquals(401, Http.get(clinic.uri("/api/v1/notes/" + noteId)).statusCode());

    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/clinical/notes.xhtml");
      owner.awaitText("Unsigned for more than 24 hours");
      assertTrue(
          owner.find(By.id("overdue")).getText().contains("Jonas Lindqvist"),
          owner.find(By.id("overdue")).getText());

      owner.visit("/owner/catalogue.xhtml");
      owner.awaitText("Muscles, pressure points and techniques");
      assertTrue(owner.text().contains("22823000"), "verified SNOMED CT codes are shown");
      String name = "Rhomboid major " + System.nanoTime();
      owner.type("catalogue:name", name);
      owner.type("catalogue:description", "Between the spine and the shoulder blade.");
      owner.click("catalogue:add");
      owner.awaitText(name + " was added with the code");
      owner.type("catalogue:name", "Masseter");
      owner.click("catalogue:add");
      owner.awaitText("The catalogue already has \"Masseter\".");
      owner.click(By.xpath("//tr[contains(., '" + name + "')]//button[contains(., 'Retire')]"));
      owner
          .waitFor()
          .until(
              d ->
                  d.findElement(By.xpath("//tr[contains(., '" + name + "')]"))
                      .getText()
                      .contains("Use again"));
      assertTrue(AuditRows.count(clinic, "DEACTIVATE", "owner", null) >= 1);
    }
  }
}
