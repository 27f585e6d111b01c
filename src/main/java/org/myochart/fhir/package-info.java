/**
 * A client's record as an HL7 FHIR R4 Bundle for the client's physician: {@link
 * org.myochart.fhir.FhirExports} reads the client, intake, consents, signed notes with their
 * addenda, restrictions and sealed records into a {@link org.myochart.fhir.FhirChart}, and {@link
 * org.myochart.fhir.FhirMapping} (the one place where MyoChart fields become FHIR elements,
 * docs/fhir.md) builds and serialises the Bundle with HAPI FHIR. Every export is audited. {@code
 * fhir.api}: {@code FhirResource} ({@code GET /api/v1/clients/{id}/fhir}); {@code fhir.web}: the
 * client page's download. It reads every domain; no domain uses it.
 */
package org.myochart.fhir;
