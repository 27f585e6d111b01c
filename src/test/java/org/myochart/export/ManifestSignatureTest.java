package org.myochart.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.myochart.record.SigningIdentity;

class ManifestSignatureTest {

  private static final SigningIdentity CLINIC =
      SigningIdentity.selfSigned(
          "Harbourside Migraine Massage", Instant.parse("2026-11-21T08:00:00Z"));

  private static boolean verifies(byte[] signature, byte[] content) throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(CLINIC.certificate()));
    } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException mismatch) {
      return false;
    }
  }

  @Test
  void aStreamedManifestIsSignedDetachedAndVerifiesAgainstTheSameBytes() throws Exception {
    byte[] manifest = "{\"records\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
    byte[] signature = ManifestSignature.sign(CLINIC, out -> out.write(manifest));
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
    assertTrue(signed.isDetachedSignature());
    assertEquals(1, signed.getCertificates().getMatches(null).size());
    assertTrue(verifies(signature, manifest));
  }

  @Test
  void oneChangedByteOfTheManifestBreaksTheSignature() throws Exception {
    byte[] manifest = "{\"records\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
    byte[] signature = ManifestSignature.sign(CLINIC, out -> out.write(manifest));
    manifest[13] = '9';
    assertFalse(verifies(signature, manifest));
  }
}
