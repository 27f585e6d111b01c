package org.myochart.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.myochart.platform.Sha256;

/**
 * Reads an export archive as an auditor would: every file's SHA-256 computed while streaming, the
 * manifests, the audit log and the detached signature kept, and up to {@code keepPdfs} PDFs kept
 * whole for further checks.
 */
public final class ExportArchives {

  /** What an archive held. */
  public record Contents(
      List<String> names,
      Map<String, String> sha256,
      Map<String, byte[]> small,
      Map<String, byte[]> pdfs) {

    public String text(String name) {
      return new String(small.get(name), StandardCharsets.UTF_8);
    }

    public List<CSVRecord> csv(String name) throws IOException {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(new StringReader(text(name)))
          .getRecords();
    }

    public List<String> recordFiles() {
      return names.stream().filter(n -> n.startsWith("records/")).toList();
    }

    /** Whether manifest.json.p7s is a valid detached signature of manifest.json. */
    public boolean manifestSignatureValid() throws Exception {
      CMSSignedData signed =
          new CMSSignedData(
              new CMSProcessableByteArray(small.get("manifest.json")),
              small.get("manifest.json.p7s"));
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      X509CertificateHolder certificate =
          (X509CertificateHolder)
              signed.getCertificates().getMatches(signer.getSID()).iterator().next();
      try {
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
      } catch (CMSSignerDigestMismatchException mismatch) {
        return false;
      }
    }
  }

  private ExportArchives() {}

  public static Contents read(InputStream archive, int keepPdfs) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, String> sha = new HashMap<>();
    Map<String, byte[]> small = new LinkedHashMap<>();
    Map<String, byte[]> pdfs = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(archive, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        byte[] bytes = zip.readAllBytes();
        names.add(entry.getName());
        sha.put(entry.getName(), Sha256.of(bytes));
        if (!entry.getName().startsWith("records/")) {
          small.put(entry.getName(), bytes);
        } else if (pdfs.size() < keepPdfs) {
          pdfs.put(entry.getName(), bytes);
        }
      }
    }
    return new Contents(names, sha, small, pdfs);
  }
}
