package org.myochart.record;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.myochart.audit.AuditDetail;

/** Audit detail of a sealing certificate put into use, and of those it retired. */
@JsonbPropertyOrder({"sha256", "subject", "notAfter", "retired"})
public record SealCertificateInUse(
    String sha256, String subject, String notAfter, List<String> retired) implements AuditDetail {}
