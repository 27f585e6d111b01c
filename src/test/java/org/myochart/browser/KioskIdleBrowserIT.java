package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.StoredRows;
import org.myochart.testsupport.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A client who reads slowly or is called away on the touch tablet loses nothing: the open kiosk
 * page outlives the session timeout, asks "Still there?", and left alone locks back to staff with
 * the answers kept for staff to continue on the tablet or discard. On the idle clinic: sessions end
 * after {@link RunningClinic#SHORT_IDLE_TIMEOUT}, the tablet asks after {@link
 * RunningClinic#KIOSK_ASK_AFTER} and locks after {@link RunningClinic#KIOSK_LOCK_AFTER}.
 */
@Order(1) // first: the longest class, most of it waiting
class KioskIdleBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.idle();
  }

  private static long newClient(String firstName) {
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "owner",
            PASSWORD,
            "{\"firstName\":\""
                + firstName
                + "\",\"lastName\":\""
                + Names.uniqueSurname("Idle")
                + "\",\"dateOfBirth\":\"1979-02-14\"}");
    assertEquals(201, created.statusCode(), created.body());
    return Http.json(created).getJsonNumber("id").longValue();
  }

  private static void handOver(Browser tablet, long client, String firstName) {
    tablet.visit("/staff/clients/client.xhtml?id=" + client);
    tablet.tap(By.id("startKioskIntake"));
    tablet.awaitPath("/kiosk/intake.xhtml");
    tablet.awaitText("Hello " + firstName);
  }

  private static void answerEveryWarningSignNo(Browser tablet) {
    for (WebElement no :
        tablet
            .driver()
            .findElements(
                By.xpath(
                    "//div[contains(@class,'kiosk-question')]"
                        + "//div[contains(@class,'ui-button')][normalize-space(.)='No']"))) {
      tablet.tap(no);
    }
  }

  private static void next(Browser tablet, String expectedStep) {
    tablet.tap(By.id("kiosk:next"));
    tablet.awaitText(expectedStep);
  }

  private static String value(Browser tablet, String id) {
    return tablet.find(By.id(id)).getAttribute("value");
  }

  @Test
  void aTabletLeftAloneOutlivesTheSessionAsksStillThereThenLocksAndStaffContinueTheAnswers() {
    long client = newClient("Lea");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("owner", PASSWORD);
      handOver(tablet, client, "Lea");
      answerEveryWarningSignNo(tablet);
      next(tablet, "Step 2 of 6");
      tablet.type("kiosk:headacheDaysPerMonth", "9");
      tablet.type("kiosk:usualDurationHours", "4");
      tablet.tap(By.xpath("//div[contains(@class,'kiosk-scale')]//div[normalize-space(.)='6']"));

      // Longer than the session timeout without a tap: the open page kept its session alive.
      sleep(RunningClinic.SHORT_IDLE_TIMEOUT.plusSeconds(3));
      tablet.tap(By.id("kiosk:next"));
      try {
        tablet.awaitText("Step 3 of 6");
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "after the pause: " + tablet.text() + "\nconsole: " + tablet.console(), e);
      }
      tablet.tap(By.id("kiosk:back"));
      tablet.awaitText("Step 2 of 6");
      assertEquals("9", value(tablet, "kiosk:headacheDaysPerMonth"));
      next(tablet, "Step 3 of 6");

      // Left alone longer: "Still there?", and a tap carries on.
      WebElement question = tablet.driver().findElement(By.id("stillThere"));
      tablet
          .waitFor(RunningClinic.KIOSK_ASK_AFTER.plusSeconds(20))
          .until(d -> d.findElement(By.id("stillThere")).isDisplayed());
      assertTrue(question.getText().contains("Still there?"));
      tablet.tap(By.id("stillThere"));
      tablet.waitFor().until(d -> !d.findElement(By.id("stillThere")).isDisplayed());

      // A paste past the answer's limit is refused with a message, never cut.
      WebElement triggers = tablet.find(By.id("kiosk:triggers"));
      tablet.script(
          "arguments[0].focus(); var data = new DataTransfer();"
              + " data.setData('text/plain', 'x'.repeat(2001));"
              + " arguments[0].dispatchEvent(new ClipboardEvent('paste',"
              + " {clipboardData: data, bubbles: true, cancelable: true}));",
          triggers);
      tablet.awaitText("Not pasted: the pasted text has 2,001 characters");
      assertEquals("", triggers.getAttribute("value"));
      // This screen's answer is typed but not sent with Next when the tablet is left alone.
      tablet.type("kiosk:triggers", "Bright light at work");
      tablet.awaitText("20 of 2,000 characters");
      tablet
          .waitFor(RunningClinic.KIOSK_LOCK_AFTER.plusSeconds(30))
          .until(d -> d.getPageSource().contains("This tablet locked itself"));
      assertFalse(tablet.text().contains("Lea"), "the locked tablet names nobody");
      assertEquals(
          1,
          StoredRows.count(
              clinic,
              "intake_draft",
              "client_id = ? and outcome is null and locked_at is not null"
                  + " and answers like '%Bright light at work%'",
              client));
      assertEquals(
          1,
          StoredRows.count(
              clinic,
              "audit_entry",
              "action = 'KIOSK_END' and client_id = ? and detail like '%lockedAfterIdle%'",
              client));

      // Locked back to staff: the session ended, a sign-in leads to the client's page.
      tablet.visit("/staff/clients/client.xhtml?id=" + client);
      tablet.awaitPath("/login.xhtml");
      LoginScreen.open(tablet).signIn("owner", PASSWORD);
      tablet.awaitPath("/staff/clients/client.xhtml");
      tablet.awaitText("Unfinished health questions from the tablet");
      assertTrue(tablet.text().contains("the tablet locked itself"));
      tablet.tap(By.cssSelector("button[id^='continueDraft-']"));
      tablet.awaitPath("/kiosk/intake.xhtml");
      tablet.awaitText("Welcome back");
      assertTrue(tablet.text().contains("Step 3 of 6"));
      assertEquals("Bright light at work", value(tablet, "kiosk:triggers"));

      next(tablet, "Step 4 of 6");
      next(tablet, "Step 5 of 6");
      next(tablet, "Step 6 of 6");
      tablet.tap(By.id("kiosk:send"));
      tablet.awaitText("Your answers have been sent");
    }
    assertEquals(
        1,
        StoredRows.count(
            clinic,
            "health_intake",
            "client_id = ? and headache_days_per_month = 9 and usual_duration_hours = 4"
                + " and usual_intensity = 6 and triggers = 'Bright light at work'",
            client));
    assertEquals(
        1, StoredRows.count(clinic, "intake_draft", "client_id = ? and outcome = 'SENT'", client));
    assertEquals(
        0, StoredRows.count(clinic, "intake_draft", "client_id = ? and outcome is null", client));
  }

  @Test
  void theKeepAliveAloneKeepsAHandedOverSessionPastTheTimeout() {
    long client = newClient("Nora");
    WebSession tablet = WebSession.signedIn(clinic, "owner", PASSWORD);
    tablet.get("/staff/clients/client.xhtml?id=" + client);
    assertEquals(
        "/kiosk/intake.xhtml",
        WebSession.redirectPath(
            tablet.post("/staff/kiosk/start-intake", Map.of("client", Long.toString(client)))));
    long pings = RunningClinic.SHORT_IDLE_TIMEOUT.multipliedBy(2).toMillis() / 1500;
    for (int i = 0; i < pings; i++) {
      assertEquals(204, tablet.get("/kiosk/alive").statusCode(), "ping " + i);
      sleep(Duration.ofMillis(1500));
    }
    assertEquals(200, tablet.get("/kiosk/intake.xhtml").statusCode());
    assertTrue(tablet.get("/kiosk/intake.xhtml").body().contains("Hello Nora"));
    // Without it, the session ends as any other.
    sleep(RunningClinic.SHORT_IDLE_TIMEOUT.plusSeconds(4));
    assertEquals(410, tablet.get("/kiosk/alive").statusCode());
  }

  @Test
  void staffDiscardAnswersAClientLeftUnfinished() {
    long client = newClient("Mads");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("owner", PASSWORD);
      handOver(tablet, client, "Mads");
      answerEveryWarningSignNo(tablet);
      next(tablet, "Step 2 of 6");

      tablet.click(By.cssSelector(".kiosk-staff summary"));
      tablet.type("kiosk:staffPassword", PASSWORD);
      tablet.tap(By.id("kiosk:unlock"));
      tablet.awaitPath("/staff/clients/client.xhtml");
      try {
        tablet.awaitText("Unfinished health questions from the tablet");
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "on " + tablet.driver().getCurrentUrl() + ":\n" + tablet.text(), e);
      }
      assertTrue(tablet.text().contains("screen 2 of 6"));

      tablet.click(By.cssSelector("[id$='discardDraft']"));
      tablet.click(By.cssSelector(".ui-confirmdialog-yes"));
      tablet.awaitText("The answers kept from the tablet were discarded.");
      assertFalse(tablet.text().contains("Unfinished health questions from the tablet"));
    }
    assertEquals(
        1,
        StoredRows.count(
            clinic, "intake_draft", "client_id = ? and outcome = 'DISCARDED'", client));
    assertEquals(
        1,
        StoredRows.count(
            clinic,
            "audit_entry",
            "record_type = 'IntakeDraft' and client_id = ? and detail like '%discarded%'",
            client));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
