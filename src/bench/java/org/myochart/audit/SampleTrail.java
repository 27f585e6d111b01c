package org.myochart.audit;

import java.time.Instant;
import java.util.List;

/** The audit trail of a consent signed on the kiosk, for benchmarks. */
public final class SampleTrail {

  private SampleTrail() {}

  public static List<AuditEntry> kioskSigning(long consentId, Instant signedAt) {
    Actor reception =
        new Actor(
            "reception1",
            org.myochart.staff.Role.FRONT_DESK,
            "192.0.2.10",
            "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
    Actor tablet =
        new Actor(
            "reception1",
            org.myochart.staff.Role.FRONT_DESK,
            "192.0.2.44",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) Safari/604.1");
    return List.of(
        new AuditEntry(
            901,
            signedAt.minusSeconds(300),
            reception,
            AuditAction.KIOSK_START,
            "KioskSession",
            "k-7",
            "{}",
            "0"),
        new AuditEntry(
            902,
            signedAt.minusSeconds(240),
            tablet,
            AuditAction.VIEW,
            "ConsentFormVersion",
            "3",
            "{}",
            "1"),
        new AuditEntry(
            903,
            signedAt,
            tablet,
            AuditAction.SIGN,
            "Consent",
            Long.toString(consentId),
            "{}",
            "2"),
        new AuditEntry(
            904,
            signedAt.plusSeconds(1),
            tablet,
            AuditAction.KIOSK_END,
            "KioskSession",
            "k-7",
            "{}",
            "3"));
  }
}
