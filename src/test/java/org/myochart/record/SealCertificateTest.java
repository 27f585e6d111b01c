package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealCertificateTest {

  private static final Instant FIRST_USE = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant ROTATION = Instant.parse("2026-06-01T12:00:00Z");
  private static final SigningIdentity OLD = SigningIdentity.selfSigned("Harbourside", FIRST_USE);
  private static final SigningIdentity NEW = SigningIdentity.selfSigned("Harbourside", ROTATION);

  @Test
  void aNewCertificateRetiresTheOneInUseAtTheMomentItTakesOver() {
    SealCertificate old = new SealCertificate(OLD.certificate(), FIRST_USE);

    SealCertificate current =
        SealCertificate.takingOverFrom(List.of(old), NEW.certificate(), ROTATION);

    assertFalse(old.isCurrent());
    assertEquals(ROTATION, old.getRetiredAt());
    assertTrue(current.isCurrent());
    assertEquals(ROTATION, current.getInUseFrom());
  }

  @Test
  void sealsMadeBeforeTheRotationStayTheClinicsAndLaterOnesWithTheOldKeyDoNot() {
    SealCertificate old = new SealCertificate(OLD.certificate(), FIRST_USE);
    SealCertificate.takingOverFrom(List.of(old), NEW.certificate(), ROTATION);

    assertTrue(old.coversSealMadeAt(ROTATION.minus(Duration.ofDays(30))));
    assertFalse(old.coversSealMadeAt(ROTATION));
    assertFalse(old.coversSealMadeAt(ROTATION.plusSeconds(1)));
  }

  @Test
  void aSealOutsideTheCertificatesValidityOrWithoutATimeIsNotCovered() {
    SealCertificate certificate = new SealCertificate(OLD.certificate(), FIRST_USE);

    assertFalse(certificate.coversSealMadeAt(null));
    assertFalse(certificate.coversSealMadeAt(FIRST_USE.minus(Duration.ofDays(2))));
    assertFalse(certificate.coversSealMadeAt(FIRST_USE.plus(Duration.ofDays(3651))));
    assertTrue(certificate.coversSealMadeAt(FIRST_USE.plus(Duration.ofDays(3000))));
  }

  @Test
  void theFingerprintIsTheSha256OfTheDerCertificateAndThePemCarriesIt() throws Exception {
    SealCertificate certificate = new SealCertificate(OLD.certificate(), FIRST_USE);
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(OLD.certificate().getEncoded()));

    assertEquals(expected, certificate.getSha256());
    assertTrue(certificate.pem().contains("# SHA-256 " + expected));
    assertEquals(OLD.certificate(), certificate.certificate());
  }
}
