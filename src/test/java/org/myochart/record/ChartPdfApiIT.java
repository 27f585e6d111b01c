package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.audit.RecordKind;
import org.myochart.platform.Sha256;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;

/** GET /api/v1/clients/{id}/chart.pdf against the demo clinic's real sealed records. */
@ResourceLock(SharedDemoData.ANNAS_RECORDS)
class ChartPdfApiIT {

  private static RunningClinic clinic;
  private static long anna;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    anna = DemoSealedRecords.clientId(clinic, "Bergström");
  }

  static HttpResponse<byte[]> chart(String user, long clientId) {
    return Http.sendBytes(
        HttpRequest.newBuilder(clinic.uri("/api/v1/clients/" + clientId + "/chart.pdf"))
            .header("Authorization", Http.basic(user, RunningClinic.DEMO_PASSWORD))
            .GET());
  }

  @Test
  void theOwnersChartHasABookmarkAndAVerifiableOriginalPerRecordUnderOneValidSeal()
      throws Exception {
    List<DemoSealedRecords.Stored> stored = DemoSealedRecords.ofClient(clinic, anna);
    int exported = AuditRows.count(clinic, "EXPORT", "owner", "ClientChart", Long.toString(anna));

    HttpResponse<byte[]> response = chart("owner", anna);

    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
    byte[] pdf = response.body();
    assertTrue(stored.size() >= 3, "the demo gives Anna consents and notes: " + stored);
    assertTrue(SealedPdfs.signatureValid(pdf));
    assertTrue(
        SealedPdfs.timestampTime(pdf).isPresent(),
        "the chart is sealed B-T, like the records, when a timestamp authority is configured");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int bookmarks = 0;
      for (var ignored : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks++;
      }
      assertEquals(stored.size(), bookmarks);
      Map<String, PDComplexFileSpecification> files =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      assertEquals(stored.size() + 1, files.size(), files.keySet().toString());
      for (DemoSealedRecords.Stored record : stored) {
        String name =
            (record.type().equals(RecordKind.CONSENT.typeName())
                    ? "consent-"
                    : record.type().equals(RecordKind.SOAP_NOTE.typeName()) ? "note-" : "addendum-")
                + record.id()
                + ".pdf";
        byte[] original = files.get(name).getEmbeddedFile().toByteArray();
        assertEquals(record.sha256(), Sha256.of(original), name);
        assertTrue(SealedPdfs.signatureValid(original), name);
      }
    }
    assertEquals(
        exported + 1,
        AuditRows.count(clinic, "EXPORT", "owner", "ClientChart", Long.toString(anna)));
    assertEquals(List.of(), SealedPdfs.pdfA3bFailures(pdf));
    String cover = SealedPdfs.text(pdf).replaceAll("\\s+", " ");
    assertTrue(cover.contains("Health intake (current version)"), cover);
    assertTrue(cover.contains("Headache days per month:"), cover);
    assertTrue(cover.contains("Red flags:"), cover);
    assertTrue(cover.contains("Medical clearances"), cover);

    JsonObject verified =
        Http.json(DemoSealedRecords.verify(clinic, "owner", "application/pdf", pdf));
    assertTrue(verified.getBoolean("signatureValid"));
    assertTrue(verified.getBoolean("intact"));
    assertEquals("ClientChart", verified.getString("recordType"));
    assertTrue(verified.getBoolean("sealedByClinic"), verified.toString());
    assertTrue(verified.getBoolean("matchesStoredCopy"), "issued charts are recorded");
    assertTrue(
        verified.getString("message").contains("the clinic issued"), verified.getString("message"));
  }

  @Test
  void aChartResealedWithAKeyThatCopiesTheClinicsNameIsNeitherTheClinicsNorIssuedByIt()
      throws Exception {
    byte[] genuine = chartFor(clinic, anna);
    byte[] resealed =
        SealedPdfs.resealed(
            genuine,
            SigningIdentity.selfSigned("Harbourside Migraine Massage", Instant.now()),
            "Harbourside Migraine Massage");

    JsonObject verified =
        Http.json(DemoSealedRecords.verify(clinic, "owner", "application/pdf", resealed));

    assertEquals("ClientChart", verified.getString("recordType"));
    assertTrue(verified.getBoolean("signatureValid"), "the forger's mathematics is fine");
    assertFalse(verified.getBoolean("sealedByClinic"), verified.toString());
    assertFalse(verified.getBoolean("matchesStoredCopy"), verified.toString());
    assertTrue(
        verified.getString("message").startsWith("Not sealed by this clinic"),
        verified.getString("message"));
    assertTrue(
        verified.getString("message").contains("no record of issuing this chart"),
        verified.getString("message"));
  }

  static byte[] chartFor(RunningClinic clinic, long clientId) {
    HttpResponse<byte[]> response =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/clients/" + clientId + "/chart.pdf"))
                .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD))
                .GET());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  @Test
  void anUnknownClientIsNotFoundWithAClearMessage() {
    HttpResponse<String> response =
        Http.get(
            clinic.uri("/api/v1/clients/987654/chart.pdf"), "owner", RunningClinic.DEMO_PASSWORD);

    assertEquals(404, response.statusCode());
    assertEquals("There is no client 987654.", Http.json(response).getString("message"));
  }

  @Test
  void onlyTheOwnerExportsCharts() {
    assertEquals(403, chart("therapist1", anna).statusCode());
    assertEquals(403, chart("frontdesk", anna).statusCode());
  }
}
