package org.myochart.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.FhirValidation;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;

/** "Export for physician (FHIR)" on the client's page saves the client's Bundle as a file. */
@ResourceLock(SharedDemoData.FHIR_EXPORTS)
class FhirExportBrowserIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static long exportsBy(String actor, long clientId) {
    return StoredRows.count(
        clinic,
        "audit_entry",
        "action = 'EXPORT' and record_type = 'FhirBundle' and actor = ? and record_id = ?",
        actor,
        Long.toString(clientId));
  }

  @Test
  void aTherapistClicksExportForPhysicianAndGetsAValidBundleOfTheClient() throws Exception {
    long anna =
        StoredRows.number(clinic, "select min(id) from client where last_name = 'Bergström'");
    long before = exportsBy("therapist1", anna);
    Path downloads = Files.createTempDirectory("myochart-fhir-download");
    try (Browser therapist = Browser.open(clinic)) {
      ((ChromiumDriver) therapist.driver())
          .executeCdpCommand(
              "Browser.setDownloadBehavior",
              Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      LoginScreen.open(therapist).signInAndWait("therapist1", PASSWORD);
      therapist.visit("/staff/clients/client.xhtml?id=" + anna);
      var button = therapist.find(By.xpath("//*[@id='profile:fhirExport']/descendant-or-self::a"));
      assertEquals("Export for physician (FHIR)", button.getText().strip());

      button.click();

      Path file = downloads.resolve("client-" + anna + ".fhir.json");
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
      String json = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(List.of(), FhirValidation.errors(json));
      Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
      Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
      assertEquals("Bergström", patient.getNameFirstRep().getFamily());
      assertTrue(
          bundle.getEntry().stream()
              .anyMatch(e -> e.getResource().fhirType().equals("Composition")),
          "Anna's signed notes are in it");
      assertEquals(before + 1, exportsBy("therapist1", anna), "the download is audited");
    }
  }

  @Test
  void theFrontDeskDoesNotSeeTheExport() {
    long anna =
        StoredRows.number(clinic, "select min(id) from client where last_name = 'Bergström'");
    try (Browser desk = Browser.open(clinic)) {
      LoginScreen.open(desk).signInAndWait("frontdesk", PASSWORD);
      desk.visit("/staff/clients/client.xhtml?id=" + anna);
      desk.find(By.id("profile:edit"));

      assertTrue(desk.driver().findElements(By.id("profile:fhirExport")).isEmpty());
    }
  }
}
