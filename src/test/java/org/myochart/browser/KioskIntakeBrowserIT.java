package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;

/**
 * The client answers the intake on a tablet-sized touch screen that cannot be left without a staff
 * password.
 */
@ResourceLock(SharedDemoData.FRONT_DESK_SIGN_INS)
class KioskIntakeBrowserIT {

  private static RunningClinic clinic;
  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static String surname() {
    return Names.uniqueSurname("Kx");
  }

  private static By answer(String questionPart, String label) {
    return By.xpath(
        "//div[contains(@class,'kiosk-question')][contains(., \""
            + questionPart
            + "\")]"
            + "//div[contains(@class,'ui-button')][normalize-space(.)='"
            + label
            + "']");
  }

  private static void next(Browser tablet, String expectedStep) {
    tablet.tap(By.id("kiosk:next"));
    tablet.awaitText(expectedStep);
  }

  @Test
  void clientCompletesTheIntakeOnTheTabletAndCannotWanderOut() {
    String last = surname();
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      tablet.visit("/staff/clients/client-edit.xhtml");
      tablet.type("client:firstName", "Maren");
      tablet.type("client:lastName", last);
      tablet.type("client:dateOfBirth", "1983-06-01");
      tablet.submit("client:save");
      tablet.awaitPath("/staff/clients/client.xhtml");
      String profile = tablet.driver().getCurrentUrl();

      tablet.tap(By.id("startKioskIntake"));
      tablet.awaitPath("/kiosk/intake.xhtml");
      tablet.awaitText("Hello Maren");
      assertTrue(tablet.text().contains("Step 1 of 6"));

      tablet.visit("/staff/dashboard.xhtml");
      tablet.awaitPath("/kiosk/intake.xhtml");
      tablet.visit("/owner/staff.xhtml");
      tablet.awaitPath("/kiosk/intake.xhtml");
      tablet.driver().navigate().back();
      tablet.awaitPath("/kiosk/intake.xhtml");
      assertFalse(tablet.text().contains("Priya Natarajan"), "no staff name on the kiosk");

      tablet.tap(By.id("kiosk:next"));
      tablet.awaitText("Please answer each question with Yes or No.");
      tablet.tap(answer("worst you have ever had", "Yes"));
      for (String question :
          new String[] {
            "new kind of headache", "more frequent", "Weakness", "Fever", "blow to the head"
          }) {
        tablet.tap(answer(question, "No"));
      }
      next(tablet, "Step 2 of 6");

      tablet.type("kiosk:headacheDaysPerMonth", "40");
      tablet.type("kiosk:usualDurationHours", "12");
      tablet.tap(By.xpath("//div[contains(@class,'kiosk-scale')]//div[normalize-space(.)='7']"));
      tablet.tap(By.id("kiosk:next"));
      tablet.awaitText("Headache days per month must be a number from 0 to 31.");
      tablet.type("kiosk:headacheDaysPerMonth", "8");
      next(tablet, "Step 3 of 6");

      tablet.tap(
          By.xpath("//div[contains(@class,'kiosk-chips')]//div[normalize-space(.)='Throbbing']"));
      next(tablet, "Step 4 of 6");
      tablet.tap(By.id("kiosk:addMedication"));
      tablet.type(
          tablet.find(By.cssSelector("input[placeholder='Name']")).getAttribute("id"),
          "Rizatriptan 10 mg");
      next(tablet, "Step 5 of 6");
      tablet.tap(
          By.xpath(
              "//div[contains(@class,'kiosk-chips')]//div[normalize-space(.)='I am pregnant']"));
      next(tablet, "Step 6 of 6");
      tablet.tap(By.id("kiosk:send"));

      tablet.awaitText("a doctor should look at your headaches");
      assertTrue(tablet.text().contains("Please hand the tablet back"));
      tablet.visit("/clinical/intake.xhtml");
      tablet.awaitPath("/kiosk/intake.xhtml");
      assertFalse(tablet.text().contains("Rizatriptan"), "answers are not shown after sending");

      tablet.click(By.cssSelector(".kiosk-staff summary"));
      tablet.type("kiosk:staffPassword", "not the password");
      tablet.tap(By.id("kiosk:unlock"));
      tablet.awaitText("That password does not end kiosk mode.");
      assertFalse(tablet.text().contains("frontdesk"), "the tablet names nobody's username");
      tablet.type("kiosk:staffPassword", PASSWORD);
      tablet.tap(By.id("kiosk:unlock"));
      tablet.awaitPath("/staff/clients/client.xhtml");
      assertEquals(profile, tablet.driver().getCurrentUrl());
      assertTrue(tablet.text().contains("Treatment on hold"));
      assertFalse(
          tablet.text().contains("Rizatriptan"), "front desk does not read clinical answers");
      assertTrue(AuditRows.count(clinic, "KIOSK_END", "frontdesk", null) >= 1);
    }

    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      therapist.visit("/staff/clients/clients.xhtml");
      therapist.type("search:query", last);
      therapist.click(By.linkText(last + ", Maren"));
      therapist.awaitPath("/staff/clients/client.xhtml");
      assertTrue(
          therapist.find(By.id("profile:block")).getText().contains("worst you have ever had"));
      therapist.click(
          By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., 'Health intake')]"));
      therapist.awaitText("Client on the tablet");
      assertTrue(therapist.text().contains("LI4"), "pregnancy caution is shown");
    }
  }
}
