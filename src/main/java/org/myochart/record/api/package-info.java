/**
 * Sealed record PDFs, their verification and clients' combined charts over the REST API, for the
 * owner.
 */
package org.myochart.record.api;
