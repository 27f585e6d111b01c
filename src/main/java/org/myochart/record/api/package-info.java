/** Sealed record PDFs over the REST API, for the owner. */
package org.myochart.record.api;
