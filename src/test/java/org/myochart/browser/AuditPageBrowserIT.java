package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.audit.AuditAction;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner's audit page in Chromium: filter by a client and an action, download the CSV of the
 * result, follow History links from a client profile and a note; therapists are refused.
 */
@Isolated("It expects Anna's history and the newest entries of the trail to be its own.")
class AuditPageBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final String SIGNATURES_OF_A_CLIENT =
      "select id from audit_entry where action = 'SIGN' and ("
          + "(record_type = 'Consent' and record_id in (select cast(id as varchar(60)) from consent where client_id = ?))"
          + " or (record_type = 'SoapNote' and record_id in (select cast(id as varchar(60)) from soap_note where client_id = ?))"
          + " or (record_type = 'NoteAddendum' and record_id in (select cast(d.id as varchar(60)) from note_addendum d"
          + " join soap_note n on n.id = d.note_id where n.client_id = ?))) order by id desc";
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static List<Long> ids(String sql, Object... parameters) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }
  }

  private static long count(String sql, Object... parameters) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static final String ROWS = "[id='results:entries'] tbody tr.audit-entry";

  private static List<Long> shownEntries(Browser browser) {
    return column(browser, "audit-id").stream().map(Long::parseLong).toList();
  }

  private static List<String> column(Browser browser, String cssClass) {
    return browser.driver().findElements(By.cssSelector(ROWS + " td." + cssClass)).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The record each shown entry is about: the first line of its cell (the client follows). */
  private static List<String> records(Browser browser) {
    return column(browser, "audit-record").stream().map(r -> r.split("\n")[0].strip()).toList();
  }

  /**
   * Types part of a client's name into the client filter and picks the suggestion; types again if a
   * busy machine lost the first suggestion request.
   */
  private static void pickClient(Browser browser, String typed, String suggestion) {
    By item =
        By.xpath(
            "//li[contains(@class,'ui-autocomplete-item') and contains(normalize-space(.), '"
                + suggestion
                + "')]");
    for (int attempt = 1; ; attempt++) {
      browser.type("filter:client_input", typed);
      try {
        browser
            .waitFor(java.time.Duration.ofSeconds(30))
            .until(
                org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(item));
        browser.click(item);
        browser
            .waitFor(java.time.Duration.ofSeconds(30))
            .until(
                d ->
                    d.findElement(By.id("filter:client_input"))
                        .getAttribute("value")
                        .startsWith(suggestion));
        return;
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // A busy machine lost the suggestion request or the pick: type and pick again.
        if (attempt == 3) {
          throw notYet;
        }
      }
    }
  }

  private static Select select(Browser browser, String id) {
    return new Select(browser.find(By.id("filter:" + id)));
  }

  /** Waits until the table's ajax update has replaced the shown entries. */
  private static List<Long> awaitOtherEntries(Browser browser, List<Long> before) {
    browser.waitFor().until(d -> !shownEntries(browser).equals(before));
    return shownEntries(browser);
  }

  private static String annasLabel(long anna) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select first_name, last_name, date_of_birth from client where id = ?")) {
      query.setLong(1, anna);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1)
            + " "
            + row.getString(2)
            + " (born "
            + row.getDate(3).toLocalDate()
            + ")";
      }
    }
  }

  private static HttpResponse<String> download(Browser browser, String href) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(href))
            .header("Cookie", "JSESSIONID=" + browser.sessionCookie()));
  }

  @Test
  void theOwnerFiltersByClientNameAndActionKeepsThemOverAReloadAndDownloadsTheRawCsv()
      throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    String annasLabel = annasLabel(anna);
    String filterJson = "{\"client\":" + anna + ",\"action\":\"SIGN\"}";
    String viewsOfTheSearch =
        "select count(*) from audit_entry where action = 'VIEW' and record_type = 'AuditLog'"
            + " and actor = 'owner' and detail like ?";
    long viewsBefore = count(viewsOfTheSearch, filterJson);
    try (Browser browser = Browser.laptop(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.click("navAudit");
      browser.awaitPath("/owner/audit.xhtml");
      pickClient(browser, "Bergstr", annasLabel);
      select(browser, "action").selectByVisibleText("Signed");
      browser.submit("filter:search");
      browser.awaitText("Entries about " + annasLabel);

      List<Long> expected = ids(SIGNATURES_OF_A_CLIENT, anna, anna, anna);
      assertTrue(
          expected.size() > 3 && expected.size() <= 25, "Anna's consents and notes: " + expected);
      assertEquals(expected, shownEntries(browser));
      assertTrue(column(browser, "audit-action").stream().allMatch("Signed"::equals));
      assertTrue(column(browser, "audit-record").stream().anyMatch(r -> r.startsWith("Consent ")));
      assertTrue(
          column(browser, "audit-record").stream().anyMatch(r -> r.startsWith("SOAP note ")));
      assertTrue(
          column(browser, "audit-record").stream().allMatch(r -> r.contains(annasLabel)),
          "each entry names the client it concerns");
      assertTrue(browser.driver().getCurrentUrl().contains("client=" + anna + "&action=SIGN"));
      assertEquals(
          viewsBefore + 1, count(viewsOfTheSearch, filterJson), "the search is recorded once");

      browser.driver().navigate().refresh();
      browser.awaitText("Entries about " + annasLabel);
      assertEquals(expected, shownEntries(browser), "a reload keeps the filter");
      assertEquals(annasLabel, browser.find(By.id("filter:client_input")).getAttribute("value"));
      assertEquals(
          "SIGN", select(browser, "action").getFirstSelectedOption().getAttribute("value"));

      HttpResponse<String> csv =
          download(browser, browser.find(By.id("exportCsv")).getAttribute("href"));
      assertEquals(200, csv.statusCode());
      assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      assertTrue(
          csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(csv.body()))
              .getRecords();
      assertEquals(expected, rows.stream().map(r -> Long.parseLong(r.get("id"))).toList());
      assertTrue(
          rows.stream()
              .allMatch(r -> r.get("entry_hash").length() == 64 && r.get("action").equals("SIGN")),
          "the CSV keeps the stored action names");
      assertTrue(
          rows.stream().anyMatch(r -> r.get("detail").startsWith("{\"")),
          "the CSV keeps the stored JSON details");
      assertEquals(
          1,
          count(
              "select count(*) from audit_entry where action = 'EXPORT' and record_type = 'AuditLog'"
                  + " and detail like ? and id > ?",
              filterJson,
              expected.get(0)));
    }
  }

  @Test
  void theWholeTrailPagesAndSortsInTheDatabaseAndFitsALaptopScreen() throws Exception {
    try (Browser failed = Browser.open(clinic)) {
      LoginScreen.open(failed).signIn("owner", "not the password");
    }
    long entries = count("select count(*) from audit_entry");
    assertTrue(entries > 60, "the demo trail spans several pages: " + entries);
    try (Browser browser = Browser.laptop(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/audit.xhtml");
      List<Long> first = shownEntries(browser);
      assertEquals(25, first.size());
      assertEquals(
          first.stream().sorted(Comparator.reverseOrder()).toList(), first, "newest first");
      assertFitsTheWindow(browser);

      browser.click(By.cssSelector(".ui-paginator-top .ui-paginator-next"));
      List<Long> second = awaitOtherEntries(browser, first);
      assertEquals(25, second.size());
      assertEquals(
          second.stream().sorted(Comparator.reverseOrder()).toList(), second, "newest first");
      // Other tests append while this one turns the page: entries written in between push the
      // first page's oldest ones onto the second, which otherwise holds only older entries.
      long oldestOfFirst = first.get(first.size() - 1);
      assertTrue(second.get(0) < first.get(0), "the next page begins further back: " + second);
      assertTrue(
          second.stream().allMatch(id -> first.contains(id) || id < oldestOfFirst),
          "the next page holds older entries: " + first + " then " + second);
      assertTrue(second.get(second.size() - 1) < oldestOfFirst, "and goes further back");

      new Select(browser.find(By.cssSelector(".ui-paginator-top select.ui-paginator-rpp-options")))
          .selectByValue("50");
      browser.waitFor().until(d -> shownEntries(browser).size() == 50);
      assertFitsTheWindow(browser);
      ClientRecordBrowserIT.screenshot(browser, "audit-page-laptop");
      String table = browser.find(By.cssSelector("[id='results:entries'] tbody")).getText();
      for (AuditAction action : AuditAction.values()) {
        assertFalse(
            column(browser, "audit-action").contains(action.name())
                || (action.name().contains("_") && table.contains(action.name())),
            "the stored action name " + action.name() + " is shown");
      }

      List<Long> byTime = shownEntries(browser);
      browser.click(By.cssSelector("[id='results:entries'] th.audit-action"));
      awaitOtherEntries(browser, byTime);
      List<String> actions = column(browser, "audit-action");
      assertEquals(actions.stream().sorted().toList(), actions, "sorted by the action's words");

      List<Long> byAction = shownEntries(browser);
      browser.click(By.cssSelector("[id='results:entries'] th.audit-who"));
      awaitOtherEntries(browser, byAction);
      List<String> actors =
          browser.driver().findElements(By.cssSelector(ROWS + " .audit-actor")).stream()
              .map(a -> a.getAttribute("title"))
              .toList();
      assertEquals(actors.stream().sorted().toList(), actors, "sorted by who acted");

      select(browser, "action").selectByVisibleText("Sign-in failed");
      browser.submit("filter:search");
      browser.awaitPath("/owner/audit.xhtml");
      List<String> failedSignIns = column(browser, "audit-action");
      assertFalse(failedSignIns.isEmpty());
      assertTrue(
          failedSignIns.stream().allMatch("Sign-in failed"::equals), failedSignIns.toString());
      assertFalse(browser.text().contains("LOGIN_FAILED"));
    }
  }

  @Test
  void theOwnerFindsAStaffMembersEntriesByName() {
    try (Browser browser = Browser.laptop(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/audit.xhtml");
      select(browser, "staff").selectByVisibleText("Tomás Reyes, LMT (therapist1)");
      browser.submit("filter:search");
      assertTrue(browser.driver().getCurrentUrl().contains("staff=therapist1"));
      List<String> who = column(browser, "audit-who");
      assertFalse(who.isEmpty());
      assertTrue(
          who.stream().allMatch(w -> w.contains("Tomás Reyes, LMT (therapist1)")), who.toString());
      assertTrue(
          select(browser, "staff").getOptions().stream()
              .map(WebElement::getText)
              .toList()
              .containsAll(
                  List.of(
                      "Everyone",
                      "Ingrid Halvorsen, LMT (therapist2)",
                      "Priya Natarajan (frontdesk)")));
    }
  }

  private static void assertFitsTheWindow(Browser browser) {
    long page =
        ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
    long window = ((Number) browser.script("return window.innerWidth;")).longValue();
    assertTrue(page <= window, "the page is " + page + " px wide in a " + window + " px window");
  }

  @Test
  void badDatesAreExplainedNextToTheirFieldsAndTheOtherChoicesStay() {
    try (Browser browser = Browser.laptop(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/audit.xhtml");
      select(browser, "action").selectByVisibleText("Signed");
      browser.type("filter:from", "2026-05-10");
      browser.type("filter:to", "2026-05-01");
      browser.submit("filter:search");
      assertEquals(
          "The last day (2026-05-01) is before the first day (2026-05-10).",
          browser.find(By.id("filter:toProblem")).getText());
      assertTrue(browser.driver().findElements(By.id("results:entries")).isEmpty());
      assertEquals("2026-05-10", browser.find(By.id("filter:from")).getAttribute("value"));
      assertEquals("2026-05-01", browser.find(By.id("filter:to")).getAttribute("value"));
      assertEquals(
          "SIGN", select(browser, "action").getFirstSelectedOption().getAttribute("value"));

      browser.type("filter:from", "10.05.2026");
      browser.type("filter:to", "");
      browser.submit("filter:search");
      assertEquals(
          "Give the first day as YYYY-MM-DD; '10.05.2026' is not such a date.",
          browser.find(By.id("filter:fromProblem")).getText());
      assertEquals(
          400,
          download(browser, clinic.uri("/owner/audit.csv?from=10.05.2026").toString())
              .statusCode());
    }
  }

  @Test
  void historyLinksLeadFromAClientProfileAndANoteToTheirEntries() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    // The newest note, whose entries are on the first page after the profile's own reads.
    long note =
        ids(
                "select id from soap_note where client_id = ? and status = 'SIGNED' order by id desc",
                anna)
            .get(0);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      // Read the note first: its entry then sits just below the profile's reads, however many
      // other entries about Anna the other tests have left.
      browser.visit("/clinical/note.xhtml?id=" + note);
      browser.awaitText("SOAP note");
      browser.visit("/staff/clients/client.xhtml?id=" + anna);
      browser.awaitText("Anna Bergström");
      browser.submit("profile:history");
      browser.awaitPath("/owner/audit.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().endsWith("?client=" + anna),
          browser.driver().getCurrentUrl());
      String annasLabel = annasLabel(anna);
      browser.awaitText("Entries about " + annasLabel);
      List<String> records = records(browser);
      List<String> actions = column(browser, "audit-action");
      // The profile's reads were the last things done: the client, then its intake history,
      // consents, notes and restrictions, each list once.
      int clientView = records.indexOf("Client: " + annasLabel);
      assertTrue(
          clientView >= 0 && clientView < 6 && actions.get(clientView).equals("Viewed"),
          records.toString());
      assertEquals(
          java.util.Set.of(
              "Health intake list of " + annasLabel,
              "Consent list of " + annasLabel,
              "SOAP note list of " + annasLabel,
              "Restriction list of " + annasLabel),
          java.util.Set.copyOf(records.subList(0, clientView)),
          records.toString());
      assertTrue(records.stream().anyMatch(r -> r.equals("SOAP note " + note)), records.toString());

      browser.visit("/clinical/note.xhtml?id=" + note);
      browser.awaitText("SOAP note");
      browser.submit("history");
      browser.awaitPath("/owner/audit.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().endsWith("?type=SoapNote&id=" + note),
          browser.driver().getCurrentUrl());
      assertEquals(
          "Only the history of SOAP note " + note + ". Show every record",
          browser.find(By.id("oneRecord")).getText());
      List<String> noteRecords = records(browser);
      assertTrue(
          noteRecords.stream().allMatch(r -> r.equals("SOAP note " + note)),
          noteRecords.toString());
      assertEquals("Viewed", column(browser, "audit-action").get(0));
      assertTrue(column(browser, "audit-action").contains("Signed"));
    }
  }

  @Test
  void theConsentStaffAndConsentFormPagesLinkToTheirOwnHistory() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    long consent = ids("select id from consent where client_id = ? order by id", anna).get(0);
    long therapist = ids("select id from staff_account where username = 'therapist1'").get(0);
    long form = ids("select id from consent_form order by id").get(0);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      for (String[] page :
          new String[][] {
            {
              "/staff/consents/consent.xhtml?id=" + consent,
              "Consent",
              Long.toString(consent),
              "Consent " + consent
            },
            {
              "/owner/staff-edit.xhtml?id=" + therapist,
              "StaffAccount",
              Long.toString(therapist),
              "Staff account " + therapist
            },
            {
              "/owner/consent-form.xhtml?id=" + form,
              "ConsentForm",
              Long.toString(form),
              "Consent form " + form
            }
          }) {
        browser.visit(page[0]);
        browser.submit("history");
        browser.awaitPath("/owner/audit.xhtml");
        assertTrue(
            browser.driver().getCurrentUrl().endsWith("?type=" + page[1] + "&id=" + page[2]),
            browser.driver().getCurrentUrl());
        List<String> records = records(browser);
        assertFalse(records.isEmpty(), page[0]);
        assertTrue(records.stream().allMatch(r -> r.equals(page[3])), records.toString());
      }
    }
  }

  @Test
  void aTherapistIsRefusedThePageAndTheCsvAndSeesNoHistoryLinks() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    long note =
        ids(
                "select id from soap_note where client_id = ? and therapist = 'therapist1' order by id",
                anna)
            .get(0);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("therapist1", PASSWORD);
      assertTrue(browser.driver().findElements(By.id("navAudit")).isEmpty());
      browser.visit("/owner/audit.xhtml?client=" + anna);
      browser.awaitText("This page is not for your role");
      assertFalse(browser.text().contains("Entries about"));
      assertEquals(403, download(browser, clinic.uri("/owner/audit.csv").toString()).statusCode());

      browser.visit("/staff/clients/client.xhtml?id=" + anna);
      browser.awaitText("Anna Bergström");
      assertTrue(browser.driver().findElements(By.linkText("History")).isEmpty());
      browser.visit("/clinical/note.xhtml?id=" + note);
      browser.awaitText("SOAP note");
      assertTrue(browser.driver().findElements(By.linkText("History")).isEmpty());
      long consent = ids("select id from consent where client_id = ? order by id", anna).get(0);
      browser.visit("/staff/consents/consent.xhtml?id=" + consent);
      browser.find(By.id("consentTitle"));
      assertTrue(browser.driver().findElements(By.linkText("History")).isEmpty());
    }
  }
}
