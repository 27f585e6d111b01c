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
import org.myochart.record.SealedRecord;
import org.myochart.staff.Role;

/** The sealed PDF of one consent, exactly as stored at signing; for the owner. */
@Path("/consents/{id}/pdf")
@RequestScoped
public class ConsentPdfResource {

  @Inject Records records;

  @GET
  @Produces("application/pdf")
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(summary = "The sealed PDF/A-3b of a signed consent")
  public Response consent(@PathParam("id") long id) {
    return pdf(records.export(RecordKind.CONSENT, id), "consent-" + id + ".pdf");
  }

  static Response pdf(SealedRecord record, String name) {
    return Response.ok(record.pdf())
        .header("Content-Disposition", "inline; filename=\"" + name + "\"")
        .header("X-Content-SHA256", record.getSha256())
        .build();
  }
}
