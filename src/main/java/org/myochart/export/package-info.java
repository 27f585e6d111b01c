/**
 * Bulk audit exports: a date range of sealed records, optionally for one therapist or client,
 * collected by a restartable Jakarta Batch job and delivered as a streamed ZIP with a signed
 * manifest and the audit entries of the range.
 */
package org.myochart.export;
