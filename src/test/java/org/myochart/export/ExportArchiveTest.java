package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.myochart.audit.AuditLine;
import org.myochart.fhir.FhirChart;
import org.myochart.fhir.FhirMapping;
import org.myochart.platform.Sha256;
import org.myochart.record.SealCertificate;
import org.myochart.record.SigningIdentity;
import org.myochart.testsupport.FhirValidation;

class ExportArchiveTest {

  private static final Instant NOW = ArchiveWithoutDatabase.NOW;
  private static final SigningIdentity IDENTITY =
      SigningIdentity.selfSigned("Harbourside Massage", NOW);
  private static final SealCertificate CERTIFICATE =
      new SealCertificate(IDENTITY.certificate(), NOW);

  private static final AuditLine FAILED_SIGN_IN =
      new AuditLine(
          41,
          Instant.parse("2026-03-02T09:00:00Z"),
          "@SUM(1+1)*cmd|' /C calc'!A0",
          null,
          "LOGIN_FAILED",
          null,
          null,
          null,
          "203.0.113.9",
          "=HYPERLINK(\"https://evil.example\",\"open\")",
          "a".repeat(64),
          "b".repeat(64),
          null);

  private static final FixedAuditTree TREE =
      new FixedAuditTree(List.of(FAILED_SIGN_IN), NOW, IDENTITY.key(), IDENTITY.certificate());

  private final ArchiveWithoutDatabase written =
      new ArchiveWithoutDatabase(List.of(FAILED_SIGN_IN), TREE);
  private final ExportArchive archive = written.archive();

  private AuditExport completedExport() throws Exception {
    return written.completedExport();
  }

  /** An export collected before exports carried a tree head, as its row reads today. */
  private AuditExport exportCollectedBeforeTreeHeads() throws Exception {
    AuditExport export = completedExport();
    ArchiveWithoutDatabase.set(export, "auditTreeSize", null);
    ArchiveWithoutDatabase.set(export, "auditProofsSha256", null);
    return export;
  }

  private static JsonObject manifestFiles(Map<String, byte[]> entries) {
    return Json.createReader(
            new StringReader(new String(entries.get(Manifest.JSON_FILE), StandardCharsets.UTF_8)))
        .readObject()
        .getJsonObject("files");
  }

  private Map<String, byte[]> entries(AuditExport export) throws Exception {
    return written.files(export, IDENTITY, List.of(CERTIFICATE));
  }

  @Test
  void aHostileUserNameAndUserAgentInTheAuditLogAreNeutralisedInTheArchive() throws Exception {
    byte[] auditLog = entries(completedExport()).get(Manifest.AUDIT_LOG_FILE);
    CSVRecord line =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(new String(auditLog, StandardCharsets.UTF_8)))
            .getRecords()
            .get(0);
    assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", line.get("actor"));
    assertEquals("'=HYPERLINK(\"https://evil.example\",\"open\")", line.get("user_agent"));
    assertEquals("b".repeat(64), line.get("entry_hash"));
  }

  @Test
  void theAuditLogIsHashedAsItIsWrittenIntoTheArchiveSoTheSignedManifestStillFits()
      throws Exception {
    AuditExport export = completedExport();
    String hashedAtCompletion = Manifest.sha256Of(out -> archive.writeAuditLog(export, 41, out));
    assertEquals(hashedAtCompletion, Sha256.of(entries(export).get(Manifest.AUDIT_LOG_FILE)));
  }

  @Test
  void theReadMeSaysWhichCellsGotAnApostropheAndHowToGetTheRawValue() throws Exception {
    String readme =
        new String(
            entries(completedExport()).get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains(
            "= + - @, a tab or a carriage return was written with one extra ' in front"),
        readme);
    assertTrue(readme.contains("strip one leading ' from a cell"), readme);
  }

  @Test
  void everyFileButTheReadMeAndTheCertificatesIsListedInASignedSha256SumsFile() throws Exception {
    Map<String, byte[]> entries = entries(completedExport());
    String sums = new String(entries.get(ExportArchive.SUMS_FILE), StandardCharsets.UTF_8);
    Map<String, String> listed = new HashMap<>();
    for (String line : sums.split("\n")) {
      listed.put(line.substring(66), line.substring(0, 64));
    }
    for (var entry : entries.entrySet()) {
      String name = entry.getKey();
      if (name.equals(ExportArchive.README_FILE)
          || name.equals(ExportArchive.SUMS_FILE)
          || name.equals(ExportArchive.SUMS_SIGNATURE_FILE)
          || name.equals(ExportArchive.CERTIFICATES_FILE)
          || name.startsWith(ExportArchive.CERTIFICATE_FOLDER)) {
        continue;
      }
      assertEquals(Sha256.of(entry.getValue()), listed.remove(name), name);
    }
    assertTrue(listed.isEmpty(), "listed but not in the archive: " + listed);
    CMSSignedData signature =
        new CMSSignedData(
            new CMSProcessableByteArray(entries.get(ExportArchive.SUMS_FILE)),
            entries.get(ExportArchive.SUMS_SIGNATURE_FILE));
    assertTrue(
        signature
            .getSignerInfos()
            .getSigners()
            .iterator()
            .next()
            .verify(new JcaSimpleSignerInfoVerifierBuilder().build(IDENTITY.certificate())));
  }

  @Test
  void theArchiveCarriesTheClinicsCertificatesAndTheReadMePinsThemByFingerprint() throws Exception {
    Map<String, byte[]> entries = entries(completedExport());
    String readme = new String(entries.get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(readme.contains(CERTIFICATE.getSha256() + "  (current)"), readme);
    assertTrue(readme.contains("-CAfile " + ExportArchive.CERTIFICATES_FILE), readme);
    assertFalse(readme.contains("-noverify"), readme);
    assertTrue(
        new String(entries.get(ExportArchive.CERTIFICATES_FILE), StandardCharsets.US_ASCII)
            .contains("-----BEGIN CERTIFICATE-----"));
    assertTrue(
        entries.containsKey(ExportArchive.CERTIFICATE_FOLDER + CERTIFICATE.getSha256() + ".pem"));
  }

  @Test
  void theArchiveCarriesTheSignedTreeHeadTheProofsAndTheScriptAndTheManifestNamesThem()
      throws Exception {
    Map<String, byte[]> entries = entries(completedExport());

    byte[] text = entries.get(Manifest.AUDIT_TREE_HEAD_FILE);
    assertArrayEquals(TREE.head().signedText(), text);
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        entries.get(ExportArchive.TREE_HEAD_CERTIFICATE_FILE)));
    assertEquals(IDENTITY.certificate(), certificate);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(certificate.getPublicKey());
    signature.update(text);
    assertTrue(signature.verify(entries.get(ExportArchive.TREE_HEAD_SIGNATURE_FILE)));

    JsonObject proof =
        Json.createReader(
                new StringReader(
                    new String(entries.get(AuditProofs.FILE), StandardCharsets.UTF_8).strip()))
            .readObject();
    assertEquals(41, proof.getJsonNumber("id").longValue());
    assertEquals(0, proof.getJsonNumber("leaf_index").longValue());
    assertEquals(FAILED_SIGN_IN.entryHash(), proof.getString("entry_hash"));
    try (var script = ExportArchive.class.getResourceAsStream(ExportArchive.PROOFS_SCRIPT_FILE)) {
      assertArrayEquals(script.readAllBytes(), entries.get(ExportArchive.PROOFS_SCRIPT_FILE));
    }

    JsonObject files = manifestFiles(entries);
    assertEquals(1, files.getInt("auditTreeSize"));
    assertEquals(Sha256.of(text), files.getString("auditTreeHeadSha256"));
    assertEquals(
        Sha256.of(entries.get(AuditProofs.FILE)),
        files.getString("auditProofsSha256"),
        "the proofs are written as they were hashed when the export completed");
  }

  @Test
  void theReadMeChecksTheHeadWithOpensslAndTheProofsWithTheScriptByTheirLeafIndex()
      throws Exception {
    String readme =
        new String(
            entries(completedExport()).get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains(
            "     openssl dgst -sha256 -verify audit-tree-head.pub -signature audit-tree-head.sig"
                + " audit-tree-head.txt\r\n"),
        readme);
    assertTrue(readme.contains("     python3 check-audit-proofs.py\r\n"), readme);
    assertTrue(readme.contains("leaf_index (the entry's place in the tree"), readme);
    assertTrue(readme.contains("An entry whose previous_hash is empty"), readme);
    assertFalse(readme.contains("id - 1") || readme.contains("id \u2212 1"), readme);
  }

  @Test
  void anExportCollectedBeforeTreeHeadsKeepsItsManifestAndSaysItHasNoProofs() throws Exception {
    Map<String, byte[]> entries = entries(exportCollectedBeforeTreeHeads());

    assertFalse(entries.containsKey(Manifest.AUDIT_TREE_HEAD_FILE));
    assertFalse(entries.containsKey(AuditProofs.FILE));
    assertFalse(manifestFiles(entries).containsKey("auditTreeHead"));
    String readme = new String(entries.get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(readme.contains("collected before exports carried a signed audit tree head"));
    assertFalse(readme.contains("python3"), readme);
  }

  @Test
  void aDownloadWhoseTreeHeadIsGoneFailsBeforeWritingAnything() throws Exception {
    AuditExport export = completedExport();
    ArchiveWithoutDatabase.set(export, "auditTreeSize", 2L);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();

    IOException refused =
        assertThrows(
            IOException.class, () -> archive.write(export, zip, IDENTITY, List.of(CERTIFICATE)));
    assertTrue(refused.getMessage().contains("audit tree head of 2 entries"), refused.getMessage());
    assertEquals(0, zip.size());
  }

  /** A client's Bundle as the export job stores it: the Patient alone, one NDJSON line. */
  private static byte[] bundleLine(long clientId, String firstName) {
    return FhirMapping.ndjsonLine(
        FhirMapping.bundle(
            new FhirChart(
                "Harbourside Massage",
                NOW,
                new FhirChart.Person(
                    clientId,
                    firstName,
                    "Brandt",
                    java.time.LocalDate.of(1990, 1, 5),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true),
                List.of(),
                List.of(),
                List.of(),
                List.of())));
  }

  private Map<String, byte[]> exportWithTwoClientsBundles() throws Exception {
    written.storeFhirLine(bundleLine(7, "Lea"));
    written.storeFhirLine(bundleLine(8, "Nora"));
    return entries(completedExport(true));
  }

  private AuditExport completedExport(boolean fhirBundles) throws Exception {
    return written.completedExport(fhirBundles);
  }

  @Test
  void fhirBundlesAreOneNdjsonLinePerClientEachAValidBundleOfThatClient() throws Exception {
    byte[] ndjson = exportWithTwoClientsBundles().get(Manifest.FHIR_BUNDLES_FILE);

    String text = new String(ndjson, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), "every line, the last included, ends in a line feed");
    List<String> lines = List.of(text.split("\n"));
    assertEquals(2, lines.size(), "one line per client");
    List<String> names = new java.util.ArrayList<>();
    for (String line : lines) {
      Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, line);
      assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
      Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
      names.add(patient.getNameFirstRep().getGivenAsSingleString());
      assertEquals(List.of(), FhirValidation.errors(line), line);
    }
    assertEquals(List.of("Lea", "Nora"), names, "in the order they were stored");
  }

  @Test
  void theManifestAndTheSumsNameTheFhirBundlesFileWithItsSha256AndTheReadMeDescribesIt()
      throws Exception {
    Map<String, byte[]> entries = exportWithTwoClientsBundles();
    String sha256 = Sha256.of(entries.get(Manifest.FHIR_BUNDLES_FILE));

    JsonObject files = manifestFiles(entries);
    assertEquals(Manifest.FHIR_BUNDLES_FILE, files.getString("fhirBundles"));
    assertEquals(2, files.getInt("fhirBundleCount"));
    assertEquals(sha256, files.getString("fhirBundlesSha256"));
    assertTrue(
        new String(entries.get(ExportArchive.SUMS_FILE), StandardCharsets.UTF_8)
            .contains(sha256 + "  " + Manifest.FHIR_BUNDLES_FILE + "\n"));
    String readme = new String(entries.get(ExportArchive.README_FILE), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains(
            Manifest.FHIR_BUNDLES_FILE
                + "  2 HL7 FHIR R4 Bundles for physicians' record systems, one per client"),
        readme);
    assertTrue(readme.contains("application/fhir+ndjson"), readme);
  }

  @Test
  void anExportNotAskedForFhirBundlesHasNoSuchFileAndItsManifestNamesNone() throws Exception {
    written.storeFhirLine(bundleLine(7, "Lea"));
    Map<String, byte[]> entries = entries(completedExport());

    assertFalse(entries.containsKey(Manifest.FHIR_BUNDLES_FILE));
    assertFalse(manifestFiles(entries).containsKey("fhirBundles"));
    assertFalse(
        new String(entries.get(ExportArchive.README_FILE), StandardCharsets.UTF_8)
            .contains("FHIR"));
  }

  @Test
  void storedBundlesThatChangedAfterTheExportCompletedFailTheDownload() throws Exception {
    written.storeFhirLine(bundleLine(7, "Lea"));
    AuditExport export = completedExport(true);
    written.storeFhirLine(bundleLine(8, "Nora"));

    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                archive.write(export, new ByteArrayOutputStream(), IDENTITY, List.of(CERTIFICATE)));
    assertTrue(
        refused.getMessage().contains("FHIR Bundles of export 9 changed"), refused.getMessage());
  }
}
