/** SOAP notes over the REST API, read-only. */
package org.myochart.treatment.api;
