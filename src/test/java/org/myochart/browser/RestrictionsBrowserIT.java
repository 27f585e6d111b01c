package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A physician's restriction reaches the note on the tablet: recorded on the client's page, shown
 * among the note's cautions with the intake's medications, marking the rows it concerns, and
 * overridden at signing only with a reason that the signed note and its sealed PDF show.
 */
@ResourceLock(SharedDemoData.JONAS_SESSIONS)
class RestrictionsBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final String FORM = "profile:tabs:restriction:";
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static void openRestrictions(Browser tablet, long client) {
    tablet.visit("/staff/clients/client.xhtml?id=" + client);
    tablet.click(By.linkText("Clearances and restrictions"));
    tablet.awaitText("Record a restriction");
  }

  @Test
  void aRestrictionFromTheClearanceMarksTheRowsItConcernsAndSigningItNeedsAReason()
      throws Exception {
    long jonas = SoapNoteBrowserIT.clientIdFor(clinic, "Lindqvist");
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("therapist2", PASSWORD);
      openRestrictions(tablet, jonas);
      String list = tablet.find(By.id("profile:tabs:restrictionList")).getText();
      assertTrue(
          list.contains("Neck (cervical): no pressure firmer than moderate")
              && list.contains("Clearance by Dr. Erik Moe")
              && list.contains("In force"),
          "the physician's words from the demo clearance: " + list);

      // A refusal keeps what was typed and says what is missing, next to the field.
      tablet.type(FORM + "reason", "Client finds Thai stretches unsettling for now.");
      tablet.click(FORM + "recordRestriction");
      tablet.awaitText("Choose what the restriction rules out");
      assertEquals(
          "Client finds Thai stretches unsettling for now.",
          tablet.find(By.id(FORM + "reason")).getAttribute("value"));
      SoapNoteBrowserIT.selectOption(tablet, FORM + "technique", "thai-massage");
      tablet.click(FORM + "recordRestriction");
      tablet.awaitText("Anywhere: no Thai massage, until further notice.");
      assertTrue(
          StoredRows.number(
                  clinic,
                  "select count(*) from audit_entry where action = 'CREATE'"
                      + " and record_type = 'Restriction' and actor = 'therapist2'"
                      + " and detail like ?",
                  "%Thai massage%")
              >= 1,
          "recording it is audited");

      SoapNoteBrowserIT.startSession(tablet, jonas);
      long noteId = SoapNoteBrowserIT.noteIdOf(tablet);
      String cautions = tablet.find(By.id("cautions")).getText();
      assertTrue(
          cautions.contains("Restriction: Neck (cervical): no pressure firmer than moderate")
              && cautions.contains("Dr. Erik Moe"),
          cautions);
      assertTrue(cautions.contains("Medication: Warfarin — Blood thinner"), cautions);

      tablet.click("note:addMuscle");
      tablet.waitFor().until(d -> !d.findElements(By.cssSelector(".muscle-row")).isEmpty());
      String muscleMenu = tablet.find(By.cssSelector(".muscle-row .row-muscle")).getAttribute("id");
      SoapNoteBrowserIT.selectOption(tablet, muscleMenu, "upper-trapezius");
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElements(By.cssSelector(".muscle-row .row-caution")).stream()
                      .anyMatch(c -> c.getText().contains("Restriction: Neck (cervical)")));
      assertTrue(
          !tablet
              .find(By.cssSelector(".muscle-row"))
              .getAttribute("class")
              .contains("row-breaks-restriction"),
          "moderate pressure is within the limit: named, not marked");
      WebElement pressure = tablet.find(By.cssSelector(".muscle-row div[id$='pressure']"));
      SoapNoteBrowserIT.selectOption(tablet, pressure.getAttribute("id"), "FIRM");
      tablet
          .waitFor()
          .until(
              d ->
                  d.findElement(By.cssSelector(".muscle-row"))
                      .getAttribute("class")
                      .contains("row-breaks-restriction"));

      SoapNoteBrowserIT.choose(tablet, "note:currentPain", "4");
      SoapNoteBrowserIT.choose(tablet, "note:painBefore", "4");
      SoapNoteBrowserIT.choose(tablet, "note:painAfter", "2");
      SoapNoteBrowserIT.choose(tablet, "note:tolerance", "Good");
      tablet.click("note:openSign");
      tablet.awaitText("This note breaks a restriction in force on the session's day");
      tablet.type("note:password", PASSWORD);
      tablet.click("note:sign");
      tablet.awaitText("give a reason for overriding");
      tablet.click("note:openSign");
      tablet.type(
          "note:override", "Firm work on the upper trapezius only, at the client's request.");
      tablet.type("note:password", PASSWORD);
      tablet.click("note:sign");
      tablet.awaitText("The note is signed and locked.");
      assertTrue(
          tablet.find(By.id("overridden")).getText().contains("at the client's request"),
          "the signed note shows the override");

      String cookie = "JSESSIONID=" + tablet.sessionCookie();
      byte[] pdf =
          Http.sendBytes(
                  HttpRequest.newBuilder(clinic.uri("/clinical/notes/pdf?id=" + noteId))
                      .header("Cookie", cookie))
              .body();
      assertTrue(SealedPdfs.signatureValid(pdf));
      String text = SealedPdfs.text(pdf);
      assertTrue(text.contains("Restrictions overridden"), text);
      assertTrue(text.contains("at the client's request"), text);
      assertEquals(
          1,
          StoredRows.number(
              clinic,
              "select count(*) from audit_entry where action = 'SIGN' and record_id = ?"
                  + " and detail like '%restrictionsOverridden%'",
              String.valueOf(noteId)),
          "the signature's audit entry names the override");

      // Ending one early needs a reason and keeps it on record.
      openRestrictions(tablet, jonas);
      WebElement end =
          tablet.find(
              By.xpath(
                  "//tr[contains(., 'no Thai massage')]//button[contains(@id, 'endRestriction')]"));
      tablet.click(By.id(end.getAttribute("id")));
      tablet.click("profile:tabs:restrictionEnd:confirmEnd");
      tablet.awaitText("Say why the restriction ends early.");
      assertTrue(
          tablet
              .find(By.id("profile:tabs:restrictionEnd:reason"))
              .findElement(By.xpath(".."))
              .getText()
              .contains("Say why the restriction ends early."),
          "the message stands next to its field");
      tablet.type("profile:tabs:restrictionEnd:reason", "Client asked to try Thai massage again.");
      tablet.click("profile:tabs:restrictionEnd:confirmEnd");
      tablet.awaitText("Client asked to try Thai massage again.");
      assertTrue(tablet.text().contains("Ended early by therapist2"), tablet.text());
      List<WebElement> rows =
          tablet.driver().findElements(By.xpath("//tr[contains(., 'no Thai massage')]"));
      assertEquals(1, rows.size(), "ended, not deleted");
    }
  }
}
