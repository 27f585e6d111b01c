/**
 * Bulk audit exports: a date range of sealed records, optionally for one therapist or client,
 * collected by a restartable Jakarta Batch job and delivered as a streamed ZIP with a signed
 * manifest, the audit entries of the range, and a signed audit tree head with their inclusion
 * proofs.
 */
package org.myochart.export;
