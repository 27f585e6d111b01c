package org.myochart.export.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.myochart.export.AuditExport;
import org.myochart.export.AuditExports;
import org.myochart.export.ExportJobs;
import org.myochart.export.ExportScope;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/** Requests a bulk audit export; the job runs in the background. */
@Path("/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {

  @Inject AuditExports exports;
  @Inject ExportJobs jobs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary =
          "Start a bulk audit export of the records sealed from 'from' to 'to' (YYYY-MM-DD, both"
              + " included), optionally only one therapist's (username) or one client's (id);"
              + " with \"fhirBundles\": true the archive also carries fhir/Bundle.ndjson, the"
              + " HL7 FHIR R4 Bundle of each client with a record in it, one per line")
  @APIResponse(responseCode = "202", description = "Started; Location is the export's status")
  @APIResponse(
      responseCode = "400",
      description =
          "A missing or malformed date, from after to, a range over 10 years,"
              + " an unknown therapist or client, a 'fhirBundles' that is not true or false")
  public Response request(JsonValue value, @Context UriInfo uri) {
    if (!(value instanceof JsonObject body)) {
      throw RuleViolation.invalid(
          "Send a JSON object such as {\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}.");
    }
    ExportScope scope =
        ExportScope.of(
                text(body, "from"),
                text(body, "to"),
                text(body, "therapist"),
                clientId(body),
                exports.today())
            .withFhirBundles(fhirBundles(body));
    AuditExport export = jobs.request(scope);
    return Response.accepted(ExportView.of(export))
        .location(URI.create(uri.getBaseUri().getRawPath() + "exports/" + export.getId()))
        .build();
  }

  private static String text(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw RuleViolation.invalidFields(Map.of(field, "'" + field + "' must be a string."));
  }

  /** Whether the archive should carry the clients' FHIR Bundles: false unless asked for. */
  private static boolean fhirBundles(JsonObject body) {
    JsonValue value = body.get("fhirBundles");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    return switch (value.getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      default ->
          throw RuleViolation.invalidFields(
              Map.of("fhirBundles", "'fhirBundles' must be true or false."));
    };
  }

  private static Long clientId(JsonObject body) {
    JsonValue value = body.get("client");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return number.longValue();
    }
    if (value instanceof JsonString string && string.getString().strip().matches("\\d{1,18}")) {
      return Long.parseLong(string.getString().strip());
    }
    throw RuleViolation.invalidFields(Map.of("client", "'client' must be a client's numeric id."));
  }
}
