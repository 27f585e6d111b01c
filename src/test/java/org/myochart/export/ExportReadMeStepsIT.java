package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.myochart.platform.Sha256;
import org.myochart.record.SigningIdentity;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.OutsideAuditor;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.SharedDemoData;

/**
 * Follows the export README's steps literally, with openssl, sha256sum and python3 in a shell, on
 * an archive as downloaded and on copies an attacker changed: a swapped record, a list re-signed
 * with a key that copies the clinic's name, certificates swapped for the attacker's own, an audit
 * log line or an inclusion proof changed, a tree head with another root. The audit log's hashes and
 * proofs are also checked with the test's own hashing ({@link OutsideAuditor}), not MyoChart's.
 */
@ResourceLock(SharedDemoData.EXPORTS)
class ExportReadMeStepsIT {

  private static RunningClinic clinic;
  private static Map<String, byte[]> archive;
  private static List<String> steps;
  private static Set<String> clinicFingerprints;

  @TempDir Path folder;

  @BeforeAll
  static void downloadOneExport() throws Exception {
    ReadMeSteps.assumeOpenssl();
    clinic = RunningClinic.demo();
    long anna =
        Http.json(
                Http.get(
                    clinic.uri("/api/v1/clients?q=Bergstr%C3%B6m"),
                    "owner",
                    RunningClinic.DEMO_PASSWORD))
            .getJsonArray("clients")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    LocalDate today = LocalDate.now();
    HttpResponse<String> started =
        Http.postJson(
            clinic.uri("/api/v1/exports"),
            "owner",
            RunningClinic.DEMO_PASSWORD,
            "{\"from\":\""
                + today.minusYears(5)
                + "\",\"to\":\""
                + today
                + "\",\"client\":"
                + anna
                + "}");
    long id = Http.json(started).getJsonNumber("id").longValue();
    assertEquals(
        "COMPLETED",
        AuditExportApiIT.awaitFinished(clinic, RunningClinic.DEMO_PASSWORD, id)
            .getString("status"));
    HttpResponse<byte[]> zip =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri("/api/v1/exports/" + id + "/archive"))
                .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD)));
    assertEquals(200, zip.statusCode());
    archive = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        archive.put(entry.getName(), in.readAllBytes());
      }
    }
    steps = ReadMeSteps.commands(new String(archive.get("README.txt"), StandardCharsets.UTF_8));
    clinicFingerprints = new HashSet<>();
    try (Connection db = clinic.database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("select sha256 from seal_certificate")) {
      while (rows.next()) {
        clinicFingerprints.add(rows.getString(1));
      }
    }
  }

  /** The README's command of this number (1 to 8), run in the unpacked archive. */
  private ReadMeSteps.Run step(int number) throws Exception {
    return ReadMeSteps.run(steps.get(number - 1), folder);
  }

  private void unpack(Map<String, byte[]> files) throws IOException {
    ReadMeSteps.unpack(files, folder);
  }

  private Set<String> printedFingerprints(ReadMeSteps.Run run) {
    return run.output()
        .lines()
        .map(line -> line.split(" ")[0])
        .filter(hex -> hex.matches("[0-9a-f]{64}"))
        .collect(Collectors.toSet());
  }

  private static String clinicName() throws Exception {
    String pem =
        new String(archive.get(ExportArchive.CERTIFICATES_FILE), StandardCharsets.US_ASCII);
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    String subject = certificate.getSubjectX500Principal().getName();
    return Stream.of(subject.split(","))
        .filter(part -> part.startsWith("O="))
        .map(part -> part.substring(2))
        .findFirst()
        .orElseThrow();
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  @Test
  void theReadMeGivesEightCommandsThatPinTheCertificatesAndNeverSkipVerification() {
    assertEquals(8, steps.size(), String.join("\n", steps));
    assertTrue(steps.get(0).contains("sha256sum"), steps.get(0));
    assertTrue(steps.get(1).contains("-CAfile " + ExportArchive.CERTIFICATES_FILE), steps.get(1));
    assertTrue(steps.get(2).startsWith("sha256sum -c"), steps.get(2));
    assertTrue(steps.get(4).contains("sha256sum"), steps.get(4));
    assertTrue(steps.get(6).startsWith("openssl dgst -sha256 -verify"), steps.get(6));
    assertTrue(steps.get(7).startsWith("python3 "), steps.get(7));
    steps.forEach(command -> assertFalse(command.contains("-noverify"), command));
  }

  @Test
  void everyStepPassesOnTheArchiveAsDownloaded() throws Exception {
    unpack(archive);

    ReadMeSteps.Run fingerprints = step(1);
    assertEquals(0, fingerprints.exit(), fingerprints.output());
    assertFalse(printedFingerprints(fingerprints).isEmpty(), fingerprints.output());
    assertEquals(clinicFingerprints, printedFingerprints(fingerprints), fingerprints.output());
    ReadMeSteps.Run list = step(2);
    assertEquals(0, list.exit(), list.output());
    assertTrue(list.output().contains("CMS Verification successful"), list.output());
    ReadMeSteps.Run sums = step(3);
    assertEquals(0, sums.exit(), sums.output());
    assertTrue(sums.output().contains("records/"), sums.output());
    assertFalse(sums.output().contains("FAILED"), sums.output());
    ReadMeSteps.Run manifest = step(4);
    assertEquals(0, manifest.exit(), manifest.output());
    ReadMeSteps.Run headCertificate = step(5);
    assertEquals(0, headCertificate.exit(), headCertificate.output());
    Set<String> printed = printedFingerprints(headCertificate);
    assertEquals(1, printed.size(), headCertificate.output());
    assertTrue(clinicFingerprints.containsAll(printed), "the head's signer is the clinic's");
    ReadMeSteps.Run publicKey = step(6);
    assertEquals(0, publicKey.exit(), publicKey.output());
    ReadMeSteps.Run head = step(7);
    assertEquals(0, head.exit(), head.output());
    assertEquals("Verified OK", head.output().strip());
  }

  @Test
  void theProofScriptPassesOnTheArchiveAsDownloaded() throws Exception {
    ReadMeSteps.assumePython3();
    unpack(archive);

    ReadMeSteps.Run proofs = step(8);
    assertEquals(0, proofs.exit(), proofs.output());
    List<String> lines = proofs.output().lines().toList();
    List<CSVRecord> log = auditLog(archive);
    assertEquals(log.size() + 1, lines.size(), proofs.output());
    for (int i = 0; i < log.size(); i++) {
      assertTrue(
          lines.get(i).startsWith("entry " + log.get(i).get("id") + ": OK, leaf "), lines.get(i));
    }
    assertTrue(
        lines.get(log.size()).startsWith("OK: " + log.size() + " audit entries are in the signed"),
        proofs.output());
  }

  @Test
  void theProofsLeadFromEveryAuditEntryToTheSignedRootByTheTestsOwnHashing() throws Exception {
    Map<Long, JsonObject> proofs = proofs(archive);
    List<CSVRecord> log = auditLog(archive);
    assertFalse(log.isEmpty());
    assertEquals(log.size(), proofs.size(), "one proof a line");
    assertTrue(
        proofs.values().stream().allMatch(proof -> proof.getBoolean("covered")),
        "the head was signed after the export's last entry");
    assertEquals(List.of(), unproved(archive));

    JsonObject files =
        Json.createReader(
                new java.io.StringReader(
                    new String(archive.get(Manifest.JSON_FILE), StandardCharsets.UTF_8)))
            .readObject()
            .getJsonObject("files");
    assertEquals(
        Sha256.of(archive.get(Manifest.AUDIT_TREE_HEAD_FILE)),
        files.getString("auditTreeHeadSha256"));
    assertEquals(Sha256.of(archive.get(AuditProofs.FILE)), files.getString("auditProofsSha256"));
  }

  @Test
  void aChangedAuditLogLineOrProofFailsTheTestsOwnCheck() throws Exception {
    long changedLine = Long.parseLong(auditLog(archive).get(0).get("id"));
    assertEquals(List.of(changedLine), unproved(withChangedLogLine(0)));

    long changedProof = proofWithAPath();
    assertEquals(List.of(changedProof), unproved(withChangedProof(changedProof)));
  }

  @Test
  void aChangedAuditLogLineOrProofFailsTheProofScript() throws Exception {
    ReadMeSteps.assumePython3();
    String line = auditLog(archive).get(0).get("id");
    unpack(withChangedLogLine(0));
    ReadMeSteps.Run changedLine = step(8);
    assertEquals(1, changedLine.exit(), changedLine.output());
    assertTrue(
        changedLine
            .output()
            .contains("entry " + line + ": FAILED, its line in audit-log.csv does not hash to its"),
        changedLine.output());
    assertTrue(changedLine.output().strip().endsWith("do not check."), changedLine.output());

    long proof = proofWithAPath();
    unpack(withChangedProof(proof));
    ReadMeSteps.Run changedProof = step(8);
    assertEquals(1, changedProof.exit(), changedProof.output());
    assertTrue(
        changedProof
            .output()
            .contains(
                "entry "
                    + proof
                    + ": FAILED, its audit path does not lead to the signed root_hash"),
        changedProof.output());
  }

  @Test
  void aHeadWithAnotherRootFailsItsSignatureStep() throws Exception {
    Map<String, byte[]> changed = new java.util.LinkedHashMap<>(archive);
    String head = new String(archive.get(Manifest.AUDIT_TREE_HEAD_FILE), StandardCharsets.UTF_8);
    changed.put(
        Manifest.AUDIT_TREE_HEAD_FILE,
        head.replaceFirst("root_hash=.", "root_hash=" + (head.contains("root_hash=0") ? "1" : "0"))
            .getBytes(StandardCharsets.UTF_8));
    unpack(changed);

    assertEquals(0, step(6).exit());
    ReadMeSteps.Run signature = step(7);
    assertEquals(1, signature.exit(), signature.output());
    assertTrue(signature.output().contains("Verification failure"), signature.output());
  }

  private static List<CSVRecord> auditLog(Map<String, byte[]> files) throws IOException {
    return org.apache.commons.csv.CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(
            new java.io.StringReader(
                new String(files.get(Manifest.AUDIT_LOG_FILE), StandardCharsets.UTF_8)))
        .getRecords();
  }

  private static Map<Long, JsonObject> proofs(Map<String, byte[]> files) {
    Map<Long, JsonObject> proofs = new java.util.LinkedHashMap<>();
    new String(files.get(AuditProofs.FILE), StandardCharsets.UTF_8)
        .lines()
        .map(line -> Json.createReader(new java.io.StringReader(line)).readObject())
        .forEach(proof -> proofs.put(proof.getJsonNumber("id").longValue(), proof));
    return proofs;
  }

  /**
   * The entries of the archive's audit log that this test's own hashing cannot prove in the tree
   * whose root the head names: each line's hash recomputed from its cells, its leaf from that hash,
   * and the root its audit path leads to from the leaf_index the proof gives.
   */
  private static List<Long> unproved(Map<String, byte[]> files) throws IOException {
    Map<String, String> head = new java.util.HashMap<>();
    new String(files.get(Manifest.AUDIT_TREE_HEAD_FILE), StandardCharsets.UTF_8)
        .lines()
        .skip(1)
        .forEach(line -> head.put(line.split("=")[0], line.split("=")[1]));
    long treeSize = Long.parseLong(head.get("tree_size"));
    Map<Long, JsonObject> proofs = proofs(files);
    List<Long> unproved = new ArrayList<>();
    for (CSVRecord line : auditLog(files)) {
      long id = Long.parseLong(line.get("id"));
      JsonObject proof = proofs.get(id);
      boolean proved =
          OutsideAuditor.entryHash(line).equals(line.get("entry_hash"))
              && proof != null
              && proof.getBoolean("covered")
              && proof.getString("entry_hash").equals(line.get("entry_hash"))
              && proof.getJsonNumber("tree_size").longValue() == treeSize
              && head.get("root_hash").equals(rootFromProof(proof, treeSize));
      if (!proved) {
        unproved.add(id);
      }
    }
    return unproved;
  }

  /** The root a proof's audit path leads to, or nothing when the path has hashes to spare. */
  private static String rootFromProof(JsonObject proof, long treeSize) {
    java.util.Deque<byte[]> path = new java.util.ArrayDeque<>();
    proof
        .getJsonArray("audit_path")
        .getValuesAs(JsonString.class)
        .forEach(hash -> path.add(HexFormat.of().parseHex(hash.getString())));
    byte[] root =
        OutsideAuditor.rootFromPath(
            proof.getJsonNumber("leaf_index").longValue(),
            treeSize,
            OutsideAuditor.leafHash(HexFormat.of().parseHex(proof.getString("entry_hash"))),
            path);
    return path.isEmpty() ? HexFormat.of().formatHex(root) : null;
  }

  /** The archive with the occurred_at of one audit log line moved by a second. */
  private static Map<String, byte[]> withChangedLogLine(int index) throws IOException {
    CSVRecord line = auditLog(archive).get(index);
    String occurred = line.get("occurred_at");
    String log = new String(archive.get(Manifest.AUDIT_LOG_FILE), StandardCharsets.UTF_8);
    String original = "\n" + line.get("id") + "," + occurred + ",";
    assertTrue(log.contains(original), original);
    Map<String, byte[]> changed = new java.util.LinkedHashMap<>(archive);
    changed.put(
        Manifest.AUDIT_LOG_FILE,
        log.replace(
                original,
                "\n" + line.get("id") + "," + Instant.parse(occurred).plusSeconds(1) + ",")
            .getBytes(StandardCharsets.UTF_8));
    return changed;
  }

  /** An entry whose proof has at least one hash in its audit path. */
  private static long proofWithAPath() {
    return proofs(archive).values().stream()
        .filter(proof -> !proof.getJsonArray("audit_path").isEmpty())
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /** The archive with the first hash of one entry's audit path changed. */
  private static Map<String, byte[]> withChangedProof(long entry) {
    List<String> lines = new ArrayList<>();
    for (JsonObject proof : proofs(archive).values()) {
      if (proof.getJsonNumber("id").longValue() == entry) {
        String first = proof.getJsonArray("audit_path").getString(0);
        String other = (first.charAt(0) == '0' ? "1" : "0") + first.substring(1);
        proof =
            Json.createObjectBuilder(proof)
                .add(
                    "audit_path",
                    Json.createArrayBuilder(proof.getJsonArray("audit_path")).set(0, other))
                .build();
      }
      lines.add(proof.toString());
    }
    Map<String, byte[]> changed = new java.util.LinkedHashMap<>(archive);
    changed.put(
        AuditProofs.FILE, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return changed;
  }

  @Test
  void aSwappedRecordFailsTheChecksumStep() throws Exception {
    Map<String, byte[]> swapped = new java.util.LinkedHashMap<>(archive);
    List<String> records =
        archive.keySet().stream().filter(name -> name.startsWith("records/")).toList();
    assertTrue(records.size() >= 2, records.toString());
    swapped.put(records.get(0), archive.get(records.get(1)));
    unpack(swapped);

    assertEquals(0, step(2).exit(), "the list itself is untouched");
    ReadMeSteps.Run sums = step(3);
    assertNotEquals(0, sums.exit(), sums.output());
    assertTrue(sums.output().contains(records.get(0) + ": FAILED"), sums.output());
  }

  @Test
  void aListReSignedWithAKeyThatCopiesTheClinicsNameFailsTheSignatureStep() throws Exception {
    Map<String, byte[]> forged = new java.util.LinkedHashMap<>(archive);
    List<String> records =
        archive.keySet().stream().filter(name -> name.startsWith("records/")).toList();
    byte[] other = archive.get(records.get(1));
    forged.put(records.get(0), other);
    String sums =
        new String(archive.get(ExportArchive.SUMS_FILE), StandardCharsets.UTF_8)
            .replaceAll("[0-9a-f]{64}(  " + records.get(0) + ")", Sha256.of(other) + "$1");
    SigningIdentity forger = SigningIdentity.selfSigned(clinicName(), Instant.now());
    byte[] sumsBytes = sums.getBytes(StandardCharsets.UTF_8);
    forged.put(ExportArchive.SUMS_FILE, sumsBytes);
    forged.put(
        ExportArchive.SUMS_SIGNATURE_FILE,
        ManifestSignature.sign(forger, out -> out.write(sumsBytes)));
    unpack(forged);

    assertEquals(0, step(3).exit(), "the forged list fits the swapped record");
    ReadMeSteps.Run list = step(2);
    assertNotEquals(0, list.exit(), list.output());
    assertTrue(list.output().contains("Verification failure"), list.output());
  }

  @Test
  void certificatesSwappedForTheAttackersOwnAreCaughtByTheirFingerprints() throws Exception {
    Map<String, byte[]> forged = new java.util.LinkedHashMap<>(archive);
    SigningIdentity forger = SigningIdentity.selfSigned(clinicName(), Instant.now());
    byte[] sums = archive.get(ExportArchive.SUMS_FILE);
    forged.put(
        ExportArchive.SUMS_SIGNATURE_FILE, ManifestSignature.sign(forger, out -> out.write(sums)));
    forged.keySet().removeIf(name -> name.startsWith(ExportArchive.CERTIFICATE_FOLDER));
    byte[] forgedPem = pem(forger.certificate()).getBytes(StandardCharsets.US_ASCII);
    forged.put(ExportArchive.CERTIFICATES_FILE, forgedPem);
    forged.put(ExportArchive.CERTIFICATE_FOLDER + "clinic.pem", forgedPem);
    unpack(forged);

    assertEquals(0, step(2).exit(), "the forged list verifies against the forged certificate");
    ReadMeSteps.Run fingerprints = step(1);
    assertEquals(0, fingerprints.exit(), fingerprints.output());
    Set<String> printed = printedFingerprints(fingerprints);
    assertEquals(1, printed.size(), fingerprints.output());
    assertFalse(
        clinicFingerprints.containsAll(printed),
        "step 1 shows a fingerprint the clinic never published");
  }

  @Test
  void theAuditLogsChainIsRecomputedWithTheReadMesFormula() throws Exception {
    String readme = new String(archive.get("README.txt"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("preceded by its length in UTF-16 code units"), readme);
    List<CSVRecord> lines = auditLog(archive);
    assertFalse(lines.isEmpty());
    long previousId = -1;
    String previousHash = null;
    for (CSVRecord line : lines) {
      assertEquals(
          line.get("entry_hash"),
          OutsideAuditor.entryHash(line),
          "entry " + line.get("id") + " recomputed by the README's formula");
      long id = Long.parseLong(line.get("id"));
      // An empty previous_hash: not chained, its place proven by the tree (README step 6).
      if (id == previousId + 1 && !line.get("previous_hash").isEmpty()) {
        assertEquals(previousHash, line.get("previous_hash"), "entry " + id + " links back");
      }
      previousId = id;
      previousHash = line.get("entry_hash");
    }
  }
}
