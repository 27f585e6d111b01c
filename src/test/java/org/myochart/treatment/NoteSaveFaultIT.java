package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Fault tests of the SOAP note, on a demo clinic of their own that can be killed: the server killed
 * (kill -9) while the note page saves continuously, two screens editing one draft, and a
 * double-tapped or concurrent sign. Runs on H2 and, with {@code -Ppostgres}, on PostgreSQL.
 */
@Order(2) // among the first to start: it is one of the longest
class NoteSaveFaultIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final Map<String, String> SETTINGS =
      Map.of(
          "MYOCHART_DEMO", "true",
          "MYOCHART_DEMO_PASSWORD", PASSWORD,
          "MYOCHART_IDLE_TIMEOUT", "PT10M",
          "MYOCHART_CLINIC_NAME", "Fault Test Clinic");

  /** The note fields each save changes, as columns of soap_note. */
  private static final List<String> COLUMNS =
      List.of(
          "client_words",
          "rom_change",
          "progress",
          "next_session",
          "home_care",
          "headache_days_since_last");

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.own("faults", "768m", SETTINGS);
  }

  @AfterAll
  static void stop() {
    clinic.kill();
  }

  /**
   * Sets every changing field to version {@code i} and saves through the page's own autosave, again
   * and again as soon as each save is answered, until a save fails. {@code faultSaves} counts what
   * was sent and what the page was told was saved.
   */
  private static final String SAVE_CONTINUOUSLY =
      """
      var f = window.faultSaves = {sent: 0, acknowledged: 0, inFlight: false, failed: false};
      var saved = MyoChartNote.saved, failed = MyoChartNote.failed;
      function put(id, value) { document.getElementById(id).value = value; }
      function next() {
        if (f.failed) { return; }
        var i = f.sent + 1;
        put('note:clientWords', 'Version ' + i + ': one headache after the long drive');
        put('note:romChange', 'Rotation to the right gained ' + i + ' degrees');
        put('note:progress', 'Progress ' + i + ' toward fewer headache days');
        put('note:nextSession', 'In ' + i + ' days');
        put('note:homeCare', 'Chin tucks ' + i + ' times a day');
        put('note:headacheDaysSinceLast', String(i % 300));
        var areas = document.querySelectorAll("#note input[id$=':area']");
        var reasons = document.querySelectorAll("#note input[id$=':areaReason']");
        for (var a = 0; a < areas.length; a++) {
          areas[a].value = 'Area ' + a + ' of version ' + i;
          reasons[a].value = 'Tender after version ' + i;
        }
        f.sent = i;
        f.inFlight = true;
        autosave();
      }
      MyoChartNote.failed = function () { f.failed = true; f.inFlight = false; failed.apply(MyoChartNote, arguments); };
      MyoChartNote.saved = function (args) {
        saved(args);
        if (f.failed) { return; }
        f.inFlight = false;
        if (args && args.validationFailed) { f.failed = 'refused'; return; }
        f.acknowledged = f.sent;
        setTimeout(next, 0);
      };
      next();
      """;

  @Test
  void aServerKilledWhileTheNoteSavesKeepsExactlyOneWholeVersionAndTheTherapistIsToldItWasNotSaved()
      throws Exception {
    long anna = clientId("Bergström");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      startSession(tablet, anna);
      long noteId = noteIdOf(tablet);
      // Two rows in a table of their own, so that a save spans several tables.
      tablet.click("note:addAvoided");
      tablet
          .waitFor()
          .until(d -> d.findElements(By.cssSelector("#note input[id$=':area']")).size() == 1);
      tablet.click("note:addAvoided");
      tablet
          .waitFor()
          .until(d -> d.findElements(By.cssSelector("#note input[id$=':area']")).size() == 2);
      long versionBefore = storedVersion(noteId);
      assertEquals(0, AuditRows.count(clinic, "CHANGE", null, String.valueOf(noteId)));

      tablet.script(SAVE_CONTINUOUSLY);
      tablet
          .waitFor(Duration.ofSeconds(60))
          .until(
              d ->
                  counter(tablet, "acknowledged") >= 8
                      || Boolean.TRUE.equals(
                          tablet.script("return window.faultSaves.failed !== false;")));
      assertEquals(
          Boolean.FALSE,
          tablet.script("return window.faultSaves.failed;"),
          "a save failed before the kill: " + tablet.text());
      tablet
          .waitFor()
          .until(d -> Boolean.TRUE.equals(tablet.script("return window.faultSaves.inFlight;")));
      clinic.kill();

      tablet
          .waitFor(Duration.ofSeconds(30))
          .until(d -> d.findElement(By.id("note:saveStatus")).getText().contains("Not saved"));
      String told = tablet.find(By.id("note:saveStatus")).getText();
      assertTrue(told.contains("cannot be reached"), told);
      assertFalse(told.contains("Saved at"), told);
      long sent = counter(tablet, "sent");
      long acknowledged = counter(tablet, "acknowledged");
      assertEquals(
          "Version " + sent + ": one headache after the long drive",
          tablet.find(By.id("note:clientWords")).getAttribute("value"),
          "the unsaved work stays on the screen");

      clinic = clinic.startAgain();

      Map<String, String> stored = storedFields(noteId);
      String words = stored.get("client_words");
      assertTrue(words != null && words.matches("Version \\d+: .*"), "stored: " + stored);
      long kept = Long.parseLong(words.replaceAll("Version (\\d+):.*", "$1"));
      assertTrue(
          kept >= acknowledged,
          "every save the page showed as saved is stored: kept "
              + kept
              + ", acknowledged "
              + acknowledged);
      assertTrue(
          kept <= acknowledged + 1 && kept <= sent,
          "only the save in flight may have been added: kept "
              + kept
              + ", acknowledged "
              + acknowledged
              + ", sent "
              + sent);
      assertEquals(expectedFields(kept), stored, "all fields of one version, never a mix");
      assertEquals(
          List.of(
              "Area 0 of version " + kept + " / Tender after version " + kept,
              "Area 1 of version " + kept + " / Tender after version " + kept),
          storedAreas(noteId));

      assertEquals(
          versionBefore + kept, storedVersion(noteId), "one version number per committed save");
      List<String> expectedChanges = new ArrayList<>();
      for (long v = versionBefore + 1; v <= versionBefore + kept; v++) {
        // Each entry names its version and what the save changed, e.g. the client's words.
        expectedChanges.add(
            v + " Version " + (v - versionBefore) + ": one headache after the long drive");
      }
      assertEquals(
          expectedChanges,
          changeEntries(noteId),
          "a CHANGE entry for every committed version and none other");
      HttpResponse<String> chain = Http.get(clinic.uri("/api/v1/audit/verify"), "owner", PASSWORD);
      assertEquals(200, chain.statusCode(), chain.body());
      JsonObject check = Http.json(chain);
      assertTrue(check.getBoolean("intact"), chain.body());
    }
  }

  @Test
  void aSecondScreenSavingAnOlderDraftGetsAConflictAndNeitherVersionIsLost() throws SQLException {
    long jonas = clientId("Lindqvist");
    try (Browser first = Browser.open(clinic);
        Browser second = Browser.open(clinic)) {
      LoginScreen.open(first).signInAndWait("therapist2", PASSWORD);
      startSession(first, jonas);
      long noteId = noteIdOf(first);
      first.type("note:clientWords", "From the first screen.");
      first.click("note:save");
      first.awaitText("Saved at");

      LoginScreen.open(second).signInAndWait("therapist2", PASSWORD);
      second.driver().get(first.driver().getCurrentUrl());
      second.awaitText("SOAP note");
      assertEquals(
          "From the first screen.", second.find(By.id("note:clientWords")).getAttribute("value"));

      first.type("note:clientWords", "First screen, saved again.");
      first.type("note:homeCare", "Heat on the neck at night.");
      first.click("note:save");
      first
          .waitFor()
          .until(d -> AuditRows.count(clinic, "CHANGE", null, String.valueOf(noteId)) == 2);
      long versionAfterFirst = storedVersion(noteId);

      second.type("note:clientWords", "From the second screen.");
      second.type("note:progress", "Two fewer headache days.");
      second.click("note:save");
      second.awaitText("Saved elsewhere while you were editing");
      String table = second.find(By.id("conflictTable")).getText();
      assertTrue(
          table.contains("From the second screen.") && table.contains("First screen, saved again."),
          table);
      assertTrue(table.contains("Heat on the neck at night."), table);
      assertEquals(
          "First screen, saved again.",
          storedFields(noteId).get("client_words"),
          "the other save is not overwritten");
      assertEquals("Heat on the neck at night.", storedFields(noteId).get("home_care"));
      assertEquals(versionAfterFirst, storedVersion(noteId));
      assertEquals(2, AuditRows.count(clinic, "CHANGE", null, String.valueOf(noteId)));
      assertEquals(
          "From the second screen.",
          second.find(By.id("note:clientWords")).getAttribute("value"),
          "this screen's work is still on it");
      assertEquals(
          "Two fewer headache days.", second.find(By.id("note:progress")).getAttribute("value"));

      second.click("note:keepMine");
      second
          .waitFor()
          .until(d -> AuditRows.count(clinic, "CHANGE", null, String.valueOf(noteId)) == 3);
      second.awaitText("Saved at");
      Map<String, String> kept = storedFields(noteId);
      assertEquals("From the second screen.", kept.get("client_words"));
      assertEquals("Two fewer headache days.", kept.get("progress"));
      assertEquals(versionAfterFirst + 1, storedVersion(noteId));

      // The first screen is now the older one: it gets the conflict in turn.
      first.type("note:nextSession", "Next Tuesday.");
      first.click("note:save");
      first.awaitText("Saved elsewhere while you were editing");
      assertEquals("From the second screen.", storedFields(noteId).get("client_words"));
      assertEquals(3, AuditRows.count(clinic, "CHANGE", null, String.valueOf(noteId)));
    }
    try (Browser other = Browser.open(clinic)) {
      LoginScreen.open(other).signInAndWait("therapist1", PASSWORD);
      long noteId = latestNoteOf(jonas);
      other.visit("/clinical/note.xhtml?id=" + noteId);
      assertTrue(
          other.driver().findElements(By.id("note")).isEmpty(),
          "another therapist cannot edit the draft");
      assertEquals("From the second screen.", storedFields(noteId).get("client_words"));
    }
  }

  /**
   * Two sign requests for one note sent at the same moment from the note page, as a double tap
   * does.
   */
  private static final String SIGN_TWICE_AT_ONCE =
      """
      var done = arguments[arguments.length - 1];
      var form = document.getElementById('note');
      var body = new URLSearchParams(new FormData(form));
      body.set('jakarta.faces.partial.ajax', 'true');
      body.set('jakarta.faces.source', 'note:sign');
      body.set('jakarta.faces.partial.execute', 'note');
      body.set('jakarta.faces.partial.render', 'note');
      body.set('note:sign', 'note:sign');
      function post() {
        return fetch(form.action, {method: 'POST', credentials: 'same-origin',
            headers: {'Faces-Request': 'partial/ajax', 'Content-Type': 'application/x-www-form-urlencoded'},
            body: body.toString()})
          .then(function (r) { return r.text().then(function (t) { return r.status + '\\n' + t; }); });
      }
      Promise.all([post(), post()]).then(done, function (e) { done(['failed: ' + e]); });
      """;

  @Test
  void aDoubleTappedSignGivesOneSignatureOneSealedRecordAndOneSignEntry() throws SQLException {
    long anna = clientId("Bergström");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      startSession(tablet, anna);
      long noteId = noteIdOf(tablet);
      tablet.click("note:protocol");
      tablet.awaitText("The migraine protocol rows were added.");
      choose(tablet, "note:currentPain", "4");
      choose(tablet, "note:painBefore", "4");
      choose(tablet, "note:painAfter", "2");
      choose(tablet, "note:tolerance", "Good");
      tablet.click("note:openSign");
      tablet.type("note:password", PASSWORD);

      tablet.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
      @SuppressWarnings("unchecked")
      List<String> answers =
          (List<String>)
              ((org.openqa.selenium.JavascriptExecutor) tablet.driver())
                  .executeAsyncScript(SIGN_TWICE_AT_ONCE);
      assertEquals(2, answers.size(), String.valueOf(answers));
      for (String answer : answers) {
        assertTrue(answer.startsWith("200\n"), answer);
        assertFalse(answer.contains("Exception"), answer);
      }
      long redirects = answers.stream().filter(a -> a.contains("<redirect")).count();
      long refusals =
          answers.stream()
              .filter(a -> a.contains("This note is signed and can no longer change"))
              .count();
      assertTrue(redirects >= 1, "one request signed: " + answers);
      assertEquals(
          2,
          redirects + refusals,
          "the other one signed nothing and said so, or saw the signed note: " + answers);

      assertEquals(
          1,
          AuditRows.count(clinic, "SIGN", "therapist1", String.valueOf(noteId)),
          "one SIGN entry");
      assertEquals(
          1,
          count(
              "select count(*) from sealed_record where record_type = 'SoapNote' and record_id = ?",
              noteId),
          "one sealed record");
      assertEquals(
          1,
          count(
              "select count(*) from soap_note where id = ? and status = 'SIGNED' and signed_by = 'therapist1'",
              noteId));

      // And the way a finger does it: the button tapped three times in a row on another note.
      startSession(tablet, anna);
      long second = noteIdOf(tablet);
      tablet.click("note:protocol");
      tablet.awaitText("The migraine protocol rows were added.");
      choose(tablet, "note:currentPain", "3");
      choose(tablet, "note:painBefore", "3");
      choose(tablet, "note:painAfter", "1");
      choose(tablet, "note:tolerance", "Good");
      tablet.click("note:openSign");
      tablet.type("note:password", PASSWORD);
      tablet.script(
          "var b = document.getElementById('note:sign'); b.click(); b.click(); b.click();");
      tablet.awaitText("The note is signed and locked.");
      assertEquals(1, AuditRows.count(clinic, "SIGN", "therapist1", String.valueOf(second)));
      assertEquals(
          1,
          count(
              "select count(*) from sealed_record where record_type = 'SoapNote' and record_id = ?",
              second));
    }
    HttpResponse<String> chain = Http.get(clinic.uri("/api/v1/audit/verify"), "owner", PASSWORD);
    assertTrue(Http.json(chain).getBoolean("intact"), chain.body());
  }

  // Helpers

  private static Map<String, String> expectedFields(long version) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_words", "Version " + version + ": one headache after the long drive");
    fields.put("rom_change", "Rotation to the right gained " + version + " degrees");
    fields.put("progress", "Progress " + version + " toward fewer headache days");
    fields.put("next_session", "In " + version + " days");
    fields.put("home_care", "Chin tucks " + version + " times a day");
    fields.put("headache_days_since_last", String.valueOf(version % 300));
    return fields;
  }

  private static Map<String, String> storedFields(long noteId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select " + String.join(", ", COLUMNS) + " from soap_note where id = ?")) {
      query.setLong(1, noteId);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "note " + noteId + " is stored");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
          fields.put(COLUMNS.get(i), row.getString(i + 1));
        }
        return fields;
      }
    }
  }

  private static List<String> storedAreas(long noteId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select area, reason from soap_avoided_area where note_id = ? order by position")) {
      query.setLong(1, noteId);
      List<String> areas = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          areas.add(rows.getString(1) + " / " + rows.getString(2));
        }
      }
      return areas;
    }
  }

  private static long storedVersion(long noteId) throws SQLException {
    return count("select version from soap_note where id = ?", noteId);
  }

  private static List<String> changeEntries(long noteId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select detail from audit_entry where action = 'CHANGE' and record_type = 'SoapNote' and record_id = ? order by id")) {
      query.setString(1, String.valueOf(noteId));
      List<String> details = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          JsonObject detail =
              jakarta.json.Json.createReader(new java.io.StringReader(rows.getString(1)))
                  .readObject();
          String words =
              detail.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                  .filter(
                      change -> change.getString("field").equals(NoteField.CLIENT_WORDS.heading()))
                  .map(change -> change.getString("after"))
                  .findFirst()
                  .orElse("(client's words unchanged)");
          details.add(detail.getJsonNumber("version").longValue() + " " + words);
        }
      }
      return details;
    }
  }

  private static long count(String sql, long id) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getLong(1);
      }
    }
  }

  private static long latestNoteOf(long clientId) throws SQLException {
    return count("select max(id) from soap_note where client_id = ?", clientId);
  }

  private static long clientId(String lastName) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement("select id from client where last_name = ?")) {
      query.setString(1, lastName);
      try (ResultSet rs = query.executeQuery()) {
        assertTrue(rs.next(), "the demo client " + lastName);
        return rs.getLong(1);
      }
    }
  }

  private static long counter(Browser browser, String name) {
    Object value =
        browser.script("return window.faultSaves ? window.faultSaves[arguments[0]] : 0;", name);
    return value instanceof Number number ? number.longValue() : 0;
  }

  private static void startSession(Browser browser, long clientId) {
    browser.visit("/clinical/session-start.xhtml?client=" + clientId);
    browser.click(By.xpath("//*[@id='start:acute']//label[normalize-space(.)='No']"));
    browser.click(By.xpath("//*[@id='start:changed']//label[normalize-space(.)='No']"));
    browser.submit("start:startSession");
    browser.awaitPath("/clinical/note.xhtml");
  }

  private static long noteIdOf(Browser browser) {
    return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  private static void choose(Browser browser, String buttonsId, String label) {
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
}
