package org.myochart.treatment;

import java.util.List;
import org.myochart.audit.AuditEntry;

/**
 * A SOAP note was signed and locked, inside the signing transaction.
 *
 * @param signing the audit entry of the signature, stamped but possibly not yet appended: an
 *     observer that seals the note prints it and appends it before its own entries
 * @param overrides the restrictions the note broke on purpose, with the reason given; printed in
 *     the sealed PDF
 */
public record NoteSigned(SoapNote note, AuditEntry signing, List<RestrictionOverride> overrides) {}
