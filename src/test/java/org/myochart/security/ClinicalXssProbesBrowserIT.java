package org.myochart.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.security.XssProbesBrowserIT.DOLLAR_EL;
import static org.myochart.security.XssProbesBrowserIT.EL;
import static org.myochart.security.XssProbesBrowserIT.IMAGE;
import static org.myochart.security.XssProbesBrowserIT.LINK;
import static org.myochart.security.XssProbesBrowserIT.SCRIPT;
import static org.myochart.security.XssProbesBrowserIT.TEMPLATE;
import static org.myochart.security.XssProbesBrowserIT.assertInert;
import static org.myochart.security.XssProbesBrowserIT.clinicToday;
import static org.myochart.security.XssProbesBrowserIT.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.browser.PaperConsentScreen;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The clinical free text: a client's intake answers typed on the kiosk, every free-text field of a
 * SOAP note and an addendum, all full of probes. Every page that shows them renders them as typed,
 * no script runs, no expression is evaluated, and the sealed note and addendum PDFs carry the text
 * literally.
 */
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class ClinicalXssProbesBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  /** Every probe at once: 117 characters, so it fits the shortest note rows too. */
  private static final String ALL =
      SCRIPT + " " + IMAGE + " " + LINK + " " + TEMPLATE + " " + EL + " " + DOLLAR_EL;

  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** A probe that also says which field it was typed into, so each can be found on its own. */
  private static String probe(String field) {
    return field + ": " + ALL;
  }

  @Test
  void kioskAnswersNoteFieldsAndAnAddendumFullOfProbesAreShownAsTypedAndSealedLiterally()
      throws Exception {
    String lastName = Names.uniqueSurname("Xn");
    long client = XssProbesBrowserIT.hostileClient(clinic, lastName);
    recordPaperConsent(client, lastName);
    Map<String, String> kioskAnswers = answerTheIntakeOnTheKiosk(client);

    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      checkAndConfirmTheIntake(therapist, client, kioskAnswers);

      assertInert(therapist, "/clinical/session-start.xhtml?client=" + client);
      therapist.click(By.xpath("//*[@id='start:acute']//label[normalize-space(.)='No']"));
      therapist.click(By.xpath("//*[@id='start:changed']//label[normalize-space(.)='No']"));
      therapist.submit("start:startSession");
      therapist.awaitPath("/clinical/note.xhtml");
      long note =
          Long.parseLong(therapist.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
      String cautions = therapist.find(By.id("cautions")).getText();
      for (String field : List.of("skinCondition", "oilAllergy", "otherContraindications")) {
        assertTrue(
            cautions.contains(kioskAnswers.get(field) + " (checked)"),
            "intake caution shown as typed: " + cautions);
      }

      Map<String, String> written = writeTheNote(therapist);
      assertInert(therapist, "/clinical/note.xhtml?id=" + note);
      for (Map.Entry<String, String> field : written.entrySet()) {
        assertEquals(
            field.getValue(),
            therapist
                .find(
                    By.cssSelector(
                        "[id='note:" + field.getKey() + "'], [id$=':" + field.getKey() + "']"))
                .getAttribute("value"),
            "the draft's " + field.getKey() + " comes back as typed");
      }
      assertInert(therapist, "/clinical/notes.xhtml");
      assertTrue(
          therapist.find(By.id("mine")).getText().contains(IMAGE + " " + lastName),
          "the work list names the client as typed");

      therapist.visit("/clinical/note.xhtml?id=" + note);
      signTheNote(therapist);
      assertInert(therapist, "/clinical/note.xhtml?id=" + note);
      String content = therapist.find(By.id("noteContent")).getText();
      for (String typed : written.values()) {
        assertTrue(
            content.contains(typed), "the signed note shows " + typed + " literally: " + content);
      }

      String reason = "Reason " + ALL;
      String body = "Text " + ALL + "\n" + "[click](" + LINK + ")";
      therapist.type("addendum:reason", reason);
      therapist.type("addendum:body", body);
      therapist.type("addendum:password", PASSWORD);
      therapist.click("addendum:addAddendum");
      therapist.awaitText("The addendum is signed and added to the note.");
      assertInert(therapist, "/clinical/note.xhtml?id=" + note);
      String addenda = therapist.find(By.id("addenda")).getText();
      assertTrue(addenda.contains(reason) && addenda.contains(body), addenda);
      String addendumLink =
          therapist
              .find(By.xpath("//div[@class='addendum']//a[contains(., 'Signed PDF')]"))
              .getAttribute("href");
      long addendum = Long.parseLong(addendumLink.replaceAll(".*[?&]id=(\\d+).*", "$1"));

      assertInert(therapist, "/staff/clients/client.xhtml?id=" + client + "&tab=sessions");
      assertTrue(
          therapist.find(By.cssSelector("[id$=':notes']")).getText().contains("Signed"),
          "the session is listed");
      assertInert(therapist, "/staff/clients/client.xhtml?id=" + client + "&tab=outcomes");
      therapist.awaitText("What was used when");
      assertNull(therapist.script("return window.__xss"));

      try (Browser owner = Browser.open(clinic)) {
        LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
        assertInert(owner, "/owner/audit.xhtml?type=SoapNote&id=" + note);
        String trail =
            String.valueOf(
                owner.script(
                    "return Array.from(document.querySelectorAll('.audit-detail')).map(cell => cell.textContent).join('\\n')"));
        for (String probe :
            List.of(SCRIPT, "<img src=x onerror=window.__xss=1>", LINK, TEMPLATE, EL, DOLLAR_EL)) {
          assertTrue(
              trail.contains(probe),
              "the note's audit history shows " + probe + " as typed: " + trail);
        }
      }

      WebSession reader = WebSession.signedIn(clinic, "therapist1", PASSWORD);
      String notePdf =
          withoutSpaces(SealedPdfs.text(pdf(reader, "/clinical/notes/pdf?id=" + note)));
      for (String typed : written.values()) {
        assertTrue(
            notePdf.contains(withoutSpaces(typed)),
            "the sealed note carries " + typed + " literally: " + notePdf);
      }
      assertTrue(
          notePdf.contains(withoutSpaces(IMAGE + " " + lastName)),
          "the client's name as typed: " + notePdf);
      String addendumPdf =
          withoutSpaces(SealedPdfs.text(pdf(reader, "/clinical/addenda/pdf?id=" + addendum)));
      assertTrue(
          addendumPdf.contains(withoutSpaces(reason)) && addendumPdf.contains(withoutSpaces(body)),
          addendumPdf);
    }
  }

  private static void recordPaperConsent(long client, String lastName) throws Exception {
    Path scan = Files.createTempFile("scan", ".pdf");
    Files.writeString(scan, "%PDF-1.4\n% a scanned page\n");
    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      PaperConsentScreen.open(desk, client)
          .recordFullyAccepted(clinicToday(), IMAGE + " " + lastName, scan);
    } finally {
      Files.deleteIfExists(scan);
    }
  }

  /** The client answers every free-text question of the intake with probes; no red flags. */
  private static Map<String, String> answerTheIntakeOnTheKiosk(long client) {
    Map<String, String> answers = new LinkedHashMap<>();
    try (Browser tablet = Browser.tablet(clinic)) {
      LoginScreen.open(tablet).signInAndWait("frontdesk", PASSWORD);
      tablet.visit("/staff/clients/client.xhtml?id=" + client);
      tablet.tap(By.id("startKioskIntake"));
      tablet.awaitPath("/kiosk/intake.xhtml");
      tablet.awaitText("Step 1 of 6");
      for (WebElement no :
          tablet
              .driver()
              .findElements(
                  By.xpath(
                      "//div[contains(@class,'kiosk-question')]//div[contains(@class,'ui-button')][normalize-space(.)='No']"))) {
        tablet.tap(no);
      }
      next(tablet, "Step 2 of 6");
      tablet.type("kiosk:headacheDaysPerMonth", "6");
      tablet.type("kiosk:usualDurationHours", "10");
      tablet.tap(By.xpath("//div[contains(@class,'kiosk-scale')]//div[normalize-space(.)='6']"));
      next(tablet, "Step 3 of 6");
      type(tablet, answers, "kiosk:", "triggers");
      tablet.tap(
          By.xpath(
              "//*[@id='kiosk:diagnosed']//div[contains(@class,'ui-button')][normalize-space(.)='Yes']"));
      String diagnosedWhen = IMAGE + " " + EL + " " + TEMPLATE;
      tablet.type("kiosk:diagnosedWhen", diagnosedWhen);
      answers.put("diagnosedWhen", diagnosedWhen);
      next(tablet, "Step 4 of 6");
      tablet.tap(By.id("kiosk:addMedication"));
      String medication = "Medication " + ALL;
      tablet.type(
          tablet.find(By.cssSelector("input[placeholder='Name']")).getAttribute("id"), medication);
      answers.put("medicationName", medication);
      next(tablet, "Step 5 of 6");
      type(tablet, answers, "kiosk:", "skinCondition");
      type(tablet, answers, "kiosk:", "oilAllergy");
      type(tablet, answers, "kiosk:", "otherContraindications");
      next(tablet, "Step 6 of 6");
      tablet.tap(By.id("kiosk:back"));
      tablet.awaitText("Step 5 of 6");
      for (String field : List.of("skinCondition", "oilAllergy", "otherContraindications")) {
        assertEquals(
            answers.get(field),
            tablet.find(By.id("kiosk:" + field)).getAttribute("value"),
            "the kiosk shows it again as typed");
      }
      assertNull(tablet.script("return window.__xss"));
      next(tablet, "Step 6 of 6");
      tablet.tap(By.id("kiosk:send"));
      tablet.awaitText("Your answers have been sent to your therapist.");
      assertNull(tablet.script("return window.__xss"));
      tablet.click(By.cssSelector(".kiosk-staff summary"));
      tablet.type("kiosk:staffPassword", PASSWORD);
      tablet.tap(By.id("kiosk:unlock"));
      tablet.awaitPath("/staff/clients/client.xhtml");
    }
    return answers;
  }

  private static void next(Browser tablet, String step) {
    tablet.tap(By.id("kiosk:next"));
    tablet.awaitText(step);
  }

  private static void type(Browser browser, Map<String, String> typed, String form, String field) {
    String value = probe(field);
    browser.type(form + field, value);
    typed.put(field, value);
  }

  /**
   * The intake page shows the kiosk's answers as typed in its fields; the therapist confirms each,
   * and the profile's intake history shows every answer before and after.
   */
  private static void checkAndConfirmTheIntake(
      Browser therapist, long client, Map<String, String> kioskAnswers) {
    assertInert(therapist, "/clinical/intake.xhtml?client=" + client);
    for (Map.Entry<String, String> answer : kioskAnswers.entrySet()) {
      String id =
          therapist
              .find(
                  By.cssSelector(
                      "[id='intake:" + answer.getKey() + "'], [id$=':" + answer.getKey() + "']"))
              .getAttribute("id");
      assertEquals(
          answer.getValue(),
          therapist.find(By.id(id)).getAttribute("value"),
          answer.getKey() + " comes back as typed");
      therapist.type(id, answer.getValue() + " (checked)");
    }
    therapist.submit("intake:save");
    therapist.awaitPath("/staff/clients/client.xhtml");
    assertNull(therapist.script("return window.__xss"));

    assertInert(therapist, "/staff/clients/client.xhtml?id=" + client);
    therapist.click(
        By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., 'Health intake')]"));
    therapist.awaitText("Client on the tablet");
    String history = therapist.find(By.cssSelector("[id$='currentIntake']")).getText();
    for (String answer : kioskAnswers.values()) {
      assertTrue(
          history.contains(answer),
          "the kiosk's answer is shown as typed: " + answer + " in " + history);
      assertTrue(
          history.contains(answer + " (checked)"),
          "the confirmed answer is shown as typed: " + history);
    }
  }

  /**
   * Types a probe into every free-text field of the note and its rows; returns field id to text.
   */
  private static Map<String, String> writeTheNote(Browser therapist) {
    Map<String, String> written = new LinkedHashMap<>();
    therapist.click("note:protocol");
    therapist.awaitText("The migraine protocol rows were added.");
    for (String field :
        List.of(
            "triggers",
            "medicationSinceLast",
            "clientGoal",
            "clientWords",
            "posture",
            "palpationNotes",
            "romChange",
            "progress",
            "nextSession",
            "homeCare",
            "referralReason")) {
      type(therapist, written, "note:", field);
    }
    String appliedBy = IMAGE + " " + EL + " " + TEMPLATE;
    therapist.type(rowField(therapist, "appliedBy"), appliedBy);
    written.put("appliedBy", appliedBy);

    therapist.click("note:addTriggerPoint");
    String muscle = rowField(therapist, "tpMuscle");
    therapist.script(
        "var menu = PF('widget_' + arguments[0].replace(/[:\\-]/g, '_')); menu.selectValue('upper-trapezius');",
        muscle);
    row(therapist, written, "tpRefers");
    therapist.click("note:addAvoided");
    row(therapist, written, "area");
    row(therapist, written, "areaReason");
    therapist.click("note:addAdverse");
    row(therapist, written, "adverse");

    therapist.click("note:save");
    therapist.awaitText("Saved at");
    assertNull(therapist.script("return window.__xss"));
    return written;
  }

  private static void row(Browser therapist, Map<String, String> written, String field) {
    String value = probe(field);
    therapist.type(rowField(therapist, field), value);
    written.put(field, value);
  }

  /** The id of the first row field of that name (rows are numbered inside their repeat). */
  private static String rowField(Browser therapist, String field) {
    return therapist.find(By.cssSelector("[id$=':" + field + "']")).getAttribute("id");
  }

  private static void signTheNote(Browser therapist) {
    for (String[] answer :
        List.of(
            new String[] {"currentPain", "3"},
            new String[] {"painBefore", "3"},
            new String[] {"painAfter", "1"},
            new String[] {"tolerance", "Good"})) {
      WebElement button =
          therapist.find(
              By.xpath(
                  "//*[@id='note:"
                      + answer[0]
                      + "']//div[contains(@class,'ui-button')][normalize-space(.)='"
                      + answer[1]
                      + "']"));
      therapist.script("arguments[0].scrollIntoView({block: 'center'});", button);
      button.click();
    }
    therapist.click("note:openSign");
    therapist.type("note:password", PASSWORD);
    therapist.click("note:sign");
    therapist.awaitText("The note is signed and locked.");
    assertNull(therapist.script("return window.__xss"));
  }

  /** PDF text extraction breaks long lines wherever the layout wrapped them. */
  private static String withoutSpaces(String text) {
    return text.replaceAll("\\s+", "");
  }
}
