package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.audit.AuditLine;
import org.myochart.platform.Sha256;
import org.myochart.record.SealCertificate;
import org.myochart.record.SigningIdentity;
import org.myochart.testsupport.OutsideAuditor;

/**
 * Steps 7 and 8 of the export README on an archive written here without a clinic, in what a
 * clinic's own export does not show: a head signed with an EC key (made by openssl), a tree whose
 * leaves are not in the order of the entries' ids and holds entries of other records, an entry the
 * head does not cover, entries that are not chained (an empty previous_hash), and cells that test
 * the script's reading of the log (a formula-like actor, a character outside the BMP, a line
 * break). Then proofs changed in the ways an attacker might: moved to another leaf, or left out.
 */
class AuditProofsScriptIT {

  private static Map<String, byte[]> archive;
  private static List<String> steps;
  private static String headSigner;

  @TempDir Path folder;

  /** An entry viewed by its actor, its hash computed by the README's formula. */
  private static AuditLine entry(long id, String previousHash, String actor, String detail) {
    Instant at = Instant.parse("2026-03-02T09:00:00.123456Z").plusSeconds(id);
    List<String> hashed =
        Arrays.asList(
            previousHash,
            Long.toString(id),
            at.toString(),
            actor,
            "OWNER",
            "VIEW",
            "Client",
            "3",
            detail,
            "203.0.113.9",
            null);
    return new AuditLine(
        id,
        at,
        actor,
        hashed.get(4),
        hashed.get(5),
        hashed.get(6),
        hashed.get(7),
        detail,
        hashed.get(9),
        hashed.get(10),
        previousHash,
        OutsideAuditor.entryHash(hashed),
        null);
  }

  @BeforeAll
  static void writeOneArchive(@TempDir Path keys) throws Exception {
    ReadMeSteps.assumeOpenssl();
    ReadMeSteps.Run made =
        ReadMeSteps.run(
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
                + " -keyout key.pem -out certificate.pem -subj '/O=Harbourside Massage' -days 30",
            keys);
    assertEquals(0, made.exit(), made.output());
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(
                new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder()
                        .decode(
                            Files.readString(keys.resolve("key.pem"))
                                .replaceAll("-----[A-Z ]+-----", ""))));
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(keys.resolve("certificate.pem"))));
    headSigner = Sha256.of(certificate.getEncoded());

    AuditLine three = entry(3, "0".repeat(64), "=cmd|' /C calc'!A0", "a smile \uD83D\uDE42");
    AuditLine four = entry(4, three.entryHash(), "owner", "two lines,\r\n\"quoted\"");
    AuditLine five = entry(5, four.entryHash(), "therapist1", "another record's entry");
    AuditLine seven = entry(7, "", "owner", null);
    AuditLine eight = entry(8, "", "frontdesk", "{\"reason\":\"not chained\"}");
    AuditLine nine = entry(9, "", "owner", "after the head");
    FixedAuditTree tree =
        new FixedAuditTree(
            List.of(eight, three, five, seven, four), ArchiveWithoutDatabase.NOW, key, certificate);
    ArchiveWithoutDatabase written =
        new ArchiveWithoutDatabase(List.of(three, four, seven, eight, nine), tree);
    SigningIdentity clinic = SigningIdentity.selfSigned("Harbourside Massage", Instant.now());
    archive =
        written.files(
            written.completedExport(),
            clinic,
            List.of(new SealCertificate(clinic.certificate(), Instant.now())));
    steps =
        ReadMeSteps.commands(
            new String(archive.get(ExportArchive.README_FILE), StandardCharsets.UTF_8));
  }

  private ReadMeSteps.Run step(int number, Map<String, byte[]> files) throws Exception {
    ReadMeSteps.unpack(files, folder);
    return ReadMeSteps.run(steps.get(number - 1), folder);
  }

  @Test
  void aHeadSignedWithAnEcKeyPassesStepSeven() throws Exception {
    ReadMeSteps.Run signer = step(5, archive);
    assertEquals(0, signer.exit(), signer.output());
    assertTrue(signer.output().startsWith(headSigner + " "), signer.output());
    assertEquals(0, step(6, archive).exit());
    ReadMeSteps.Run signature = step(7, archive);
    assertEquals(0, signature.exit(), signature.output());
    assertEquals("Verified OK", signature.output().strip());

    Map<String, byte[]> changed = new LinkedHashMap<>(archive);
    changed.put(
        Manifest.AUDIT_TREE_HEAD_FILE,
        new String(archive.get(Manifest.AUDIT_TREE_HEAD_FILE), StandardCharsets.UTF_8)
            .replace("tree_size=5", "tree_size=6")
            .getBytes(StandardCharsets.UTF_8));
    ReadMeSteps.Run changedHead = step(7, changed);
    assertEquals(1, changedHead.exit(), changedHead.output());
    assertTrue(changedHead.output().contains("Verification failure"), changedHead.output());
  }

  @Test
  void theScriptFollowsTheLeafIndexesTheTreeGivesAndSaysWhichEntryItDoesNotCoverYet()
      throws Exception {
    ReadMeSteps.assumePython3();
    ReadMeSteps.Run proofs = step(8, archive);

    assertEquals(0, proofs.exit(), proofs.output());
    assertEquals(
        List.of(
            "entry 3: OK, leaf 1 of 5",
            "entry 4: OK, leaf 4 of 5",
            "entry 7: OK, leaf 3 of 5",
            "entry 8: OK, leaf 0 of 5",
            "entry 9: not yet covered, written after the tree head was signed",
            "OK: 4 audit entries are in the signed tree of 5 entries; 1 written after it not yet"
                + " covered."),
        proofs.output().lines().toList());
  }

  @Test
  void aProofMovedToAnotherLeafOrLeftOutFailsTheScript() throws Exception {
    ReadMeSteps.assumePython3();
    String proofs = new String(archive.get(AuditProofs.FILE), StandardCharsets.UTF_8);
    assertTrue(proofs.contains("{\"id\":3,"), proofs);

    assertFails(
        scriptWith(proofs.replace("\"leaf_index\":1,", "\"leaf_index\":2,")),
        "entry 3: FAILED, its audit path does not lead to the signed root_hash");
    assertFails(
        scriptWith(proofs.replaceFirst("\\{\"id\":3,[^\n]*\n", "")),
        "entry 3: FAILED, audit-proofs.jsonl has no proof for its entry_hash");
  }

  /** Step 8 on the archive with these proofs instead of its own. */
  private ReadMeSteps.Run scriptWith(String proofs) throws Exception {
    Map<String, byte[]> changed = new LinkedHashMap<>(archive);
    changed.put(AuditProofs.FILE, proofs.getBytes(StandardCharsets.UTF_8));
    return step(8, changed);
  }

  private static void assertFails(ReadMeSteps.Run run, String line) {
    assertEquals(1, run.exit(), run.output());
    assertTrue(run.output().lines().anyMatch(line::equals), run.output());
    assertTrue(
        run.output().strip().endsWith("FAILED: 1 of 5 audit entries do not check."), run.output());
  }
}
