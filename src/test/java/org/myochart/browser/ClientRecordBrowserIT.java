package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** A therapist registers a client, records an intake with a red flag, and clears it. */
@Order(10) // among the first to start: it is one of the longest
class ClientRecordBrowserIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String surname() {
    return Names.uniqueSurname("Qx");
  }

  private static long registerClient(Browser browser, String first, String last, String born) {
    return registerClient(browser, first, last, born, Names.phoneOf(last));
  }

  private static long registerClient(
      Browser browser, String first, String last, String born, String phone) {
    browser.visit("/staff/clients/client-edit.xhtml");
    browser.type("client:firstName", first);
    browser.type("client:lastName", last);
    browser.type("client:dateOfBirth", born);
    browser.type("client:phone", phone);
    browser.type("client:physicianName", "Dr. Kari Holm");
    browser.submit("client:save");
    browser.awaitPath("/staff/clients/client.xhtml");
    return Long.parseLong(
        URI.create(browser.driver().getCurrentUrl()).getQuery().replaceAll(".*id=(\\d+).*", "$1"));
  }

  private static void fillIntake(Browser browser, String intensity, boolean thunderclap) {
    browser.type("intake:headacheDaysPerMonth", "9");
    browser.type("intake:usualDurationHours", "12");
    browser.type("intake:usualIntensity", intensity);
    if (thunderclap) {
      browser.click(By.xpath("//label[contains(., 'the worst you have ever had')]"));
    }
    browser.submit("intake:save");
  }

  @Test
  void badClientInputIsExplainedNextToEachFieldAndKept() {
    try (Browser browser = Browser.tablet(clinic)) {
      LoginScreen.open(browser).signInAndWait("frontdesk", PASSWORD);
      browser.visit("/staff/clients/client-edit.xhtml");
      browser.type("client:firstName", "<script>window.pwned=1</script>");
      browser.type("client:lastName", "Future");
      browser.type("client:dateOfBirth", "2999-01-01");
      browser.type("client:email", "not-an-email");
      ((JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('client:notes').value = 'n'.repeat(10000);");
      browser.submit("client:save");

      browser.awaitText("The date of birth cannot be in the future.");
      assertTrue(browser.text().contains("This is not an email address"));
      assertTrue(
          browser.text().contains("The notes may have at most 4000 characters; it has 10000."));
      assertEquals(
          "<script>window.pwned=1</script>",
          browser.find(By.id("client:firstName")).getAttribute("value"));
      assertEquals("/staff/clients/client-edit.xhtml", browser.path());

      browser.type("client:dateOfBirth", "14/03/1984");
      browser.submit("client:save");
      browser.awaitText("Enter the date as YYYY-MM-DD");
    }
  }

  @Test
  void anIntakeWithMedicationsOpensAgainAndARowCanBeRemoved() {
    String last = surname();
    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      long id = registerClient(therapist, "Ingrid", last, "1986-02-11");
      therapist.visit("/clinical/intake.xhtml?client=" + id);
      // Intake text shows its limit while typed; nothing is cut by the browser.
      therapist.type("intake:otherContraindications", "Sensitive to lavender");
      therapist.awaitText("21 of 4,000 characters");
      therapist.type("intake:otherContraindications", "");
      for (String medication : new String[] {"Sumatriptan 50 mg", "Propranolol 40 mg"}) {
        therapist.click("intake:addMedication");
        therapist
            .waitFor()
            .until(
                d ->
                    d.findElements(By.cssSelector("input[id$=':medicationName']")).stream()
                        .anyMatch(field -> field.getAttribute("value").isEmpty()));
        String empty =
            therapist.driver().findElements(By.cssSelector("input[id$=':medicationName']")).stream()
                .filter(field -> field.getAttribute("value").isEmpty())
                .findFirst()
                .orElseThrow()
                .getAttribute("id");
        therapist.type(empty, medication);
      }
      fillIntake(therapist, "6", false);
      therapist.awaitPath("/staff/clients/client.xhtml");

      therapist.visit("/clinical/intake.xhtml?client=" + id);
      therapist.awaitText("Medications");
      assertEquals(
          2,
          therapist.driver().findElements(By.cssSelector("input[id$=':medicationName']")).size(),
          "the page with the stored medications opens");
      therapist.click(
          therapist.find(By.cssSelector("button[id$=':0:removeMedication']")).getAttribute("id"));
      therapist
          .waitFor()
          .until(d -> d.findElements(By.cssSelector("input[id$=':medicationName']")).size() == 1);
      assertEquals(
          "Propranolol 40 mg",
          therapist.find(By.cssSelector("input[id$=':medicationName']")).getAttribute("value"));
      therapist.submit("intake:save");
      therapist.awaitPath("/staff/clients/client.xhtml");
      therapist.visit("/clinical/intake.xhtml?client=" + id);
      therapist.awaitText("Medications");
      assertEquals(
          1,
          therapist.driver().findElements(By.cssSelector("input[id$=':medicationName']")).size());
      assertEquals(
          "Propranolol 40 mg",
          therapist.find(By.cssSelector("input[id$=':medicationName']")).getAttribute("value"));
    }
  }

  @Test
  void redFlagAtIntakeBlocksTreatmentUntilTheClearanceIsRecorded() throws Exception {
    String last = surname();
    try (Browser therapist = Browser.tablet(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist2", PASSWORD);
      long id = registerClient(therapist, "Signe", last, "1979-05-17");
      therapist.awaitText("Signe " + last + " was registered.");
      assertTrue(therapist.find(By.id("profile:block")).getText().contains("No health intake yet"));

      therapist.click("profile:updateIntake");
      therapist.awaitPath("/clinical/intake.xhtml");
      fillIntake(therapist, "11", false);
      therapist.awaitText("The usual intensity must be a number from 0 to 10.");
      assertEquals("9", therapist.find(By.id("intake:headacheDaysPerMonth")).getAttribute("value"));

      fillIntake(therapist, "8", true);
      therapist.awaitPath("/staff/clients/client.xhtml");
      String block = therapist.find(By.id("profile:block")).getText();
      assertTrue(block.contains("Red flag reported"), block);
      assertTrue(block.contains("the worst you have ever had"));
      screenshot(therapist, "client-red-flag");

      // Opened again, the intake starts from the current version, the red flag included; saved
      // unchanged, it records nothing new.
      therapist.click("profile:updateIntake");
      therapist.awaitPath("/clinical/intake.xhtml");
      assertEquals("9", therapist.find(By.id("intake:headacheDaysPerMonth")).getAttribute("value"));
      assertTrue(
          therapist
              .find(By.cssSelector("input[name='intake:redFlags'][value='THUNDERCLAP']"))
              .isSelected(),
          "the reported red flag is ticked");
      therapist.submit("intake:save");
      therapist.awaitText("Nothing was changed: intake version 1 stays current.");
      assertTrue(therapist.find(By.id("profile:block")).getText().contains("Red flag reported"));
      try (var db = clinic.database();
          var query =
              db.prepareStatement("select count(*) from health_intake where client_id = ?")) {
        query.setLong(1, id);
        try (var rows = query.executeQuery()) {
          rows.next();
          assertEquals(1, rows.getInt(1), "no second, identical version");
        }
      }

      assertTrue(
          therapist.find(By.id("profile:referralLetter")).getText().contains("Referral letter"));
      HttpResponse<byte[]> letter =
          Http.sendBytes(
              HttpRequest.newBuilder(clinic.uri("/clinical/referral-letter?client=" + id))
                  .header("Cookie", "JSESSIONID=" + therapist.sessionCookie()));
      assertTrue(
          letter.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
      try (PDDocument pdf = Loader.loadPDF(letter.body())) {
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Signe " + last), text);
        assertTrue(text.contains("Dr. Kari Holm"));
      }

      therapist.click("profile:recordClearance");
      therapist.awaitPath("/clinical/clearance.xhtml");
      Path fake = Files.createTempFile("not-a-letter", ".pdf");
      Files.writeString(fake, "<html>this is not a pdf</html>");
      therapist.type("clearance:clearedOn", "2026-01-01");
      therapist.type(
          "clearance:note", "Seen in clinic; normal neurological exam. Massage may go ahead.");
      therapist.find(By.id("clearance:letter")).sendKeys(fake.toString());
      therapist.submit("clearance:save");
      therapist.awaitText("The file must be a PDF, PNG or JPEG");

      Path huge = Files.createTempFile("scan", ".pdf");
      try (var out = Files.newOutputStream(huge)) {
        out.write("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(new byte[50 * 1024 * 1024]);
      }
      therapist.find(By.id("clearance:letter")).sendKeys(huge.toString());
      therapist.submit("clearance:save");
      therapist.awaitText("The file is larger than 5 MB.");
      assertEquals(
          "Seen in clinic; normal neurological exam. Massage may go ahead.",
          therapist.find(By.id("clearance:note")).getAttribute("value"));
      Files.delete(huge);

      Path real = Files.createTempFile("clearance", ".pdf");
      Files.write(real, letter.body());
      therapist.find(By.id("clearance:letter")).sendKeys(real.toString());
      therapist.submit("clearance:save");
      therapist.awaitPath("/staff/clients/client.xhtml");
      therapist.awaitText("The medical clearance was recorded.");
      assertTrue(
          therapist.driver().findElements(By.id("profile:block")).isEmpty(), "the block is lifted");
      assertTrue(AuditRows.count(clinic, "CREATE", "therapist2", null) >= 3);

      therapist.click("profile:updateIntake");
      therapist.awaitPath("/clinical/intake.xhtml");
      therapist.type("intake:usualIntensity", "5");
      therapist.submit("intake:save");
      therapist.awaitPath("/staff/clients/client.xhtml");
      therapist.click(
          By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., 'Health intake')]"));
      therapist.awaitText("Usual intensity (0–10)");
      assertTrue(
          therapist.find(By.id("intakeAnswersTitle")).getText().contains("version 2"),
          "the tab shows the new version's answers");
    }
  }

  @Test
  void frontDeskSeesDetailsButNotClinicalAnswers() {
    String last = surname();
    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      long id = registerClient(therapist, "Tove", last, "1990-02-02");
      therapist.click("profile:updateIntake");
      therapist.awaitPath("/clinical/intake.xhtml");
      therapist.type("intake:triggers", "Secret clinical detail");
      fillIntake(therapist, "6", true);
      therapist.awaitPath("/staff/clients/client.xhtml");

      try (Browser desk = Browser.open(clinic)) {
        LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
        desk.visit("/staff/clients/clients.xhtml");
        desk.type("search:query", last);
        desk.awaitText("Tove");
        desk.click(By.linkText(last + ", Tove"));
        desk.awaitPath("/staff/clients/client.xhtml");
        String page = desk.text();
        assertTrue(page.contains("Treatment on hold"));
        assertTrue(page.contains("A therapist must review this client"));
        assertFalse(page.contains("Secret clinical detail"));
        assertFalse(page.contains("worst you have ever had"));
        assertTrue(desk.driver().findElements(By.id("profile:updateIntake")).isEmpty());

        desk.visit("/clinical/intake.xhtml?client=" + id);
        desk.awaitText("This page is not for your role");
        desk.visit("/clinical/referral-letter?client=" + id);
        desk.awaitText("This page is not for your role");
      }
    }
  }

  private static int clientsNamed(String last) throws Exception {
    try (var db = clinic.database();
        var query = db.prepareStatement("select count(*) from client where last_name = ?")) {
      query.setString(1, last);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  void aPossibleDuplicateIsShownBeforeAnythingIsRegisteredAndADifferentPersonStillCanBe()
      throws Exception {
    String last = surname();
    try (Browser browser = Browser.tablet(clinic)) {
      LoginScreen.open(browser).signInAndWait("frontdesk", PASSWORD);
      registerClient(browser, "Sigrid", last, "1961-04-12");

      browser.visit("/staff/clients/client-edit.xhtml");
      browser.type("client:firstName", "Sigrid");
      browser.type("client:lastName", last);
      browser.type("client:dateOfBirth", "1961-04-12");
      browser.type("client:phone", "+47 400 00 001");
      browser.type("client:physicianName", "Dr. Ola Berg");
      browser.submit("client:save");

      browser.awaitText("Is this a client we already have?");
      String shown = browser.find(By.id("client:possibleDuplicates")).getText();
      assertTrue(shown.contains("Sigrid " + last) && shown.contains("1961-04-12"), shown);
      assertTrue(browser.text().contains("Nothing was registered yet."), browser.text());
      assertEquals(1, clientsNamed(last), "nothing was created");
      assertEquals("+47 400 00 001", browser.find(By.id("client:phone")).getAttribute("value"));
      assertEquals(
          "Dr. Ola Berg", browser.find(By.id("client:physicianName")).getAttribute("value"));

      browser.submit("client:differentPerson");
      browser.awaitPath("/staff/clients/client.xhtml");
      assertEquals(2, clientsNamed(last), "a different person is registered once confirmed");

      // Someone else's phone number is a possible duplicate too.
      String other = surname();
      browser.visit("/staff/clients/client-edit.xhtml");
      browser.type("client:firstName", "Tone");
      browser.type("client:lastName", other);
      browser.type("client:dateOfBirth", "1990-01-01");
      browser.type("client:phone", Names.phoneOf(last));
      browser.submit("client:save");
      browser.awaitText("Is this a client we already have?");
      assertTrue(
          browser.find(By.id("client:possibleDuplicates")).getText().contains("Sigrid " + last));
      assertEquals(0, clientsNamed(other));
    }
  }

  @Test
  void searchFindsAClientByDateOfBirthAndPhone() {
    String last = surname();
    try (Browser browser = Browser.tablet(clinic)) {
      LoginScreen.open(browser).signInAndWait("frontdesk", PASSWORD);
      String phone = Names.phoneOf(last);
      registerClient(browser, "Helga", last, "1944-10-30", phone);
      browser.visit("/staff/clients/clients.xhtml");
      browser.type("search:query", "1944-10-30");
      browser.awaitText(last + ", Helga");
      browser.type("search:query", phone.substring(4, 7) + " " + phone.substring(7));
      browser.awaitText(last + ", Helga");
    }
  }

  static void screenshot(Browser browser, String name) {
    try {
      Path target = Path.of(System.getProperty("myochart.it.targetDir", "target"), "screenshots");
      Files.createDirectories(target);
      Files.write(
          target.resolve(name + ".png"),
          ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
