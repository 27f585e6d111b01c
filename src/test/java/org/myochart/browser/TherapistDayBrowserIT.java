package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A therapist's day on the clinic's tablet (1024×768): the dashboard with today's sessions, recent
 * clients, unsigned notes with their age and the clients on hold; the client list's hold, consent
 * and unsigned-note columns; the session start offering a follow-up to a returning client; the
 * whole intake with its versions on the client page.
 */
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class TherapistDayBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String tile(Browser browser, String id) {
    return browser.find(By.id(id)).getText();
  }

  /** The kind the session start has selected, as the button shows it. */
  private static String selectedKind(Browser browser) {
    return browser
        .find(By.cssSelector("#start\\:kind .ui-button.ui-state-active"))
        .getText()
        .strip();
  }

  /** The client list's row for the one client the search finds. */
  private static String clientRow(Browser browser, String query, String name) {
    browser.visit("/staff/clients/clients.xhtml");
    browser.type("search:query", query);
    // The list is redrawn as the search runs: read the row's text inside the wait.
    return browser
        .waitFor()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#search\\:clients tbody tr")).stream()
                    .map(WebElement::getText)
                    .filter(text -> text.contains(name))
                    .findFirst()
                    .orElse(null));
  }

  @Test
  void theDashboardShowsATherapistsDayTheirUnsignedNotesWithTheirAgeAndWhoIsOnHold()
      throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      SoapNoteBrowserIT.startSession(tablet, anna);

      tablet.click("navDashboard");
      tablet.awaitPath("/staff/dashboard.xhtml");
      String today = tile(tablet, "todayTile");
      assertTrue(today.contains("Anna Bergström"), today);
      assertTrue(today.contains("Follow-up"), today);
      assertTrue(today.contains("Note not signed yet"), today);
      assertTrue(today.matches("(?s).*\\d\\d:\\d\\d.*"), "the session's time shows: " + today);

      String unsigned = tile(tablet, "unsignedTile");
      assertTrue(unsigned.contains("Anna Bergström"), unsigned);
      assertTrue(unsigned.contains("waiting less than an hour"), unsigned);
      assertFalse(
          unsigned.contains("Jonas Lindqvist"),
          "therapist2's note for a client outside therapist1's caseload");

      String recent = tile(tablet, "recentTile");
      assertTrue(recent.startsWith("Recent clients"), recent);
      assertTrue(recent.contains("Anna Bergström"), recent);

      String onHold = tile(tablet, "onHoldTile");
      assertTrue(onHold.contains("Amira Haddad"), onHold);
      assertTrue(onHold.contains("Red flag reported"), onHold);
      assertTrue(onHold.contains("Ole Pettersen"), onHold);
      assertTrue(onHold.contains("consent: Missing"), onHold);
      assertTrue(onHold.contains("has not been signed"), onHold);
      assertFalse(onHold.contains("Anna Bergström"), "Anna may be treated");
      assertTrue(
          onHold.indexOf("Amira Haddad") < onHold.indexOf("Ole Pettersen"), "red flags first");
    }
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist2", PASSWORD);
      WebElement jonas =
          tablet.find(By.xpath("//*[@id='unsignedList']/li[contains(., 'Jonas Lindqvist')]"));
      assertTrue(jonas.getText().contains("waiting 2 days"), jonas.getText());
      assertTrue(jonas.getText().contains("Overdue"), jonas.getText());
      assertTrue(jonas.getAttribute("class").contains("overdue"));
      assertTrue(
          tablet.find(By.id("unsignedTile")).getAttribute("class").contains("tile-alarm"),
          "a note older than a day flags the tile");
    }
    try (Browser desk = Browser.tablet(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      assertTrue(desk.driver().findElements(By.id("workday")).isEmpty(), "no day for the desk");
    }
  }

  @Test
  void theClientListShowsHoldConsentAndUnsignedNotesAndTheReasonsOnlyToClinicians()
      throws Exception {
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      tablet.visit("/staff/clients/clients.xhtml");
      assertEquals(
          "On hold",
          tablet
              .find(By.xpath("//*[@id='search:clients']//th[contains(., 'On hold')]"))
              .getText()
              .strip());
      String amira = clientRow(tablet, "Haddad", "Haddad, Amira");
      assertTrue(amira.contains("Yes"), amira);
      assertTrue(amira.contains("Red flag reported"), amira);
      assertTrue(amira.contains("Missing"), amira);
      String anna = clientRow(tablet, "Bergström", "Bergström, Anna");
      assertTrue(anna.contains("No"), anna);
      assertTrue(anna.contains("Signed"), anna);
      String jonas = clientRow(tablet, "Lindqvist", "Lindqvist, Jonas");
      assertTrue(jonas.contains("—"), "outside the caseload no note count: " + jonas);
    }
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist2", PASSWORD);
      String jonas = clientRow(tablet, "Lindqvist", "Lindqvist, Jonas");
      assertTrue(jonas.matches("(?s).*Signed\\s+[1-9].*"), "Jonas's unsigned note: " + jonas);
    }
    try (Browser desk = Browser.tablet(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      String amira = clientRow(desk, "Haddad", "Haddad, Amira");
      assertTrue(amira.contains("a therapist must review this client"), amira);
      assertFalse(amira.contains("Red flag"), "the desk does not read red flags: " + amira);
      assertTrue(amira.contains("Missing"), amira);
    }
  }

  @Test
  void startingASessionOffersAFollowUpToAReturningClientAndAnAssessmentToANewOne()
      throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    long lea = SoapNoteBrowserIT.clientIdFor(clinic, "Brandt");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      tablet.visit("/clinical/session-start.xhtml?client=" + anna);
      assertEquals("Follow-up", selectedKind(tablet), "Anna has signed sessions");
      SoapNoteBrowserIT.choose(tablet, "start:kind", "Assessment");
      tablet.waitFor().until(d -> selectedKind(tablet).equals("Assessment"));

      tablet.visit("/clinical/session-start.xhtml?client=" + lea);
      assertEquals("Assessment", selectedKind(tablet), "Lea has never been treated");
    }
  }

  @Test
  void theIntakeTabShowsEveryAnswerAndWhatChangedInEachVersion() {
    String last = Names.uniqueSurname("Td");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist1", PASSWORD);
      tablet.visit("/staff/clients/client-edit.xhtml");
      tablet.type("client:firstName", "Runa");
      tablet.type("client:lastName", last);
      tablet.type("client:dateOfBirth", "1983-08-21");
      tablet.type("client:phone", Names.phoneOf(last));
      tablet.submit("client:save");
      tablet.awaitPath("/staff/clients/client.xhtml");
      long id =
          Long.parseLong(
              URI.create(tablet.driver().getCurrentUrl())
                  .getQuery()
                  .replaceAll(".*id=(\\d+).*", "$1"));

      tablet.visit("/clinical/intake.xhtml?client=" + id);
      tablet.type("intake:headacheDaysPerMonth", "10");
      tablet.type("intake:usualDurationHours", "24");
      tablet.type("intake:usualIntensity", "7");
      tick(tablet, "intake:nausea");
      tablet.type("intake:triggers", "Night shifts, red wine");
      tick(tablet, "intake:physicianDiagnosed");
      tablet.type("intake:diagnosedWhen", "2015");
      addMedication(tablet, "Rizatriptan 10 mg", "ACUTE");
      tablet.type("intake:oilAllergy", "Almond oil");
      tablet.submit("intake:save");
      tablet.awaitPath("/staff/clients/client.xhtml");

      tablet.visit("/clinical/intake.xhtml?client=" + id);
      tablet.type("intake:usualIntensity", "5");
      addMedication(tablet, "Warfarin 5 mg", "BLOOD_THINNER");
      tablet.submit("intake:save");
      tablet.awaitPath("/staff/clients/client.xhtml");

      tablet.click(
          By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., 'Health intake')]"));
      tablet.awaitText("Current answers · version 2");
      String answers = tablet.find(By.id("intakeAnswers")).getText();
      for (String shown :
          new String[] {
            "Headache pattern",
            "Headache days per month\n10",
            "Usual intensity (0–10)\n5",
            "Nausea\nyes",
            "Aura\nno",
            "Night shifts, red wine",
            "yes (2015)",
            "Rizatriptan 10 mg — Acute (for an attack)",
            "Warfarin 5 mg — Blood thinner",
            "Allergy to oils or lotions\nAlmond oil",
            "Pregnant\nno",
            "Red flags\nnone"
          }) {
        assertTrue(answers.contains(shown), "shows " + shown + " in:\n" + answers);
      }

      WebElement second =
          tablet.find(By.cssSelector("#intakeHistory tr.intake-version-row[data-version='2']"));
      String changes = second.getText();
      assertTrue(changes.contains("Staff"), changes);
      assertTrue(changes.contains("therapist1"), changes);
      assertTrue(changes.contains("Usual intensity (0–10): 7 → 5"), changes);
      assertTrue(
          changes.contains(
              "Medications: Rizatriptan 10 mg — Acute (for an attack) → Rizatriptan 10 mg — Acute"
                  + " (for an attack); Warfarin 5 mg — Blood thinner"),
          changes);
      assertFalse(changes.contains("Headache days per month"), "unchanged answers are left out");
      String first =
          tablet
              .find(By.cssSelector("#intakeHistory tr.intake-version-row[data-version='1']"))
              .getText();
      assertTrue(first.contains("First intake."), first);
    }
  }

  private static void tick(Browser browser, String checkbox) {
    browser.click(By.xpath("//*[@id='" + checkbox + "']//div[contains(@class,'ui-chkbox-box')]"));
  }

  private static void addMedication(Browser browser, String name, String kind) {
    int before =
        browser.driver().findElements(By.cssSelector("input[id$=':medicationName']")).size();
    browser.click("intake:addMedication");
    browser
        .waitFor()
        .until(d -> d.findElements(By.cssSelector("input[id$=':medicationName']")).size() > before);
    WebElement field =
        browser.driver().findElements(By.cssSelector("input[id$=':medicationName']")).get(before);
    browser.type(field.getAttribute("id"), name);
    new Select(
            browser
                .driver()
                .findElements(By.cssSelector("select[id$=':medicationKind']"))
                .get(before))
        .selectByValue(kind);
  }
}
