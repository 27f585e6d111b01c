package org.myochart.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/**
 * The audit detail of an issued API token: its name, whom it acts for, in which role, until when.
 */
@JsonbPropertyOrder({"name", "account", "role", "expires"})
public record TokenIssued(String name, String account, String role, String expires)
    implements AuditDetail {}
