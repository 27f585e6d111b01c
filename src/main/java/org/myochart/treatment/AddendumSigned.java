package org.myochart.treatment;

import org.myochart.audit.AuditEntry;

/**
 * An addendum was signed and added to a note, inside the signing transaction.
 *
 * @param signing the audit entry of the signature, stamped but possibly not yet appended (see
 *     {@link NoteSigned})
 */
public record AddendumSigned(NoteAddendum addendum, AuditEntry signing) {}
