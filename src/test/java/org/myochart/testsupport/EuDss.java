package org.myochart.testsupport;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates a sealed PDF with the European Commission's DSS library, as an auditor's validator
 * would: against the given trust anchors only, and with nothing fetched from the network, so that
 * everything it needs must travel inside the file (PAdES B-LT).
 *
 * <p>DSS runs as a separate tool, in a JVM of its own with the Bouncy Castle it was built against
 * (copied to {@code target/eu-dss-bouncy-castle} by the build): the 1.86 that MyoChart uses refuses
 * the zero padding that every PDF signature's {@code /Contents} carries, which DSS 6.4 does not
 * strip.
 */
public final class EuDss {

  /** What DSS concluded about the file's first signature, with its messages for a failure. */
  public record Verdict(
      Indication indication,
      SubIndication subIndication,
      SignatureLevel level,
      int timestamps,
      List<String> errors,
      List<String> warnings) {

    @Override
    public String toString() {
      return indication
          + (subIndication == null ? "" : "/" + subIndication)
          + " "
          + level
          + ", "
          + timestamps
          + " timestamps, errors "
          + errors
          + ", warnings "
          + warnings;
    }
  }

  private EuDss() {}

  /** One file to validate and the certificates to trust for it. */
  public record Request(byte[] pdf, X509Certificate... trusted) {}

  public static Verdict validate(byte[] pdf, X509Certificate... trusted) {
    return validate(List.of(new Request(pdf, trusted))).get(0);
  }

  /** Several files in one run of DSS (a JVM start and DSS's own start-up cost seconds). */
  public static List<Verdict> validate(List<Request> requests) {
    try {
      Path dir = Files.createTempDirectory("eu-dss");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(classPath());
      command.add(EuDss.class.getName());
      for (int r = 0; r < requests.size(); r++) {
        Path file = dir.resolve("record-" + r + ".pdf");
        Files.write(file, requests.get(r).pdf());
        command.add(file.toString());
        X509Certificate[] trusted = requests.get(r).trusted();
        for (int i = 0; i < trusted.length; i++) {
          Path anchor = dir.resolve("anchor-" + r + "-" + i + ".der");
          Files.write(anchor, trusted[i].getEncoded());
          command.add(anchor.toString());
        }
        command.add("--");
      }
      Process process =
          new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "EU DSS failed: " + out + Files.readString(dir.resolve("stderr.txt")));
      }
      List<Verdict> verdicts =
          out.lines().filter(line -> line.startsWith("VERDICT\t")).map(EuDss::parse).toList();
      if (verdicts.size() != requests.size()) {
        throw new IllegalStateException(
            "EU DSS answered " + verdicts.size() + " of " + requests.size());
      }
      return verdicts;
    } catch (Exception e) {
      throw new IllegalStateException("Could not run EU DSS", e);
    }
  }

  private static Verdict parse(String line) {
    String[] parts = line.split("\t", -1);
    return new Verdict(
        parts[1].isEmpty() ? null : Indication.valueOf(parts[1]),
        parts[2].isEmpty() ? null : SubIndication.valueOf(parts[2]),
        parts[3].isEmpty() ? null : SignatureLevel.valueOf(parts[3]),
        Integer.parseInt(parts[4]),
        parts[5].isEmpty() ? List.of() : List.of(parts[5].split(" \\| ")),
        parts[6].isEmpty() ? List.of() : List.of(parts[6].split(" \\| ")));
  }

  /** The test class path with Bouncy Castle swapped for the version DSS was built against. */
  private static String classPath() throws Exception {
    String current =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path jars =
        Path.of(System.getProperty("myochart.it.targetDir", "target"), "eu-dss-bouncy-castle");
    List<String> entries = new ArrayList<>();
    try (var listing = Files.list(jars)) {
      listing.map(Path::toString).sorted().forEach(entries::add);
    }
    if (entries.size() != 3) {
      throw new IllegalStateException("Bouncy Castle for EU DSS missing in " + jars);
    }
    for (String entry : current.split(java.io.File.pathSeparator)) {
      if (!entry.matches(".*/bc(prov|pkix|util)-jdk18on-[0-9.]+\\.jar")) {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /**
   * Run in its own JVM: for each file, its path and its trust anchors' DER files, then "--"; prints
   * one VERDICT line per file, in order.
   */
  public static void main(String[] args) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<String> group = new ArrayList<>();
    for (String arg : args) {
      if (!arg.equals("--")) {
        group.add(arg);
        continue;
      }
      X509Certificate[] anchors = new X509Certificate[group.size() - 1];
      for (int i = 1; i < group.size(); i++) {
        try (var in = Files.newInputStream(Path.of(group.get(i)))) {
          anchors[i - 1] = (X509Certificate) factory.generateCertificate(in);
        }
      }
      Verdict verdict = inThisJvm(Files.readAllBytes(Path.of(group.get(0))), anchors);
      group.clear();
      System.out.println(
          String.join(
              "\t",
              "VERDICT",
              verdict.indication() == null ? "" : verdict.indication().name(),
              verdict.subIndication() == null ? "" : verdict.subIndication().name(),
              verdict.level() == null ? "" : verdict.level().name(),
              Integer.toString(verdict.timestamps()),
              String.join(" | ", verdict.errors()).replace('\t', ' ').replace('\n', ' '),
              String.join(" | ", verdict.warnings()).replace('\t', ' ').replace('\n', ' ')));
    }
  }

  private static Verdict inThisJvm(byte[] pdf, X509Certificate... trusted) {
    CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
    for (X509Certificate certificate : trusted) {
      anchors.addCertificate(new CertificateToken(certificate));
    }
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(anchors);
    verifier.setAIASource(null);
    verifier.setCrlSource(null);
    verifier.setOcspSource(null);
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
    validator.setCertificateVerifier(verifier);
    SimpleReport report = validator.validateDocument().getSimpleReport();
    String id = report.getFirstSignatureId();
    return new Verdict(
        report.getIndication(id),
        report.getSubIndication(id),
        report.getSignatureFormat(id),
        report.getTimestampIdList().size(),
        report.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList(),
        report.getAdESValidationWarnings(id).stream().map(m -> m.getValue()).toList());
  }
}
