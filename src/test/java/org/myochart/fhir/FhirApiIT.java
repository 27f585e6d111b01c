package org.myochart.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.FhirValidation;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;
import org.myochart.testsupport.StoredRows;

/**
 * The FHIR export over HTTP against the running demo clinic: every demo client's Bundle passes
 * HAPI's validator against the R4 base specification without an error, and bad requests are refused
 * as the API refuses them elsewhere.
 */
@ResourceLock(SharedDemoData.THERAPIST2_ACCESS)
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
@ResourceLock(SharedDemoData.FHIR_EXPORTS)
class FhirApiIT {

  /** The clients {@code org.myochart.demo.DemoClients} creates, by surname. */
  private static final List<String> DEMO_CLIENTS =
      List.of("Bergström", "Lindqvist", "Haddad", "Brandt", "Pettersen", "Solberg");

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static long clientId(String lastName) {
    return StoredRows.number(clinic, "select min(id) from client where last_name = ?", lastName);
  }

  private static HttpResponse<String> fhir(long clientId, String user) {
    return Http.get(clinic.uri("/api/v1/clients/" + clientId + "/fhir"), user, PASSWORD);
  }

  private static long exports(long clientId) {
    return StoredRows.count(
        clinic,
        "audit_entry",
        "action = 'EXPORT' and record_type = 'FhirBundle' and record_id = ? and client_id = ?",
        Long.toString(clientId),
        clientId);
  }

  private static Bundle parse(String json) {
    return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
  }

  @Test
  void everyDemoClientsBundleValidatesWithoutErrorsAndEachExportIsAudited() {
    Set<String> types = new TreeSet<>();
    for (String lastName : DEMO_CLIENTS) {
      long id = clientId(lastName);
      long before = exports(id);

      HttpResponse<String> response = fhir(id, "owner");

      assertEquals(200, response.statusCode(), lastName + ": " + response.body());
      assertTrue(
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/fhir+json"),
          response.headers().toString());
      assertEquals(
          List.of(),
          FhirValidation.errors(response.body()),
          lastName + "'s bundle has validation errors");
      Bundle bundle = parse(response.body());
      assertEquals("Patient", bundle.getEntryFirstRep().getResource().fhirType());
      bundle.getEntry().forEach(e -> types.add(e.getResource().fhirType()));
      assertEquals(before + 1, exports(id), lastName + ": one EXPORT entry per download");
    }
    assertTrue(
        types.containsAll(
            Set.of(
                "Patient",
                "Organization",
                "Practitioner",
                "Consent",
                "DocumentReference",
                "Composition",
                "Observation",
                "Procedure",
                "BodyStructure",
                "MedicationStatement",
                "Flag",
                "Provenance")),
        "the demo clinic's records reach every kind of resource: " + types);
  }

  @Test
  void aTherapistGetsTheBundleOfAClientInTheirCaseload() {
    long anna = clientId("Bergström");

    HttpResponse<String> response = fhir(anna, "therapist1");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        parse(response.body()).getEntry().stream()
            .anyMatch(e -> e.getResource().fhirType().equals("Composition")),
        "Anna's signed notes are in it");
  }

  @Test
  void anUnknownClientIsNotFound() {
    HttpResponse<String> response = fhir(99_999_999L, "owner");

    assertEquals(404, response.statusCode(), response.body());
    assertEquals("There is no client 99999999.", Http.json(response).getString("message"));
  }

  @Test
  void aClientOutsideTheTherapistsCaseloadIsRefusedAndTheRefusalAudited() throws SQLException {
    long anna = clientId("Bergström");
    endBreakGlass("therapist2", anna);
    int denied = AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", Long.toString(anna));
    long before = exports(anna);

    HttpResponse<String> response = fhir(anna, "therapist2");

    assertEquals(403, response.statusCode(), response.body());
    String message = Http.json(response).getString("message");
    assertTrue(message.contains("is not in your caseload"), message);
    assertEquals(
        denied + 1, AuditRows.count(clinic, "ACCESS_DENIED", "therapist2", Long.toString(anna)));
    assertEquals(before, exports(anna), "nothing was exported");
  }

  @Test
  void theFrontDeskMayNotExportClinicalRecords() {
    assertEquals(403, fhir(clientId("Haddad"), "frontdesk").statusCode());
  }

  @Test
  void aClientWithoutAnyRecordIsAValidBundleWithThePatientAlone() {
    String last = Names.uniqueSurname("Fhir");
    HttpResponse<String> created =
        Http.postJson(
            clinic.uri("/api/v1/clients"),
            "owner",
            PASSWORD,
            "{\"firstName\":\"Nora\",\"lastName\":\""
                + last
                + "\",\"dateOfBirth\":\"1984-05-06\"}");
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.json(created).getInt("id");

    HttpResponse<String> response = fhir(id, "therapist1");

    assertEquals(200, response.statusCode(), response.body());
    Bundle bundle = parse(response.body());
    assertEquals(1, bundle.getEntry().size(), response.body());
    assertEquals("Patient", bundle.getEntryFirstRep().getResource().fhirType());
    assertEquals(List.of(), FhirValidation.errors(response.body()));
  }

  /** Ends any break-glass access the therapist was given to the client by another test. */
  private static void endBreakGlass(String therapist, long clientId) throws SQLException {
    Instant given = Instant.now().minus(Duration.ofHours(9));
    try (Connection db = clinic.database();
        PreparedStatement update =
            db.prepareStatement(
                "update break_glass_grant set granted_at = ?, expires_at = ? where therapist = ? and client_id = ?")) {
      update.setTimestamp(1, Timestamp.from(given));
      update.setTimestamp(2, Timestamp.from(given.plus(Duration.ofHours(8))));
      update.setString(3, therapist);
      update.setLong(4, clientId);
      update.executeUpdate();
    }
  }
}
