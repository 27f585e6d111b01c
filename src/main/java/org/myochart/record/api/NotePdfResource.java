package org.myochart.record.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.audit.RecordKind;
import org.myochart.record.Records;
import org.myochart.staff.Role;

/** The sealed PDF of one SOAP note, exactly as stored at signing; for the owner. */
@Path("/notes/{id}/pdf")
@RequestScoped
public class NotePdfResource {

  @Inject Records records;

  @GET
  @Produces("application/pdf")
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(summary = "The sealed PDF/A-3b of a signed SOAP note")
  public Response note(@PathParam("id") long id) {
    return ConsentPdfResource.pdf(records.export(RecordKind.SOAP_NOTE, id), "note-" + id + ".pdf");
  }
}
