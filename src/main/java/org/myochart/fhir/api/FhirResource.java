package org.myochart.fhir.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.myochart.caseload.BreakGlassNeeded;
import org.myochart.fhir.FhirExports;
import org.myochart.fhir.FhirMapping;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * A client's record as an HL7 FHIR R4 Bundle, for the owner and the therapists whose caseload holds
 * the client (or who gave a break-glass reason in MyoChart that still holds).
 */
@Path("/clients/{id}/fhir")
@RequestScoped
public class FhirResource {

  @Inject FhirExports exports;
  @Context UriInfo uri;

  @GET
  @Produces({FhirMapping.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE})
  @Operation(
      summary = "The client's record as a FHIR R4 Bundle",
      description =
          "A Bundle of type collection: Patient, then (when recorded) MedicationStatement and Flag from"
              + " the intake and restrictions, Consent with its sealed PDF as DocumentReference,"
              + " Composition per signed SOAP note and addendum with Observation and Procedure"
              + " entries, and a Provenance with the SHA-256 per signature (docs/fhir.md). Audited"
              + " as EXPORT.")
  @APIResponse(responseCode = "200", description = "The Bundle, application/fhir+json")
  @APIResponse(responseCode = "403", description = "The client is not in your caseload")
  @APIResponse(responseCode = "404", description = "There is no such client")
  public Response bundle(@PathParam("id") long id) {
    FhirExports.FhirExport export;
    try {
      export = exports.export(id, uri.getBaseUri().toString());
    } catch (BreakGlassNeeded outsideCaseload) {
      throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, outsideCaseload.forApi());
    }
    return Response.ok(export.json().getBytes(StandardCharsets.UTF_8))
        .type(FhirMapping.MEDIA_TYPE + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"client-" + id + ".fhir.json\"")
        .header("X-Content-SHA256", export.sha256())
        .header("Cache-Control", "no-store")
        .build();
  }
}
