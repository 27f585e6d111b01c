package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.browser.ConsentSigningBrowserIT.SIGNATURE;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.openqa.selenium.By;

/**
 * What happens to consents after signing: withdrawal, a new form version that requires everyone to
 * consent again, a form that changes while a client reads it, and a witnessed form.
 */
@Isolated(
    "It publishes a required consent form, which stops every client's treatment until it is retired.")
class ConsentLifecycleBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static void openConsentsTab(Browser browser, long clientId) {
    browser.visit("/staff/clients/client.xhtml?id=" + clientId + "&tab=consents");
    browser.awaitText("Electronic records:");
  }

  @Test
  void aWithdrawalPutsTreatmentOnHoldUntilTheClientSignsAgain() {
    String last = Names.uniqueSurname("Lw");
    try (Browser desk = Browser.tablet(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      long clientId = ConsentSigningBrowserIT.register(desk, "Sofie", last, "1990-03-04");
      ConsentSigningBrowserIT.signEverything(desk, "Sofie " + last);
      assertTrue(desk.driver().findElements(By.id("consentGate")).isEmpty());

      openConsentsTab(desk, clientId);
      desk.click(
          By.xpath(
              "//tr[contains(., 'Informed consent to therapeutic massage')]//button[contains(., 'Record withdrawal')]"));
      desk.awaitText("From now on this consent no longer allows treatment.");
      desk.click("profile:confirmWithdrawal");
      desk.awaitText("Enter the reason for the withdrawal.");
      desk.type("profile:reason", "Client phoned: prefers to stop treatment for now.");
      desk.click("profile:confirmWithdrawal");
      desk.waitFor().until(d -> !d.findElements(By.id("consentGate")).isEmpty());
      String gate = desk.find(By.id("consentGate")).getText();
      assertTrue(gate.contains("was withdrawn on"), gate);
      assertTrue(desk.find(By.id("profile:tabs:consents")).getText().contains("Withdrawn"));
      assertTrue(AuditRows.count(clinic, "WITHDRAW", "frontdesk", null) >= 1);

      // Signing again lifts the hold; the disclosure is not asked a second time.
      desk.tap(By.id("startKioskConsent"));
      desk.awaitPath("/kiosk/consent.xhtml");
      desk.awaitText("Informed consent to therapeutic massage for migraine");
      assertTrue(desk.text().contains("Form 1 of 1"));
      ConsentSigningBrowserIT.tickAll(desk);
      ConsentSigningBrowserIT.chooseTechniques(desk, "Yes");
      desk.type("consent:typedName", "Sofie " + last);
      ConsentSigningBrowserIT.sign(desk, SIGNATURE);
      desk.tap(By.id("consent:sign"));
      desk.awaitText("Thank you, Sofie");
      ConsentSigningBrowserIT.unlock(desk);
      assertTrue(desk.driver().findElements(By.id("consentGate")).isEmpty());
    }
  }

  /**
   * Works on a required form of its own, retired at the end, so that other tests' clients keep
   * every consent treatment needs.
   */
  @Test
  void aNewVersionIsShownToAClientWhoWasReadingTheOldOneAndRequiresEveryoneToConsentAgain() {
    String signedEarlier = Names.uniqueSurname("Lr");
    String reading = Names.uniqueSurname("Ls");
    String title = "Consent to cupping " + reading;
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/consent-form.xhtml");
      owner.type("form:title", title);
      owner.type("form:body", "Cupping uses suction cups on the upper back and shoulders.");
      owner.type(
          "form:acknowledgements", "I understand cupping can leave round marks for a few days.");
      owner.type("form:validityMonths", "12");
      owner.find(By.id("form:requiredNew")).findElement(By.cssSelector(".ui-chkbox-box")).click();
      owner.submit("form:publish");
      owner.awaitText("Version 1 of \"" + title + "\" is published.");
    }
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      long earlierId = ConsentSigningBrowserIT.register(tablet, "Eva", signedEarlier, "1970-01-02");
      ConsentSigningBrowserIT.signAll(tablet, "Eva " + signedEarlier);
      assertTrue(
          tablet.driver().findElements(By.id("consentGate")).isEmpty(),
          "Eva signed every required form");

      ConsentSigningBrowserIT.register(tablet, "Nils", reading, "1975-05-05");
      tablet.tap(By.id("startKioskConsent"));
      tablet.awaitPath("/kiosk/consent.xhtml");
      ConsentSigningBrowserIT.acceptDisclosure(tablet, "Nils " + reading);
      ConsentSigningBrowserIT.signShownForm(tablet, "Nils " + reading);
      tablet.awaitText(title);
      String shownVersion = tablet.find(By.cssSelector(".consent-version")).getText();

      try (Browser owner = Browser.open(clinic)) {
        LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
        owner.visit("/owner/consent-forms.xhtml");
        owner.click(By.linkText(title));
        owner.awaitPath("/owner/consent-form.xhtml");
        String body = owner.find(By.id("form:body")).getAttribute("value");
        owner.type(
            "form:body",
            body
                + "\n\n## Aftercare\n\nDrink water and rest. <script>window.injected = true;</script>");
        owner
            .find(By.id("form:requiresReconsent"))
            .findElement(By.cssSelector(".ui-chkbox-box"))
            .click();
        owner.submit("form:publish");
        owner.awaitText("Version 2 of \"" + title + "\" is published.");
      }
      assertTrue(AuditRows.count(clinic, "PUBLISH", "owner", null) >= 2);

      ConsentSigningBrowserIT.signShownForm(tablet, "Nils " + reading);
      tablet.awaitText("The clinic updated this form while you were reading it.");
      assertFalse(
          shownVersion.equals(tablet.find(By.cssSelector(".consent-version")).getText()),
          "the new version is shown");
      tablet.awaitText("Drink water and rest. <script>");
      assertNull(
          tablet.script("return window.injected;"), "form text cannot run script on the tablet");

      ConsentSigningBrowserIT.signShownForm(tablet, "Nils " + reading);
      tablet.awaitText("Thank you, Nils");
      ConsentSigningBrowserIT.unlock(tablet);
      assertTrue(
          tablet.driver().findElements(By.id("consentGate")).isEmpty(),
          "Nils signed the new version");

      tablet.visit("/staff/clients/client.xhtml?id=" + earlierId);
      String gate = tablet.find(By.id("consentGate")).getText();
      assertTrue(
          gate.contains(
              "\"" + title + "\" has a new version 2 that requires the client to consent again"),
          gate);
    } finally {
      try (Browser owner = Browser.open(clinic)) {
        LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
        owner.visit("/owner/consent-forms.xhtml");
        owner.click(By.linkText(title));
        owner.awaitPath("/owner/consent-form.xhtml");
        owner.find(By.id("settings:active")).findElement(By.cssSelector(".ui-chkbox-box")).click();
        owner.submit("settings:saveSettings");
        owner.awaitText("The form's settings were saved.");
      }
    }
  }

  @Test
  void aFormThatAsksForAWitnessIsCountersignedByStaffOnTheTablet() {
    String last = Names.uniqueSurname("Lx");
    String title = "Consent to photographs for the record " + last;
    try (Browser owner = Browser.tablet(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/consent-form.xhtml");
      owner.submit("form:publish");
      owner.awaitText("Enter the title.");
      assertTrue(owner.text().contains("Add at least one acknowledgement"));
      owner.type("form:title", title);
      owner.type("form:body", "We may photograph your **posture** to compare it over time.");
      owner.type("form:acknowledgements", "I agree to posture photographs.");
      owner.type("form:validityMonths", "24");
      owner
          .find(By.id("form:requiresWitness"))
          .findElement(By.cssSelector(".ui-chkbox-box"))
          .click();
      owner.submit("form:publish");
      owner.awaitText("Version 1 of \"" + title + "\" is published.");

      long clientId = ConsentSigningBrowserIT.register(owner, "Tor", last, "1988-08-08");
      ConsentSigningBrowserIT.signEverything(owner, "Tor " + last);
      openConsentsTab(owner, clientId);
      owner.click(
          By.xpath(
              "//li[contains(., '" + title + "')]//button[contains(., 'Sign on the tablet')]"));
      owner.awaitPath("/kiosk/consent.xhtml");
      owner.awaitText(title);
      owner.awaitText("posture");
      ConsentSigningBrowserIT.tickAll(owner);
      owner.type("consent:typedName", "Tor " + last);
      ConsentSigningBrowserIT.sign(owner, SIGNATURE);
      owner.tap(By.id("consent:sign"));
      owner.awaitText("who will witness your signature");
      owner.type("consent:witnessUsername", "frontdesk");
      owner.type("consent:witnessPassword", "wrong password entirely");
      owner.tap(By.id("consent:countersign"));
      owner.awaitText("wrong");
      owner.type("consent:witnessUsername", "frontdesk");
      owner.type("consent:witnessPassword", PASSWORD);
      owner.tap(By.id("consent:countersign"));
      owner.awaitText("Thank you, Tor");
      ConsentSigningBrowserIT.unlock(owner);

      openConsentsTab(owner, clientId);
      owner.click(By.linkText(title));
      owner.awaitPath("/staff/consents/consent.xhtml");
      assertTrue(
          owner.find(By.id("witness")).getText().contains("frontdesk"),
          owner.find(By.id("evidence")).getText());
      assertTrue(owner.find(By.id("consentStatus")).getText().contains("Valid"));
      assertTrue(owner.find(By.id("evidenceHash")).getText().matches("[0-9a-f]{64}"));
      assertTrue(owner.driver().findElements(By.id("tampered")).isEmpty());
      Object width =
          owner.script(
              "var i = document.getElementById('signatureImage'); return i.complete ? i.naturalWidth : -1;");
      assertTrue(((Number) width).intValue() > 100, "the stored signature image loads");
      assertTrue(AuditRows.count(clinic, "WITNESS", "frontdesk", null) >= 1);
    }
  }
}
