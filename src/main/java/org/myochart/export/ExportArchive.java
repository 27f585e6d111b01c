package org.myochart.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.myochart.audit.AuditLine;
import org.myochart.audit.AuditLogCsv;
import org.myochart.audit.AuditTree;
import org.myochart.audit.AuditTreeHead;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.Sha256;
import org.myochart.record.SealCertificate;
import org.myochart.record.SigningIdentity;

/**
 * Writes a completed export as a ZIP: a read-me, the signed JSON manifest and its detached
 * signature, the CSV manifest, the audit log of the range, the audit tree head signed when the
 * export was collected with the inclusion proofs of the log's entries and a script that checks
 * them, every sealed PDF exactly as stored, the clinic's sealing certificates, and a SHA256SUMS
 * list of every file with its own detached signature, so that the archive is checked offline with
 * openssl, sha256sum and Python against the pinned certificates (ADR-050, ADR-057). Records are
 * streamed one page at a time; each is checked against its manifest line on the way out.
 */
final class ExportArchive {

  static final String README_FILE = "README.txt";
  static final String CERTIFICATES_FILE = "clinic-seal-certificates.pem";
  static final String CERTIFICATE_FOLDER = "certificates/";
  static final String SUMS_FILE = "SHA256SUMS";
  static final String SUMS_SIGNATURE_FILE = "SHA256SUMS.p7s";
  static final String TREE_HEAD_SIGNATURE_FILE = "audit-tree-head.sig";
  static final String TREE_HEAD_CERTIFICATE_FILE = "audit-tree-head.pem";
  static final String PROOFS_SCRIPT_FILE = "check-audit-proofs.py";

  private final ExportQueries queries;
  private final ClinicSettings settings;
  private final AuditTree tree;

  ExportArchive(ExportQueries queries, ClinicSettings settings, AuditTree tree) {
    this.queries = queries;
    this.settings = settings;
    this.tree = tree;
  }

  Manifest.Header header(
      AuditExport export,
      String csvSha256,
      int auditEntries,
      String auditLogSha256,
      Manifest.AuditTreeFiles auditTree,
      Manifest.FhirFiles fhir) {
    return new Manifest.Header(
        export.getId(),
        settings.clinicName(),
        export.scope(),
        export.getRequestedBy(),
        export.getRequestedAt().toString(),
        export.getDone(),
        csvSha256,
        auditEntries,
        auditLogSha256,
        auditTree,
        fhir);
  }

  /** What the manifest says about a tree head and the proofs written against it. */
  static Manifest.AuditTreeFiles treeFiles(AuditTreeHead head, String proofsSha256) {
    return new Manifest.AuditTreeFiles(
        head.getTreeSize(), Sha256.of(head.signedText()), proofsSha256);
  }

  /**
   * Streams the archive.
   *
   * @param identity the clinic's current key, which signs the SHA256SUMS list
   * @param certificates the clinic's sealing certificates, current and retired
   */
  void write(
      AuditExport export,
      OutputStream target,
      SigningIdentity identity,
      List<SealCertificate> certificates)
      throws IOException {
    Optional<AuditTreeHead> head = treeHead(export);
    ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
    zip.setComment("MyoChart audit export " + export.getId());
    StringBuilder sums = new StringBuilder();
    zip.putNextEntry(new ZipEntry(README_FILE));
    zip.write(readme(export, certificates, head).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(CERTIFICATES_FILE));
    for (SealCertificate certificate : certificates) {
      zip.write(certificate.pem().getBytes(StandardCharsets.US_ASCII));
    }
    zip.closeEntry();
    for (SealCertificate certificate : certificates) {
      zip.putNextEntry(new ZipEntry(CERTIFICATE_FOLDER + certificate.getSha256() + ".pem"));
      zip.write(certificate.pem().getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry(Manifest.CSV_FILE));
    java.security.DigestOutputStream csv = Manifest.digesting(zip);
    Manifest.writeCsv(queries.lines(export.getId()), csv);
    zip.closeEntry();
    String csvSha256 = Manifest.hex(csv);
    sum(sums, csvSha256, Manifest.CSV_FILE);
    Manifest.Header header =
        header(
            export,
            csvSha256,
            export.getAuditEntries(),
            export.getAuditLogSha256(),
            head.map(h -> treeFiles(h, export.getAuditProofsSha256())).orElse(null),
            export.fhirFiles());
    zip.putNextEntry(new ZipEntry(Manifest.JSON_FILE));
    java.security.DigestOutputStream json = Manifest.digesting(zip);
    Manifest.writeJson(header, queries.lines(export.getId()), json);
    zip.closeEntry();
    sum(sums, Manifest.hex(json), Manifest.JSON_FILE);
    byte[] manifestSignature = export.manifestSignature();
    zip.putNextEntry(new ZipEntry(Manifest.SIGNATURE_FILE));
    zip.write(manifestSignature);
    zip.closeEntry();
    sum(sums, Sha256.of(manifestSignature), Manifest.SIGNATURE_FILE);
    zip.putNextEntry(new ZipEntry(Manifest.AUDIT_LOG_FILE));
    java.security.DigestOutputStream log = Manifest.digesting(zip);
    writeAuditLog(export, export.getAuditUpTo(), log);
    zip.closeEntry();
    sum(sums, Manifest.hex(log), Manifest.AUDIT_LOG_FILE);
    if (head.isPresent()) {
      writeTreeHead(zip, sums, export, head.get());
    }
    if (export.fhirFiles() != null) {
      zip.putNextEntry(new ZipEntry(Manifest.FHIR_BUNDLES_FILE));
      java.security.DigestOutputStream fhir = Manifest.digesting(zip);
      writeFhirBundles(export, fhir);
      zip.closeEntry();
      String fhirSha256 = Manifest.hex(fhir);
      if (!fhirSha256.equals(export.fhirFiles().sha256())) {
        throw new IOException(
            "The stored FHIR Bundles of export "
                + export.getId()
                + " changed after the export was made; the archive is incomplete.");
      }
      sum(sums, fhirSha256, Manifest.FHIR_BUNDLES_FILE);
    }
    for (ExportQueries.ArchivedFile file : queries.files(export.getId())) {
      byte[] pdf = file.pdf();
      if (!Sha256.of(pdf).equals(file.line().sha256())) {
        throw new IOException(
            "The stored PDF of "
                + file.line().recordType()
                + " "
                + file.line().recordId()
                + " changed after the export was made; the archive is incomplete.");
      }
      ZipEntry entry = new ZipEntry(file.line().file());
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(pdf.length);
      entry.setCompressedSize(pdf.length);
      CRC32 crc = new CRC32();
      crc.update(pdf);
      entry.setCrc(crc.getValue());
      entry.setTime(file.line().sealedAt().toEpochMilli());
      zip.putNextEntry(entry);
      zip.write(pdf);
      zip.closeEntry();
      sum(sums, file.line().sha256(), file.line().file());
    }
    byte[] sumsBytes = sums.toString().getBytes(StandardCharsets.UTF_8);
    zip.putNextEntry(new ZipEntry(SUMS_FILE));
    zip.write(sumsBytes);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(SUMS_SIGNATURE_FILE));
    zip.write(ManifestSignature.sign(identity, out -> out.write(sumsBytes)));
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  /**
   * The head an export was collected with, which every download carries again; none for an export
   * collected before exports carried one.
   */
  private Optional<AuditTreeHead> treeHead(AuditExport export) throws IOException {
    if (export.getAuditTreeSize() == null) {
      return Optional.empty();
    }
    Optional<AuditTreeHead> head = tree.head(export.getAuditTreeSize());
    if (head.isEmpty()) {
      throw new IOException(
          "The audit tree head of "
              + export.getAuditTreeSize()
              + " entries, which export "
              + export.getId()
              + " carries, is missing from the database.");
    }
    return head;
  }

  /** The head's signed text, signature and certificate, the proofs, and the script that checks. */
  private void writeTreeHead(
      ZipOutputStream zip, StringBuilder sums, AuditExport export, AuditTreeHead head)
      throws IOException {
    byte[] certificate;
    try {
      certificate =
          new SealCertificate(head.signerCertificate(), head.getPublishedAt())
              .pem()
              .getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IOException("The certificate of the audit tree head cannot be read", e);
    }
    byte[] script;
    try (InputStream in = ExportArchive.class.getResourceAsStream(PROOFS_SCRIPT_FILE)) {
      script = in.readAllBytes();
    }
    writeSmall(zip, sums, Manifest.AUDIT_TREE_HEAD_FILE, head.signedText());
    writeSmall(
        zip, sums, TREE_HEAD_SIGNATURE_FILE, Base64.getDecoder().decode(head.getSignature()));
    writeSmall(zip, sums, TREE_HEAD_CERTIFICATE_FILE, certificate);
    zip.putNextEntry(new ZipEntry(AuditProofs.FILE));
    java.security.DigestOutputStream proofs = Manifest.digesting(zip);
    writeProofs(export, export.getAuditUpTo(), head.getTreeSize(), proofs);
    zip.closeEntry();
    sum(sums, Manifest.hex(proofs), AuditProofs.FILE);
    writeSmall(zip, sums, PROOFS_SCRIPT_FILE, script);
  }

  /** Writes the inclusion proofs of the export's audit log in the tree of {@code treeSize}. */
  void writeProofs(AuditExport export, long upTo, long treeSize, OutputStream out)
      throws IOException {
    AuditProofs.write(
        queries.auditEntries(export.getId(), export.scope(), settings.zone(), upTo),
        treeSize,
        entryIds -> tree.inclusions(entryIds, treeSize),
        AuditProofs.BATCH,
        out);
  }

  private static void writeSmall(ZipOutputStream zip, StringBuilder sums, String name, byte[] bytes)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
    sum(sums, Sha256.of(bytes), name);
  }

  /** One line as sha256sum -c reads it: the hex digest, two spaces, the file name. */
  private static void sum(StringBuilder sums, String sha256, String file) {
    sums.append(sha256).append("  ").append(file).append('\n');
  }

  /**
   * Writes the export's stored FHIR Bundles as NDJSON, one Bundle per line, and answers how many
   * lines it wrote.
   */
  int writeFhirBundles(AuditExport export, OutputStream out) throws IOException {
    int count = 0;
    for (ExportQueries.FhirLine line : queries.fhirBundles(export.getId())) {
      out.write(line.bytes());
      count++;
    }
    return count;
  }

  /** Writes the audit log of the export and answers how many entries it holds. */
  int writeAuditLog(AuditExport export, long upTo, OutputStream out) throws IOException {
    int count = 0;
    try (AuditLogCsv csv = new AuditLogCsv(Manifest.unclosable(out))) {
      for (AuditLine line :
          queries.auditEntries(export.getId(), export.scope(), settings.zone(), upTo)) {
        csv.write(line);
        count++;
      }
    }
    return count;
  }

  private static String fingerprints(List<SealCertificate> certificates) {
    StringBuilder lines = new StringBuilder();
    for (SealCertificate certificate : certificates) {
      lines
          .append("     ")
          .append(certificate.getSha256())
          .append(
              certificate.isCurrent()
                  ? "  (current)"
                  : "  (retired " + certificate.getRetiredAt() + ")")
          .append("\r\n");
    }
    return lines.toString();
  }

  private String readme(
      AuditExport export, List<SealCertificate> certificates, Optional<AuditTreeHead> head) {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "MyoChart audit export " + export.getId() + " of " + settings.clinicName(),
            "Scope: records sealed "
                + export.scope().describe()
                + " (dates in "
                + settings.zone()
                + ").",
            "Requested by "
                + export.getRequestedBy()
                + " at "
                + export.getRequestedAt()
                + "; collected "
                + export.getCompletedAt()
                + ".",
            "",
            "records/            "
                + export.getDone()
                + " sealed PDF/A-3b records exactly as stored at signing.",
            Manifest.CSV_FILE
                + "        one line per record: file, type, id, client, sealed time, SHA-256, size.",
            Manifest.JSON_FILE
                + "       the same list, plus the SHA-256 of "
                + Manifest.CSV_FILE
                + ", of "
                + Manifest.AUDIT_LOG_FILE
                + (head.isPresent() ? ", of the tree head and of the proofs" : "")
                + (export.fhirFiles() != null ? ", of " + Manifest.FHIR_BUNDLES_FILE : "")
                + ".",
            Manifest.SIGNATURE_FILE
                + "   detached CMS signature (DER) of "
                + Manifest.JSON_FILE
                + " by the clinic's sealing key.",
            CERTIFICATES_FILE
                + " the clinic's sealing certificates (also one per file in "
                + CERTIFICATE_FOLDER
                + ").",
            SUMS_FILE
                + "        SHA-256 of every file above and below, as sha256sum -c reads it; "
                + SUMS_SIGNATURE_FILE
                + " signs it.",
            Manifest.AUDIT_LOG_FILE
                + "       "
                + export.getAuditEntries()
                + " audit entries"
                + (export.scope().filtered() ? " about the exported records." : " of the range.")
                + " Each entry's hash covers its fields (step 6)."));
    head.ifPresent(
        h ->
            lines.addAll(
                List.of(
                    Manifest.AUDIT_TREE_HEAD_FILE
                        + " the audit tree head signed at "
                        + h.getPublishedAt()
                        + " over the clinic's "
                        + h.getTreeSize()
                        + " audit entries then.",
                    TREE_HEAD_SIGNATURE_FILE
                        + " its signature by the clinic's sealing key (SHA-256, RSA or ECDSA), and "
                        + TREE_HEAD_CERTIFICATE_FILE
                        + " that key's certificate.",
                    AuditProofs.FILE
                        + "  one line per entry of "
                        + Manifest.AUDIT_LOG_FILE
                        + ": its place in that tree and its audit path.",
                    PROOFS_SCRIPT_FILE
                        + " checks those proofs (Python 3, standard library only; step 8).")));
    if (export.fhirFiles() != null) {
      lines.addAll(
          List.of(
              Manifest.FHIR_BUNDLES_FILE
                  + "  "
                  + export.fhirFiles().bundles()
                  + " HL7 FHIR R4 Bundles for physicians' record systems, one per client with a"
                  + " record in this export,",
              "   one Bundle per line (NDJSON, application/fhir+ndjson, as FHIR Bulk Data lays out"
                  + " a file per resource type).",
              "   Each is the client's whole record as MyoChart's Export for physician (FHIR) gives"
                  + " it, built when the export",
              "   was collected ("
                  + export.getCompletedAt()
                  + "); sealed PDFs are named by their SHA-256, not linked. Step 3 checks the file."));
    }
    lines.addAll(
        List.of(
            "",
            "To check this archive offline (OpenSSL 3, sha256sum"
                + (head.isPresent() ? " and Python 3" : "")
                + "; run in the unpacked folder):",
            "",
            "1. Make sure the certificates are the clinic's. Print their SHA-256 fingerprints:",
            "     for c in "
                + CERTIFICATE_FOLDER
                + "*.pem; do openssl x509 -in \"$c\" -outform DER | sha256sum; done",
            "   and compare them with the fingerprints the clinic publishes on its verification page (or gives you",
            "   itself). Do not rely on this file for them; at the time of this download they were:",
            fingerprints(certificates),
            "2. Check that the clinic's key signed the list of files, trusting those certificates only:",
            "     openssl cms -verify -binary -inform DER -in "
                + SUMS_SIGNATURE_FILE
                + " -content "
                + SUMS_FILE
                + " -CAfile "
                + CERTIFICATES_FILE,
            "       -partial_chain -purpose any -no-CApath -no-CAstore -out /dev/null",
            "   It must print \"CMS Verification successful\". A list signed by any other key fails here.",
            "3. Check every file against the list:",
            "     sha256sum -c " + SUMS_FILE,
            "   Every line must end in OK; a swapped, changed or missing record fails here.",
            "4. The manifest, signed when the export was made, can be checked the same way:",
            "     openssl cms -verify -binary -inform DER -in "
                + Manifest.SIGNATURE_FILE
                + " -content "
                + Manifest.JSON_FILE
                + " -CAfile "
                + CERTIFICATES_FILE,
            "       -partial_chain -purpose any -no-CApath -no-CAstore -out /dev/null",
            "5. Each PDF carries its own seal: pdfsig, Adobe Acrobat or EU DSS show it; its certificate's",
            "   fingerprint must be one of those in step 1 (MyoChart's verification page checks that for you).",
            "   With a timestamp authority a record also carries a document timestamp over the whole file",
            "   (PAdES B-LTA): EU DSS and Acrobat check it; pdfsig says it cannot check that type.",
            "",
            "6. The audit log's entries. In "
                + Manifest.AUDIT_LOG_FILE
                + " (after removing the spreadsheet-safety ' described below),",
            "   each line's entry_hash is the lower-case hex SHA-256 of the UTF-8 bytes of",
            "     L(previous_hash) \":\" previous_hash \";\" L(id) \":\" id \";\" L(occurred_at) \":\" occurred_at \";\" ...",
            "   over the eleven fields previous_hash, id, occurred_at, actor, actor_role, action, record_type,",
            "   record_id, detail, ip_address, user_agent, in that order: each field as written in the file (an",
            "   empty cell is the empty text), preceded by its length in UTF-16 code units and a colon, and",
            "   followed by a semicolon. A line's previous_hash, unless empty, is the entry_hash of the entry",
            "   before it in the clinic's whole log (the file holds the entries of the export's range, so a gap",
            "   in id means entries of other records in between); the first entry's previous_hash is 64 zeros.",
            "   An entry whose previous_hash is empty was written after MyoChart's audit log became a Merkle",
            "   tree alone (its ADR-058): it is not chained to the entry before it, and its place in the log is",
            "   proven by its inclusion proof in the signed audit tree (step 8), not by the chain.",
            ""));
    lines.addAll(head.isPresent() ? treeSteps() : List.of(NO_TREE_STEP));
    lines.addAll(
        List.of(
            "",
            "Spreadsheet safety: in "
                + Manifest.CSV_FILE
                + " and "
                + Manifest.AUDIT_LOG_FILE
                + " a cell that begins with",
            "  = + - @, a tab or a carriage return was written with one extra ' in front (and in quotes), so that a",
            "  spreadsheet shows it as text instead of running it as a formula: user names and browser user agents",
            "  are typed by anyone who tries to sign in. The files were hashed and signed as written, with the '.",
            "  To get a raw value, strip one leading ' from a cell whose next character is one of those six.",
            ""));
    return String.join("\r\n", lines);
  }

  private static final String NO_TREE_STEP =
      "7. This export was collected before exports carried a signed audit tree head and inclusion"
          + " proofs; a new export of the same range carries them.";

  /** Steps 7 and 8: the tree head's signature with openssl, the proofs with the script. */
  private static List<String> treeSteps() {
    String head = Manifest.AUDIT_TREE_HEAD_FILE;
    return List.of(
        "7. The audit tree head. " + head + " says that the clinic's whole audit log had tree_size",
        "   entries when this export was collected, and that the Merkle tree of their entry_hash values",
        "   (RFC 9162) has the root root_hash. Check which certificate signed it, then its signature:",
        "     openssl x509 -in " + TREE_HEAD_CERTIFICATE_FILE + " -outform DER | sha256sum",
        "     openssl x509 -in "
            + TREE_HEAD_CERTIFICATE_FILE
            + " -pubkey -noout -out audit-tree-head.pub",
        "     openssl dgst -sha256 -verify audit-tree-head.pub -signature "
            + TREE_HEAD_SIGNATURE_FILE
            + " "
            + head,
        "   The first must print one of the fingerprints of step 1, the last \"Verified OK\".",
        "8. The inclusion proofs. "
            + AuditProofs.FILE
            + " has one line per entry of "
            + Manifest.AUDIT_LOG_FILE
            + ": its id,",
        "   entry_hash, leaf_index (the entry's place in the tree, as the tree gives it), tree_size and",
        "   audit_path (the sibling hashes from the leaf up). Run it with Python 3 (read the short script",
        "   first):",
        "     python3 " + PROOFS_SCRIPT_FILE,
        "   For each line of "
            + Manifest.AUDIT_LOG_FILE
            + " it recomputes entry_hash as step 6 says, hashes it into its leaf,",
        "   SHA-256(0x00 || the 32 bytes of entry_hash), and walks the audit path from leaf_index up, as",
        "   RFC 9162 section 2.1.3.2 does (a node is SHA-256(0x01 || left || right)), to the root_hash of",
        "   "
            + head
            + ". It prints \"entry <id>: OK, leaf <leaf_index> of <tree_size>\" for each entry",
        "   and ends with a line that starts with \"OK:\" and exit status 0. A changed line or proof prints",
        "   \"entry <id>: FAILED\" and the reason, and the script ends with \"FAILED:\" and exit status 1. An",
        "   entry written after the head was signed (\"covered\": false) is listed as \"not yet covered\"; the",
        "   last line counts them.");
  }
}
