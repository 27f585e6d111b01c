package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.testsupport.SealedPdfs;
import org.myochart.testsupport.TestTimestampAuthority;

class RecordsTest {

  private static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");

  private static Records records(Path folder, Optional<TimestampAuthority> authority)
      throws Exception {
    Path keystore = folder.resolve("seal.p12");
    try (var out = Files.newOutputStream(keystore)) {
      SigningIdentity.selfSigned("Harbourside Migraine Massage", SIGNED)
          .writePkcs12(out, "secret".toCharArray());
    }
    Records records = new Records();
    records.key = new ClinicSigningKey();
    records.key.keystore = Optional.of(keystore.toString());
    records.key.keystorePassword = Optional.of("secret");
    records.key.alias = Optional.empty();
    records.settings =
        new ClinicSettings() {
          @Override
          public String clinicName() {
            return "Harbourside Migraine Massage";
          }
        };
    records.timestamps =
        new ClinicTimestampAuthority() {
          @Override
          public Optional<TimestampAuthority> authority() {
            return authority;
          }
        };
    return records;
  }

  private static RecordPdf note() {
    return new RecordPdf()
        .add(RecordPdf.Style.TITLE, "Signed SOAP note")
        .field("Signed by", "Tor Hansen");
  }

  @Test
  void aConfiguredAuthorityStampsEverySeal(@TempDir Path folder) throws Exception {
    try (TestTimestampAuthority tsa = TestTimestampAuthority.start()) {
      Records records =
          records(folder, Optional.of(new TimestampAuthority(tsa.url(), Duration.ofSeconds(10))));

      byte[] pdf =
          records.sealOrRefuse(
              "SoapNote 7", note(), "note-7.json", "{}", "SOAP note 7", "SOAP note signed", SIGNED);

      assertTrue(SealedPdfs.signatureValid(pdf));
      assertTrue(SealedPdfs.timestampTime(pdf).isPresent());
      assertFalse(SealedPdfs.text(pdf).contains("rest on the clinic server's clock"));
    }
  }

  @Test
  void aFailingAuthorityRefusesTheSigningWithAMessageThePersonCanActOn(@TempDir Path folder)
      throws Exception {
    URI gone;
    try (TestTimestampAuthority stopped = TestTimestampAuthority.start()) {
      gone = stopped.url();
    }
    Records records =
        records(folder, Optional.of(new TimestampAuthority(gone, Duration.ofSeconds(5))));

    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                records.sealOrRefuse(
                    "SoapNote 7",
                    note(),
                    "note-7.json",
                    "{}",
                    "SOAP note 7",
                    "SOAP note signed",
                    SIGNED));
    assertEquals(RuleViolation.Kind.CONFLICT, refused.kind());
    assertTrue(refused.getMessage().contains("nothing was saved"), refused.getMessage());
    assertTrue(refused.getMessage().contains("try again"), refused.getMessage());
  }

  @Test
  void withoutAnAuthorityTheSealHasNoTimestamp(@TempDir Path folder) throws Exception {
    byte[] pdf =
        records(folder, Optional.empty())
            .sealOrRefuse(
                "SoapNote 7",
                note(),
                "note-7.json",
                "{}",
                "SOAP note 7",
                "SOAP note signed",
                SIGNED);

    assertTrue(SealedPdfs.signatureValid(pdf));
    assertTrue(SealedPdfs.timestampTime(pdf).isEmpty());
    assertTrue(
        SealedPdfs.text(pdf).replaceAll("\\s+", " ").contains(Records.SERVER_CLOCK_ONLY),
        "the record says plainly that only the server's clock vouches for its time");
  }
}
