package org.myochart.record;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/**
 * Audit detail of a sealing certificate found in records sealed before the history began, added to
 * it as retired at that time.
 */
@JsonbPropertyOrder({"sha256", "subject", "notAfter", "retiredAt"})
public record SealCertificateRecovered(
    String sha256, String subject, String notAfter, String retiredAt) implements AuditDetail {}
