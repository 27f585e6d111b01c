package org.myochart.consent;

import org.myochart.audit.AuditEntry;

/**
 * A consent was signed (on the tablet or recorded from paper), inside the signing transaction.
 *
 * @param signing the audit entry of the signature, stamped but possibly not yet appended: an
 *     observer that seals the consent prints it and appends it before its own entries
 */
public record ConsentSigned(Consent consent, AuditEntry signing) {}
