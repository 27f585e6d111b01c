package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.ExportArchives;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The owner's Exports page: ask for an export, watch it complete, download the archive. */
@ResourceLock(SharedDemoData.EXPORTS)
class ExportsBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static void pick(Browser browser, String id, LocalDate day) {
    browser.type(id, day.toString());
  }

  /** The owner asks for the FHIR Bundles too; the archive carries one per client, as NDJSON. */
  @Test
  void theOwnerStartsAnExportSeesItCompleteAndDownloadsTheArchive() throws Exception {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.click("navExports");
      browser.awaitPath("/owner/exports.xhtml");
      LocalDate today = LocalDate.now();
      pick(browser, "export:from", today.minusYears(1));
      pick(browser, "export:to", today);
      browser
          .find(By.id("export:fhirBundles"))
          .findElement(By.cssSelector(".ui-chkbox-box"))
          .click();
      browser.click("export:start");
      browser.awaitText("has started");
      assertTrue(browser.text().contains("with FHIR bundles"), browser.text());

      WebElement firstRow =
          browser
              .waitFor(Duration.ofSeconds(90))
              .until(
                  d -> {
                    WebElement row = d.findElement(By.cssSelector("#exports\\:list_data tr"));
                    return row.getText().contains("COMPLETED") ? row : null;
                  });
      assertTrue(firstRow.getText().contains("100%"), firstRow.getText());
      String href = firstRow.findElement(By.linkText("Download ZIP")).getAttribute("href");
      HttpResponse<byte[]> archive =
          Http.sendBytes(
              HttpRequest.newBuilder(java.net.URI.create(href))
                  .header("Cookie", "JSESSIONID=" + browser.sessionCookie()));
      assertEquals(200, archive.statusCode());
      assertTrue(
          archive.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
      ExportArchives.Contents contents =
          ExportArchives.read(new ByteArrayInputStream(archive.body()), 0);
      assertFalse(contents.recordFiles().isEmpty());
      assertEquals(contents.recordFiles().size(), contents.csv("manifest.csv").size());
      assertTrue(contents.manifestSignatureValid());
      long clients =
          contents.csv("manifest.csv").stream()
              .map(line -> line.get("client_id"))
              .distinct()
              .count();
      assertEquals(
          clients,
          contents.text("fhir/Bundle.ndjson").lines().count(),
          "one FHIR Bundle per client with a record in the export");
    }
  }

  @Test
  void aBackwardRangeIsRefusedNextToTheFieldAndNothingStarts() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/exports.xhtml");
      int rowsBefore =
          browser.driver().findElements(By.cssSelector("#exports\\:list_data tr[data-ri]")).size();
      pick(browser, "export:from", LocalDate.now().minusDays(2));
      pick(browser, "export:to", LocalDate.now().minusDays(9));
      browser.click("export:start");
      browser.awaitText("after it ends");
      assertTrue(
          browser
              .find(By.id("export:from"))
              .findElement(By.xpath(".."))
              .getText()
              .contains("after it ends"));
      assertEquals(
          rowsBefore,
          browser.driver().findElements(By.cssSelector("#exports\\:list_data tr[data-ri]")).size());
    }
  }

  @Test
  void aDateThatIsNotADateIsRefusedWithTheExpectedForm() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.visit("/owner/exports.xhtml");
      browser.type("export:from", "1.3.2026");
      browser.type("export:to", "2026-03-31");
      browser.click("export:start");
      browser.awaitText("Give the first day as YYYY-MM-DD");
    }
  }

  @Test
  void aTherapistCannotOpenTheExportsPageOrDownloadAnArchive() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("therapist1", PASSWORD);
      assertTrue(browser.driver().findElements(By.id("navExports")).isEmpty());
      String cookie = "JSESSIONID=" + browser.sessionCookie();
      assertEquals(
          403,
          Http.send(
                  HttpRequest.newBuilder(clinic.uri("/owner/exports.xhtml"))
                      .header("Cookie", cookie))
              .statusCode());
      assertEquals(
          403,
          Http.send(
                  HttpRequest.newBuilder(clinic.uri("/owner/exports/archive?id=1"))
                      .header("Cookie", cookie))
              .statusCode());
    }
  }

  @Test
  void badArchiveAddressesGetClearAnswers() {
    try (Browser browser = Browser.open(clinic)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      String cookie = "JSESSIONID=" + browser.sessionCookie();
      assertEquals(
          400,
          Http.send(
                  HttpRequest.newBuilder(clinic.uri("/owner/exports/archive?id=abc"))
                      .header("Cookie", cookie))
              .statusCode());
      assertEquals(
          404,
          Http.send(
                  HttpRequest.newBuilder(clinic.uri("/owner/exports/archive?id=987654321"))
                      .header("Cookie", cookie))
              .statusCode());
    }
  }
}
