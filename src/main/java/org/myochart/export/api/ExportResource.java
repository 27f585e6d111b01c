package org.myochart.export.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.export.AuditExports;
import org.myochart.staff.Role;

/** How far an export has come. */
@Path("/exports/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

  @Inject AuditExports exports;

  @GET
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary = "An export's status (RUNNING, COMPLETED or FAILED) with records done and total")
  public ExportView status(@PathParam("id") long id) {
    return ExportView.of(exports.get(id));
  }
}
