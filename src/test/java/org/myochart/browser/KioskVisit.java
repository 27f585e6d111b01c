package org.myochart.browser;

import java.util.List;
import java.util.function.Consumer;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A new client's whole visit on the tablet, screen by screen: the locked tablet, the consents
 * (refusals, the signature pad, the "Still there?" question, the thank-you screen) and the health
 * questions; the front desk hands the tablet over and takes it back. Whoever walks through is told
 * the name of each screen as it shows, to check it.
 */
final class KioskVisit {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  private KioskVisit() {}

  static void walkThrough(Browser tablet, Consumer<String> atEachScreen) {
    tablet.visit("/kiosk/index.xhtml");
    tablet.awaitText("Please hand it to the front desk");
    atEachScreen.accept("kiosk, locked");

    String last = Names.uniqueSurname("Ak");
    LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
    tablet.visit("/staff/clients/client-edit.xhtml");
    tablet.type("client:firstName", "Maren");
    tablet.type("client:lastName", last);
    tablet.type("client:dateOfBirth", "1983-06-01");
    tablet.submit("client:save");
    tablet.awaitPath("/staff/clients/client.xhtml");

    tablet.click("startKioskConsent");
    tablet.awaitPath("/kiosk/consent.xhtml");
    tablet.awaitText("Consent to electronic records and signatures");
    atEachScreen.accept("kiosk, electronic records disclosure");
    tap(tablet, By.id("consent:acceptDisclosure"));
    tablet.awaitText("Please tick every statement before signing");
    atEachScreen.accept("kiosk, disclosure refused");
    tickAll(tablet);
    tablet.type("consent:typedName", "Maren " + last);
    tap(tablet, By.id("consent:acceptDisclosure"));
    tablet.awaitText("Informed consent to therapeutic massage for migraine");
    atEachScreen.accept("kiosk, consent with the signature pad");

    tablet.script("document.getElementById('stillThere').hidden = false;");
    atEachScreen.accept("kiosk, still there?");
    tablet.script("document.getElementById('stillThere').hidden = true;");

    tap(tablet, By.id("consent:sign"));
    tablet.awaitText("Please sign in the box with your finger.");
    atEachScreen.accept("kiosk, consent refused");
    tickAll(tablet);
    signShownForm(tablet, "Maren " + last);
    // Forms the clinic requires besides the migraine consent follow; each is signed the same way.
    while (!tablet.text().contains("Thank you, Maren")) {
      tickAll(tablet);
      signShownForm(tablet, "Maren " + last);
    }
    tablet.find(By.id("noCopy"));
    atEachScreen.accept("kiosk, consent signed");
    tap(tablet, By.id("noCopy"));
    tablet.awaitText("This tablet is ready");
    atEachScreen.accept("kiosk, consent finished");
    takeBack(tablet, "consent");

    tablet.click("startKioskIntake");
    tablet.awaitPath("/kiosk/intake.xhtml");
    tablet.awaitText("Step 1 of 6");
    atEachScreen.accept("kiosk, health questions 1: red flags");
    tap(tablet, By.id("kiosk:next"));
    tablet.awaitText("Please answer each question with Yes or No.");
    atEachScreen.accept("kiosk, health questions 1: refused");
    for (WebElement row : tablet.driver().findElements(By.cssSelector(".kiosk-question"))) {
      tap(
          tablet,
          row.findElement(
              By.xpath(".//div[contains(@class,'ui-button')][normalize-space(.)='No']")));
    }
    next(tablet, "Step 2 of 6");
    atEachScreen.accept("kiosk, health questions 2: headaches");
    tablet.type("kiosk:headacheDaysPerMonth", "40");
    tablet.type("kiosk:usualDurationHours", "12");
    tap(tablet, By.xpath("//div[contains(@class,'kiosk-scale')]//div[normalize-space(.)='5']"));
    tap(tablet, By.id("kiosk:next"));
    tablet.awaitText("Headache days per month must be a number from 0 to 31.");
    atEachScreen.accept("kiosk, health questions 2: refused");
    tablet.type("kiosk:headacheDaysPerMonth", "8");
    next(tablet, "Step 3 of 6");
    atEachScreen.accept("kiosk, health questions 3: symptoms");
    next(tablet, "Step 4 of 6");
    tap(tablet, By.id("kiosk:addMedication"));
    tablet.find(By.cssSelector("input[placeholder='Name']"));
    atEachScreen.accept("kiosk, health questions 4: medications");
    tablet.type(
        tablet.find(By.cssSelector("input[placeholder='Name']")).getAttribute("id"),
        "Rizatriptan 10 mg");
    next(tablet, "Step 5 of 6");
    atEachScreen.accept("kiosk, health questions 5: conditions");
    next(tablet, "Step 6 of 6");
    atEachScreen.accept("kiosk, health questions 6: ready to send");
    tap(tablet, By.id("kiosk:send"));
    tablet.awaitText("Your answers have been sent to your therapist.");
    atEachScreen.accept("kiosk, health questions sent");
    takeBack(tablet, "kiosk");
  }

  /** Names the signer, signs and waits until the tablet shows the next form or the thanks. */
  private static void signShownForm(Browser tablet, String fullName) {
    for (WebElement row : tablet.driver().findElements(By.cssSelector(".kiosk-question"))) {
      tap(
          tablet,
          row.findElement(
              By.xpath(".//div[contains(@class,'ui-button')][normalize-space(.)='Yes']")));
    }
    tablet.type("consent:typedName", fullName);
    WebElement pad = tablet.find(By.cssSelector(".kiosk-signature canvas"));
    tablet.script("arguments[0].scrollIntoView({block: 'center'});", pad);
    tablet.drawWithFinger(pad, ConsentSigningBrowserIT.SIGNATURE);
    String progress = tablet.find(By.id("progress")).getText();
    tap(tablet, By.id("consent:sign"));
    tablet
        .waitFor()
        .until(
            d ->
                tablet.text().contains("Thank you, Maren")
                    || !d.findElements(By.id("progress")).isEmpty()
                        && !d.findElement(By.id("progress")).getText().equals(progress));
  }

  private static void next(Browser tablet, String step) {
    tap(tablet, By.id("kiosk:next"));
    tablet.awaitText(step);
  }

  private static void tickAll(Browser tablet) {
    List<WebElement> boxes =
        tablet.driver().findElements(By.cssSelector(".consent-ack .ui-chkbox-box"));
    for (WebElement box : boxes) {
      if (!box.getAttribute("class").contains("ui-state-active")) {
        tap(tablet, box);
      }
    }
  }

  /** A tap on an element scrolled into the middle of the screen, as a person scrolls to it. */
  private static void tap(Browser tablet, By by) {
    tap(tablet, tablet.find(by));
  }

  private static void tap(Browser tablet, WebElement element) {
    tablet.script("arguments[0].scrollIntoView({block: 'center'});", element);
    tablet.tap(element);
  }

  /** The front desk opens the staff corner, gives the password and is back on the client's page. */
  private static void takeBack(Browser tablet, String form) {
    tablet.click(By.cssSelector(".kiosk-staff summary"));
    tablet.type(form + ":staffPassword", PASSWORD);
    tap(tablet, By.id(form + ":unlock"));
    tablet.awaitPath("/staff/clients/client.xhtml");
  }
}
