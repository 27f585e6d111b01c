/** The FHIR export over the API: {@code GET /api/v1/clients/{id}/fhir}. */
package org.myochart.fhir.api;
