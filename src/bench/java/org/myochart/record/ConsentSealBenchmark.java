package org.myochart.record;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.myochart.audit.AuditEntry;
import org.myochart.audit.SampleTrail;
import org.myochart.consent.Consent;
import org.myochart.consent.SampleConsent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders and seals a signed consent exactly as {@link Records} does at signing, without a
 * timestamp authority.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ConsentSealBenchmark {

  private static final String CLINIC = "Harbourside Migraine Massage";
  private static final Instant SIGNED = Instant.parse("2026-11-20T10:15:30Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

  private SigningIdentity identity;
  private Consent consent;
  private List<AuditEntry> trail;

  @Setup
  public void signedConsent() {
    identity = SigningIdentity.selfSigned(CLINIC, SIGNED);
    consent = SampleConsent.signedOnTheTablet(SIGNED);
    trail = SampleTrail.kioskSigning(consent.getId(), SIGNED);
  }

  @Benchmark
  public byte[] sealConsent() {
    return Records.sealed(
        RecordDocuments.consent(CLINIC, consent, trail, ZONE),
        consent.getFormVersion().getTitle(),
        CLINIC,
        "consent-" + consent.getId() + ".json",
        RecordDocuments.consentSource(consent),
        "Consent signed",
        identity,
        null,
        SIGNED);
  }
}
