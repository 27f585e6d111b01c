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
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner's audit page in Chromium: filter by a client and an action, download the CSV of the
 * result, follow History links from a client profile and a note; therapists are refused.
 */
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

  private static List<Long> shownEntries(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#entries tr.audit-entry")).stream()
        .map(row -> Long.parseLong(row.getAttribute("data-entry")))
        .toList();
  }

  private static List<String> column(Browser browser, String cssClass) {
    return browser.driver().findElements(By.cssSelector("#entries td." + cssClass)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static HttpResponse<String> download(Browser browser, String href) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(href))
            .header("Cookie", "JSESSIONID=" + browser.sessionCookie()));
  }

  @Test
  void theOwnerFiltersByClientAndActionAndDownloadsTheSameEntriesAsCsv() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    String filterJson = "{\"client\":" + anna + ",\"action\":\"SIGN\"}";
    long viewsBefore =
        count(
            "select count(*) from audit_entry where action = 'VIEW' and record_type = 'AuditLog'"
                + " and actor = 'owner' and detail like ?",
            filterJson);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.click("navAudit");
      browser.awaitPath("/owner/audit.xhtml");
      browser.type("client", Long.toString(anna));
      new Select(browser.find(By.id("action"))).selectByValue("SIGN");
      browser.submit("search");
      browser.awaitText("Entries about Anna Bergström");

      List<Long> expected = ids(SIGNATURES_OF_A_CLIENT, anna, anna, anna);
      assertTrue(
          expected.size() > 3 && expected.size() <= 50, "Anna's consents and notes: " + expected);
      assertEquals(expected, shownEntries(browser));
      assertTrue(column(browser, "audit-action").stream().allMatch("SIGN"::equals));
      assertTrue(column(browser, "audit-record").stream().anyMatch(r -> r.startsWith("Consent ")));
      assertTrue(column(browser, "audit-record").stream().anyMatch(r -> r.startsWith("SoapNote ")));
      assertEquals(Long.toString(anna), browser.find(By.id("client")).getAttribute("value"));
      assertEquals(
          "SIGN",
          new Select(browser.find(By.id("action"))).getFirstSelectedOption().getAttribute("value"));
      assertTrue(browser.driver().findElements(By.id("older")).isEmpty());
      assertEquals(
          viewsBefore + 1,
          count(
              "select count(*) from audit_entry where action = 'VIEW' and record_type = 'AuditLog'"
                  + " and actor = 'owner' and detail like ?",
              filterJson),
          "the search is recorded once");

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
              .allMatch(r -> r.get("entry_hash").length() == 64 && r.get("action").equals("SIGN")));
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
  void badDatesAreExplainedNextToTheirFields() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/audit.xhtml");
      browser.type("from", "2026-05-10");
      browser.type("to", "2026-05-01");
      browser.submit("search");
      assertEquals(
          "The last day (2026-05-01) is before the first day (2026-05-10).",
          browser.find(By.id("toProblem")).getText());
      assertTrue(browser.driver().findElements(By.id("entries")).isEmpty());
      browser.type("from", "10.05.2026");
      browser.type("to", "");
      browser.submit("search");
      assertEquals(
          "Give the first day as YYYY-MM-DD; '10.05.2026' is not such a date.",
          browser.find(By.id("fromProblem")).getText());
      assertEquals(
          400,
          download(browser, clinic.uri("/owner/audit.csv?from=10.05.2026").toString())
              .statusCode());
    }
  }

  @Test
  void historyLinksLeadFromAClientProfileAndANoteToTheirEntries() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    long note = ids("select id from soap_note where client_id = ? order by id", anna).get(0);
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/staff/clients/client.xhtml?id=" + anna);
      browser.awaitText("Anna Bergström");
      browser.submit("profile:history");
      browser.awaitPath("/owner/audit.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().endsWith("?client=" + anna),
          browser.driver().getCurrentUrl());
      browser.awaitText("Entries about Anna Bergström");
      List<String> records = column(browser, "audit-record");
      List<String> actions = column(browser, "audit-action");
      // The profile's reads were the last things done: the client, then its intake history,
      // consents
      // and notes, each list once.
      int clientView = records.indexOf("Client " + anna);
      assertTrue(
          clientView >= 0 && clientView < 6 && actions.get(clientView).equals("VIEW"),
          records.toString());
      assertEquals(
          java.util.Set.of(
              "HealthIntake client:" + anna, "Consent client:" + anna, "SoapNote client:" + anna),
          java.util.Set.copyOf(records.subList(0, clientView)),
          records.toString());
      assertTrue(records.stream().anyMatch(r -> r.equals("SoapNote " + note)), records.toString());

      browser.visit("/clinical/note.xhtml?id=" + note);
      browser.awaitText("SOAP note");
      browser.submit("history");
      browser.awaitPath("/owner/audit.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().endsWith("?type=SoapNote&id=" + note),
          browser.driver().getCurrentUrl());
      List<String> noteRecords = column(browser, "audit-record");
      assertTrue(
          noteRecords.stream().allMatch(r -> r.equals("SoapNote " + note)), noteRecords.toString());
      assertEquals("VIEW", column(browser, "audit-action").get(0));
      assertTrue(column(browser, "audit-action").contains("SIGN"));
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
            {"/staff/consents/consent.xhtml?id=" + consent, "Consent", Long.toString(consent)},
            {"/owner/staff-edit.xhtml?id=" + therapist, "StaffAccount", Long.toString(therapist)},
            {"/owner/consent-form.xhtml?id=" + form, "ConsentForm", Long.toString(form)}
          }) {
        browser.visit(page[0]);
        browser.submit("history");
        browser.awaitPath("/owner/audit.xhtml");
        assertTrue(
            browser.driver().getCurrentUrl().endsWith("?type=" + page[1] + "&id=" + page[2]),
            browser.driver().getCurrentUrl());
        List<String> records = column(browser, "audit-record");
        assertFalse(records.isEmpty(), page[0]);
        assertTrue(
            records.stream().allMatch(r -> r.equals(page[1] + " " + page[2])), records.toString());
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
