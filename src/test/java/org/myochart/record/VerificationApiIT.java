package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.AuditRows;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.SharedDemoData;

/** POST /api/v1/verifications over HTTP against the demo clinic's real sealed records. */
@ResourceLock(SharedDemoData.VERIFICATION)
class VerificationApiIT {

  private static RunningClinic clinic;
  private static DemoSealedRecords.Stored note;
  private static byte[] notePdf;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
    note = DemoSealedRecords.all(clinic, RecordKind.SOAP_NOTE.typeName()).get(0);
    notePdf = DemoSealedRecords.download(clinic, note);
  }

  private static HttpResponse<String> verify(byte[] body) {
    return DemoSealedRecords.verify(clinic, "owner", "application/pdf", body);
  }

  private static void assertRefused(int status, String message, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject json = Http.json(response);
    assertEquals(status, json.getInt("status"));
    assertTrue(json.getString("message").contains(message), json.getString("message"));
  }

  @Test
  void aStoredNoteIsValidUnchangedAndMatchesOurCopyByteForByte() {
    int audited =
        AuditRows.count(
            clinic, "VERIFY", "owner", RecordKind.SOAP_NOTE.typeName() + ":" + note.id());

    HttpResponse<String> response = verify(notePdf);

    assertEquals(200, response.statusCode(), response.body());
    JsonObject answer = Http.json(response);
    assertEquals(
        java.util.Set.of(
            "sealedByClinic",
            "sealCertificate",
            "signatureValid",
            "intact",
            "recordType",
            "recordId",
            "matchesStoredCopy",
            "signer",
            "signedAt",
            "signatures",
            "archiveTimestamps",
            "sha256",
            "message"),
        answer.keySet(),
        answer.toString());
    // The demo clinic seals with a timestamp authority: one seal, then one document timestamp.
    assertEquals(1, answer.getInt("signatures"));
    assertEquals(1, answer.getInt("archiveTimestamps"));
    assertTrue(answer.getBoolean("sealedByClinic"));
    assertTrue(answer.getBoolean("signatureValid"));
    assertTrue(answer.getBoolean("intact"));
    assertTrue(answer.getBoolean("matchesStoredCopy"));
    assertEquals(RecordKind.SOAP_NOTE.typeName(), answer.getString("recordType"));
    assertEquals(note.id(), answer.getJsonNumber("recordId").longValue());
    assertEquals("Harbourside Migraine Massage records seal", answer.getString("signer"));
    Instant.parse(answer.getString("signedAt"));
    assertEquals(note.sha256(), answer.getString("sha256"));
    assertTrue(answer.getString("message").contains("byte for byte"), answer.getString("message"));
    assertEquals(
        audited + 1,
        AuditRows.count(
            clinic, "VERIFY", "owner", RecordKind.SOAP_NOTE.typeName() + ":" + note.id()));
  }

  @Test
  void aStoredNoteResealedWithAKeyThatCopiesTheClinicsNameIsNotSealedByTheClinic()
      throws Exception {
    byte[] resealed =
        SealedPdfs.resealed(
            notePdf,
            SigningIdentity.selfSigned("Harbourside Migraine Massage", Instant.now()),
            "Harbourside Migraine Massage");

    HttpResponse<String> response = verify(resealed);

    assertEquals(200, response.statusCode(), response.body());
    JsonObject json = Http.json(response);
    assertEquals("Harbourside Migraine Massage records seal", json.getString("signer"));
    assertTrue(json.getBoolean("signatureValid"), "the forger's mathematics is fine");
    assertTrue(json.getBoolean("intact"));
    assertFalse(json.getBoolean("sealedByClinic"), json.toString());
    assertFalse(json.getBoolean("matchesStoredCopy"));
    assertTrue(
        json.getString("message").startsWith("Not sealed by this clinic"),
        json.getString("message"));
    assertFalse(json.getString("message").contains("The seal is the clinic's"));
  }

  @Test
  void aFabricatedConsentSealedByAnotherKeyIsNotSealedByTheClinic() {
    SigningIdentity forger =
        SigningIdentity.selfSigned("Harbourside Migraine Massage", Instant.now());
    byte[] fabricated =
        PadesSeal.seal(
            new RecordPdf()
                .add(RecordPdf.Style.TITLE, "Signed consent")
                .add(RecordPdf.Style.TEXT, "I agree to everything.")
                .render(
                    "Consent 999",
                    "Harbourside Migraine Massage",
                    "consent-999.json",
                    "{\"id\":999}",
                    RecordPdf.utc(Instant.now())),
            forger,
            "Harbourside Migraine Massage",
            "Consent signed",
            Instant.now());

    JsonObject json = Http.json(verify(fabricated));

    assertFalse(json.getBoolean("sealedByClinic"), json.toString());
    assertEquals(999L, json.getJsonNumber("recordId").longValue());
    assertTrue(
        json.getString("message").contains("We hold no sealed copy of Consent 999"),
        json.getString("message"));
  }

  @Test
  void theSealOfAStoredNoteIsPinnedToTheClinicsCurrentCertificate() throws Exception {
    JsonObject json = Http.json(verify(notePdf));

    String fingerprint = SealedPdfs.signingCertificateSha256(notePdf);
    assertTrue(json.getBoolean("sealedByClinic"), json.toString());
    assertEquals(fingerprint, json.getString("sealCertificate"));
    try (var db = clinic.database();
        var query =
            db.prepareStatement(
                "select count(*) from audit_entry e join seal_certificate c"
                    + " on e.record_id = cast(c.id as varchar(60))"
                    + " where e.record_type = 'SealCertificate' and e.action = 'CREATE'"
                    + " and c.sha256 = ? and c.retired_at is null and e.detail like ?")) {
      query.setString(1, fingerprint);
      query.setString(2, "{\"sha256\":\"" + fingerprint + "\"%");
      try (var rows = query.executeQuery()) {
        rows.next();
        assertEquals(1, rows.getInt(1), "putting the certificate into use is audited once");
      }
    }
  }

  @Test
  void oneFlippedByteBreaksTheSealAndTheMatch() {
    for (int at : new int[] {12, notePdf.length / 3, notePdf.length / 2, notePdf.length - 3}) {
      byte[] tampered = notePdf.clone();
      tampered[at] ^= 0x01;

      HttpResponse<String> response = verify(tampered);

      if (response.statusCode() == 422) {
        continue; // damaged beyond reading counts as caught
      }
      assertEquals(200, response.statusCode(), response.body());
      JsonObject answer = Http.json(response);
      assertFalse(
          answer.getBoolean("signatureValid") && answer.getBoolean("intact"),
          "byte " + at + ": " + answer);
      assertFalse(answer.getBoolean("matchesStoredCopy"), "byte " + at);
    }
  }

  @Test
  void bytesAppendedAfterSealingAreNotIntact() {
    byte[] longer = new byte[notePdf.length + 9];
    System.arraycopy(notePdf, 0, longer, 0, notePdf.length);
    System.arraycopy(
        "\n% extra\n".getBytes(StandardCharsets.US_ASCII), 0, longer, notePdf.length, 9);

    JsonObject answer = Http.json(verify(longer));

    assertTrue(answer.getBoolean("signatureValid"));
    assertFalse(answer.getBoolean("intact"));
    assertFalse(answer.getBoolean("matchesStoredCopy"));
  }

  @Test
  void aSecondSignatureIsAnsweredAsNotIntact() {
    SigningIdentity stranger = SigningIdentity.selfSigned("Someone else", Instant.now());
    byte[] twice =
        PadesSeal.seal(notePdf, stranger, "Someone else", "A second seal", Instant.now());

    HttpResponse<String> response = verify(twice);

    assertEquals(200, response.statusCode(), response.body());
    JsonObject answer = Http.json(response);
    assertEquals(2, answer.getInt("signatures"));
    assertFalse(answer.getBoolean("intact"));
    assertFalse(answer.getBoolean("matchesStoredCopy"));
    assertTrue(answer.getString("message").contains("2 signatures"), answer.getString("message"));
  }

  @Test
  void badUploadsAreRefusedWithSpecificMessages() throws Exception {
    assertRefused(400, "The upload is empty", verify(new byte[0]));
    assertRefused(
        422,
        "This file is not a PDF.",
        verify("just some text".getBytes(StandardCharsets.US_ASCII)));
    assertRefused(
        422,
        "cannot be read as one",
        verify(("%PDF-1.7\n" + "garbage ".repeat(500)).getBytes(StandardCharsets.US_ASCII)));
    assertRefused(422, "This PDF carries no signature", verify(unsigned()));
    assertRefused(422, "This PDF is encrypted", verify(encrypted()));
    assertRefused(
        415,
        "Content-Type: application/pdf",
        DemoSealedRecords.verify(clinic, "owner", "application/json", notePdf));
    assertRefused(
        415,
        "Content-Type: application/pdf",
        DemoSealedRecords.verify(clinic, "owner", null, notePdf));
  }

  @Test
  void aHugeUploadIsRefusedFromItsDeclaredLengthWithoutWaitingForTheBody() throws Exception {
    try (Socket socket = new Socket(clinic.uri("/").getHost(), clinic.uri("/").getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/verifications HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                  + Http.basic("owner", RunningClinic.DEMO_PASSWORD)
                  + "\r\nContent-Type: application/pdf\r\n"
                  + "Content-Length: "
                  + (200L * 1024 * 1024)
                  + "\r\n\r\n%PDF-1.7\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readHead(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 413"), response);
      assertTrue(response.contains("The file is larger than 20 MB"), response);
    }
  }

  @Test
  void aStreamedUploadIsCutOffPastTwentyMegabytes() {
    InputStream endless =
        new InputStream() {
          private long left = 21L * 1024 * 1024;

          @Override
          public int read() {
            return left-- > 0 ? 'x' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
          }
        };
    HttpResponse<String> response;
    try {
      response =
          Http.send(
              HttpRequest.newBuilder(clinic.uri("/api/v1/verifications"))
                  .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD))
                  .header("Content-Type", "application/pdf")
                  .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)));
    } catch (IllegalStateException connectionClosedWhileSending) {
      // The server may close the connection before the client has sent everything; it still never
      // read it all.
      System.err.println(
          "The server closed the connection while the 21 MB body was being sent: "
              + connectionClosedWhileSending);
      return;
    }
    assertRefused(413, "The file is larger than 20 MB", response);
  }

  @Test
  void onlyTheOwnerMayVerifyOverTheApi() {
    assertEquals(
        403,
        DemoSealedRecords.verify(clinic, "therapist1", "application/pdf", notePdf).statusCode());
    assertEquals(
        403,
        DemoSealedRecords.verify(clinic, "frontdesk", "application/pdf", notePdf).statusCode());
    assertEquals(
        401, DemoSealedRecords.verify(clinic, null, "application/pdf", notePdf).statusCode());
  }

  @Test
  void theOpenApiDescriptionDocumentsTheVerificationAndTheChart() {
    String description = Http.get(clinic.uri("/openapi")).body();
    assertTrue(
        description.contains("/api/v1/verifications") || description.contains("/verifications"),
        description);
    assertTrue(description.contains("application/pdf"));
    assertTrue(description.contains("chart.pdf"));
  }

  private static byte[] unsigned() throws Exception {
    try (PDDocument doc = Loader.loadPDF(notePdf)) {
      doc.getDocumentCatalog().getAcroForm().getFields().clear();
      doc.getDocumentCatalog().setAcroForm(null);
      doc.getDocumentCatalog().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.PERMS);
      doc.getPage(0).getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.ANNOTS);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] encrypted() throws Exception {
    try (PDDocument doc = Loader.loadPDF(unsigned())) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner secret", "reader secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      int n;
      try {
        n = in.read(buffer);
      } catch (java.net.SocketException closed) {
        break;
      }
      if (n < 0) {
        break;
      }
      read.write(buffer, 0, n);
      String text = read.toString(StandardCharsets.ISO_8859_1);
      if (text.contains("\r\n\r\n") && text.contains("}")) {
        break;
      }
    }
    return read.toString(StandardCharsets.ISO_8859_1);
  }
}
