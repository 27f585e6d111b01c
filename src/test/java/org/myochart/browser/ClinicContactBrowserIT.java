package org.myochart.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.StoredRows;

/**
 * The owner keeps the clinic's address, phone and licences; records sealed afterwards print them.
 */
class ClinicContactBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  @Test
  void theOwnersClinicDetailsHeadEveryRecordSealedAfterwards() throws Exception {
    long changesBefore =
        StoredRows.count(
            clinic, "audit_entry", "record_type = 'ClinicContact' and action = 'CHANGE'");
    try (Browser owner = Browser.open(clinic)) {
      LoginScreen.open(owner).signInAndWait("owner", PASSWORD);
      owner.click("navClinic");
      owner.awaitPath("/owner/clinic.xhtml");

      // A refused value keeps everything typed and says which field and why.
      owner.type("contact:address", "Strandgata 4, 5013 Bergen");
      owner.type("contact:phone", "+47 55 00 00 00");
      owner.type("contact:licences", "L".repeat(201));
      owner.click("contact:save");
      owner.awaitText("200");
      assertEquals(
          "Strandgata 4, 5013 Bergen",
          owner.find(org.openqa.selenium.By.id("contact:address")).getAttribute("value"));

      owner.type("contact:licences", "Massage therapy licence NO-MT 2231");
      owner.click("contact:save");
      owner.awaitText("Saved. Records sealed from now on print:");
      assertTrue(
          owner
              .find(org.openqa.selenium.By.id("letterhead"))
              .getText()
              .contains(
                  "Harbourside Migraine Massage · Strandgata 4, 5013 Bergen · phone +47 55 00 00 00"
                      + " · Massage therapy licence NO-MT 2231"));
    }
    assertEquals(
        changesBefore + 1,
        StoredRows.count(
            clinic, "audit_entry", "record_type = 'ClinicContact' and action = 'CHANGE'"));

    long client =
        Http.json(
                Http.postJson(
                    clinic.uri("/api/v1/clients"),
                    "frontdesk",
                    PASSWORD,
                    "{\"firstName\":\"Siv\",\"lastName\":\""
                        + Names.uniqueSurname("Head")
                        + "\",\"dateOfBirth\":\"1966-05-05\"}"))
            .getJsonNumber("id")
            .longValue();
    HttpResponse<byte[]> chart =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/clients/" + client + "/chart.pdf"))
                .header("Authorization", Http.basic("owner", PASSWORD)));
    assertEquals(200, chart.statusCode());
    String text = SealedPdfs.text(chart.body());
    assertTrue(text.contains("Strandgata 4, 5013 Bergen"), text);
    assertTrue(text.contains("phone +47 55 00 00 00"), text);
    assertTrue(SealedPdfs.signatureValid(chart.body()));
  }
}
