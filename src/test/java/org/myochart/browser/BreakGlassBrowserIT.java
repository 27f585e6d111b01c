package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Break-glass in the demo clinic: therapist2 opens Anna, therapist1's client, only after giving a
 * reason; the owner finds the access on the dashboard and marks it reviewed.
 */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class BreakGlassBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static final String SCREEN_TEXT =
      "Anna Bergström is not in your caseload. To open their clinical record, give a reason"
          + " (this is recorded and shown to the owner).";
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** The newest signed note: another test may have left a draft beside it. */
  private static long newestNoteOf(long clientId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select max(id) from soap_note where client_id = ? and status = 'SIGNED'")) {
      query.setLong(1, clientId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long grantOf(String therapist, long clientId, String reason) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select id from break_glass_grant where therapist = ? and client_id = ? and reason = ?")) {
      query.setString(1, therapist);
      query.setLong(2, clientId);
      query.setString(3, reason);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    }
  }

  private static String breakGlassDetail(long clientId) throws SQLException {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement(
                "select detail from audit_entry where action = 'BREAK_GLASS' and actor = 'therapist2' and record_id = ? order by id desc")) {
      query.setString(1, Long.toString(clientId));
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : "";
      }
    }
  }

  /** Lets therapist2's access to the client run out, as it does eight hours after the reason. */
  private static void expireGrants(long clientId) throws SQLException {
    Instant given = Instant.now().minus(Duration.ofHours(9));
    try (Connection db = clinic.database();
        PreparedStatement update =
            db.prepareStatement(
                "update break_glass_grant set granted_at = ?, expires_at = ? where therapist = 'therapist2' and client_id = ?")) {
      update.setTimestamp(1, Timestamp.from(given));
      update.setTimestamp(2, Timestamp.from(given.plus(Duration.ofHours(8))));
      update.setLong(3, clientId);
      update.executeUpdate();
    }
  }

  private static HttpResponse<String> notesApi(long clientId) {
    return Http.get(clinic.uri("/api/v1/clients/" + clientId + "/notes"), "therapist2", PASSWORD);
  }

  @Test
  void aTherapistOpensAColleaguesClientOnlyWithAReasonAndTheOwnerReviewsIt() throws Exception {
    long anna = SoapNoteBrowserIT.clientIdFor(clinic, "Bergström");
    long note = newestNoteOf(anna);
    String reason =
        "Covering for Tomás today; Anna called about neck pain after her last session ("
            + UUID.randomUUID().toString().substring(0, 6)
            + ")";
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null);
    int breakGlass = AuditRows.count(clinic, "BREAK_GLASS", "therapist2", Long.toString(anna));

    HttpResponse<String> refused = notesApi(anna);
    assertEquals(403, refused.statusCode(), refused.body());
    String message = Http.json(refused).getString("message");
    assertTrue(
        message.contains("Anna Bergström (client " + anna + ") is not in your caseload"), message);
    assertTrue(
        message.contains("Open the client in MyoChart and give a reason there (break-glass)"),
        message);
    assertEquals(
        403, Http.get(clinic.uri("/api/v1/notes/" + note), "therapist2", PASSWORD).statusCode());
    assertEquals(denied + 2, AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", null));
    assertEquals(
        200,
        Http.get(clinic.uri("/api/v1/clients/" + anna + "/notes"), "therapist1", PASSWORD)
            .statusCode(),
        "Anna is in therapist1's caseload");

    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist2", PASSWORD);
      therapist.visit("/staff/clients/client.xhtml?id=" + anna);
      therapist.awaitText(SCREEN_TEXT);
      assertTrue(
          therapist
              .driver()
              .findElements(
                  By.xpath("//li[contains(@class,'ui-tabs-header')][contains(., 'Health intake')]"))
              .isEmpty(),
          "no clinical tabs before a reason");
      assertTrue(therapist.text().contains("+47 912 34 567"), "the details stay readable");
      ClientRecordBrowserIT.screenshot(therapist, "break-glass-profile");

      therapist.visit("/clinical/note.xhtml?id=" + note);
      therapist.awaitPath("/clinical/break-glass.xhtml");
      therapist.awaitText(SCREEN_TEXT);
      therapist.click("breakGlass:cancel");
      therapist.awaitPath("/staff/clients/client.xhtml");

      therapist.visit("/clinical/intake.xhtml?client=" + anna);
      therapist.awaitPath("/clinical/break-glass.xhtml");
      therapist.visit("/clinical/note.xhtml?id=" + note);
      therapist.awaitPath("/clinical/break-glass.xhtml");
      therapist.submit("breakGlass:open");
      therapist.awaitText("Give a reason for opening this clinical record.");
      therapist.type("breakGlass:reason", "   because   ");
      therapist.submit("breakGlass:open");
      therapist.awaitText(
          "The reason must have at least 10 characters; say why you need this record.");
      assertEquals(
          breakGlass,
          AuditRows.count(clinic, "BREAK_GLASS", "therapist2", Long.toString(anna)),
          "nothing recorded yet");

      therapist.type("breakGlass:reason", reason);
      therapist.submit("breakGlass:open");
      therapist.awaitPath("/clinical/note.xhtml");
      therapist.awaitText("The clinical record is open to you until");
      therapist.awaitText("Tomás Reyes, LMT");
      assertEquals(
          breakGlass + 1,
          AuditRows.count(clinic, "BREAK_GLASS", "therapist2", Long.toString(anna)));
      assertTrue(breakGlassDetail(anna).contains(reason), breakGlassDetail(anna));
      assertTrue(
          AuditRows.count(clinic, "VIEW", "therapist2", Long.toString(note)) >= 1,
          "the note's reading is audited");

      therapist.visit("/staff/clients/client.xhtml?id=" + anna + "&tab=sessions");
      therapist.awaitText("Treatment plan");
      assertTrue(
          therapist.find(By.id("profile:tabs:notes")).getText().contains("Tomás Reyes, LMT"));
      assertTrue(
          therapist.driver().findElements(By.id("breakGlass:reason")).isEmpty(),
          "no second reason needed");
      assertTrue(
          therapist
              .find(By.id("breakGlassNotice"))
              .getText()
              .contains("this clinical record is open to you until"));
      assertEquals(200, notesApi(anna).statusCode(), "the access holds for the API too");
    }

    long grant = grantOf("therapist2", anna, reason);
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      WebElement tile = owner.find(By.id("breakGlassTile"));
      assertTrue(tile.getText().contains("Break-glass access"), tile.getText());
      assertTrue(
          Integer.parseInt(owner.find(By.id("breakGlassTile:breakGlassCount")).getText()) >= 1);
      WebElement row =
          owner.find(
              By.xpath(
                  "//*[@id='breakGlassTile:breakGlassEntries']//tr[contains(., '"
                      + reason
                      + "')]"));
      assertTrue(
          row.getText().contains("therapist2") && row.getText().contains("Anna Bergström"),
          row.getText());
      assertTrue(
          owner
              .driver()
              .findElement(By.xpath("//*[@id='breakGlassTile:breakGlassEntries']//tbody/tr[1]"))
              .getText()
              .contains(reason),
          "newest first");
      ClientRecordBrowserIT.screenshot(owner, "break-glass-dashboard");
      owner.click(
          row.findElement(By.xpath(".//button[contains(@id,'markReviewed')]")).getAttribute("id"));
      owner.awaitText("Reviewed by owner");
      assertEquals(
          1, AuditRows.count(clinic, "CHANGE", "owner", "BreakGlassGrant", Long.toString(grant)));
      WebElement link =
          owner.find(
              By.xpath(
                  "//*[@id='breakGlassTile:breakGlassEntries']//tr[contains(., '"
                      + reason
                      + "')]//a"));
      assertTrue(
          link.getAttribute("href").endsWith("/staff/clients/client.xhtml?id=" + anna),
          link.getAttribute("href"));
    } finally {
      expireGrants(anna);
    }

    assertEquals(403, notesApi(anna).statusCode(), "after eight hours the access has ended");
    try (Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(therapist).signInAndWait("therapist2", PASSWORD);
      therapist.visit("/staff/clients/client.xhtml?id=" + anna);
      therapist.awaitText(SCREEN_TEXT);
    }
  }
}
