/**
 * The append-only audit trail. Every sign-in, denial, create, change, view, signature and export
 * writes one entry in the same transaction as the action; each entry carries the SHA-256 of the
 * previous entry's hash and its own content, so an edited, removed or reordered row breaks the
 * chain where it happened. {@code AuditSearch} reads the trail back for the owner, a page at a
 * time, filtered by {@code AuditFilter}. {@code CurrentActor} says who is acting, in which role;
 * {@code AccessDenials} records refusals, including those platform raises as {@code AccessRefused}.
 */
package org.myochart.audit;
