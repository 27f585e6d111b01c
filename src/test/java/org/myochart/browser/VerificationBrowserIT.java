package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.record.SigningIdentity;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;

/**
 * The owner verifies a sealed PDF on the owner's page, switches on the auditors' page, an anonymous
 * visitor verifies there without seeing any name, and after switching off it is gone.
 */
@ResourceLock(SharedDemoData.VERIFICATION)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class VerificationBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  /** The first sealed SOAP note of the demo clinic, as the owner downloads it. */
  static long firstNoteId() throws SQLException {
    try (Connection db = clinic.database();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select record_id from sealed_record where record_type = 'SoapNote' order by id")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static Path notePdf(Path folder, long noteId) throws Exception {
    HttpResponse<byte[]> pdf =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/notes/" + noteId + "/pdf"))
                .header("Authorization", Http.basic("owner", PASSWORD))
                .GET());
    assertEquals(200, pdf.statusCode());
    Path file = folder.resolve("note-" + noteId + ".pdf");
    Files.write(file, pdf.body());
    return file;
  }

  @Test
  void theOwnerVerifiesAStoredNoteAndSeesItInPlainWords(@TempDir Path folder) throws Exception {
    long noteId = firstNoteId();
    Path file = notePdf(folder, noteId);
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.submit("navVerify");
      owner.awaitPath("/owner/verify.xhtml");
      owner.find(By.id("verify:file")).sendKeys(file.toString());
      owner.submit("verify:check");

      owner.awaitText("This is the record as we sealed it");
      String answer = owner.find(By.id("answer")).getText();
      assertTrue(answer.contains("Sealed by this clinic's key"), answer);
      assertTrue(answer.contains("Signature mathematically valid"), answer);
      assertTrue(answer.contains("Unchanged since signing"), answer);
      assertTrue(answer.contains("Matches our stored copy byte for byte"), answer);
      assertTrue(answer.contains("Sealed by: Harbourside Migraine Massage records seal"), answer);
      assertEquals("SOAP note " + noteId, owner.find(By.id("recordLink")).getText());
      assertTrue(
          owner
              .find(By.id("recordLink"))
              .getAttribute("href")
              .contains("/clinical/note.xhtml?id=" + noteId));

      byte[] tampered = Files.readAllBytes(file);
      tampered[tampered.length / 2] ^= 0x01;
      Path changed = Files.write(folder.resolve("changed.pdf"), tampered);
      owner.find(By.id("verify:file")).sendKeys(changed.toString());
      owner.submit("verify:check");
      owner.awaitText("Doubts about this file");
      String doubts = owner.find(By.id("answer")).getText();
      assertFalse(doubts.contains("Matches our stored copy"), doubts);
      assertTrue(doubts.contains("Does not match any copy we stored"), doubts);
    }
  }

  @Test
  void aCopyResealedWithAKeyThatCopiesTheClinicsNameIsShownInRedAsNotTheClinics(
      @TempDir Path folder) throws Exception {
    long noteId = firstNoteId();
    byte[] genuine = Files.readAllBytes(notePdf(folder, noteId));
    Path resealed =
        Files.write(
            folder.resolve("resealed.pdf"),
            SealedPdfs.resealed(
                genuine,
                SigningIdentity.selfSigned("Harbourside Migraine Massage", Instant.now()),
                "Harbourside Migraine Massage"));
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/verify.xhtml");
      String published = owner.find(By.id("sealCertificates")).getText();
      assertTrue(
          published.contains(SealedPdfs.signingCertificateSha256(genuine)),
          "the owner's page lists the clinic's certificate: " + published);
      owner.find(By.id("verify:file")).sendKeys(resealed.toString());
      owner.submit("verify:check");

      owner.awaitText("Doubts about this file");
      var clinicLine = owner.find(By.id("clinicLine"));
      assertTrue(
          clinicLine.getText().startsWith("NOT sealed by this clinic"), clinicLine.getText());
      assertEquals("rgba(162, 59, 42, 1)", clinicLine.getCssValue("color"));
      String answer = owner.find(By.id("answer")).getText();
      assertTrue(answer.contains("Sealed by: Harbourside Migraine Massage records seal"), answer);
      assertTrue(
          owner.find(By.id("answerMessage")).getText().startsWith("Not sealed by this clinic"),
          answer);
    }
  }

  @Test
  void auditorsVerifyWithoutSignInOnlyWhileTheOwnerAllowsIt(@TempDir Path folder) throws Exception {
    long noteId = firstNoteId();
    Path file = notePdf(folder, noteId);
    assertEquals(
        404,
        Http.get(clinic.uri("/verify.xhtml")).statusCode(),
        "off until the owner switches it on");
    int switched = AuditRows.count(clinic, "CHANGE", "owner", "public-verification");
    try (Browser owner = Browser.open(clinic);
        Browser auditor = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/owner/verify.xhtml");
      owner.submit("publicOption:allowPublic");
      owner.awaitText("Auditors can verify PDFs without signing in");
      assertEquals(switched + 1, AuditRows.count(clinic, "CHANGE", "owner", "public-verification"));

      auditor.visit("/verify.xhtml");
      auditor.find(By.id("verify:file")).sendKeys(file.toString());
      auditor.submit("verify:check");
      auditor.awaitText("This is the record as the clinic sealed it");
      String page = auditor.text();
      assertTrue(page.contains("Sealed by this clinic's key"), page);
      String fingerprint = SealedPdfs.signingCertificateSha256(Files.readAllBytes(file));
      assertTrue(
          auditor.find(By.id("sealCertificates")).getText().contains(fingerprint),
          "the clinic's fingerprints are published on the auditors' page");
      assertTrue(page.contains("Unchanged since signing"), page);
      assertTrue(page.contains("Matches the clinic's stored copy byte for byte"), page);
      assertTrue(page.contains("Record: SOAP note " + noteId), page);
      for (String name :
          new String[] {"Bergström", "Lindqvist", "Anna", "Jonas", "Tomás", "Ingrid"}) {
        assertFalse(page.contains(name), "the public page shows no names: " + name);
      }
      assertTrue(AuditRows.count(clinic, "VERIFY", "anonymous", "SoapNote:" + noteId) >= 1);

      owner.visit("/owner/verify.xhtml");
      owner.submit("publicOption:stopPublic");
      owner.awaitText("Off: only you can verify PDFs here");
      assertEquals(404, Http.get(clinic.uri("/verify.xhtml")).statusCode());
    }
  }

  @Test
  void theChartPdfButtonIsOnTheProfileForTheOwnerOnly() throws Exception {
    long anna;
    try (Connection db = clinic.database();
        ResultSet rows =
            db.createStatement()
                .executeQuery("select id from client where last_name = 'Bergström'")) {
      rows.next();
      anna = rows.getLong(1);
    }
    try (Browser owner = Browser.open(clinic);
        Browser therapist = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.visit("/staff/clients/client.xhtml?id=" + anna);
      var button = owner.find(By.xpath("//*[@id='profile:chartPdf']/descendant-or-self::a"));
      assertEquals("Download chart PDF", button.getText().strip());
      String href = button.getAttribute("href");
      assertTrue(href.endsWith("/owner/chart-pdf?client=" + anna), href);
      HttpResponse<byte[]> pdf =
          Http.sendBytes(
              HttpRequest.newBuilder(java.net.URI.create(href))
                  .header("Cookie", "JSESSIONID=" + owner.sessionCookie())
                  .GET());
      assertEquals(200, pdf.statusCode());
      assertEquals(
          "%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));

      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      therapist.visit("/staff/clients/client.xhtml?id=" + anna);
      therapist.find(By.id("profile:edit"));
      assertTrue(therapist.driver().findElements(By.id("profile:chartPdf")).isEmpty());
    }
  }
}
