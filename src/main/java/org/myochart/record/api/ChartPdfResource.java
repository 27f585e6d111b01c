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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.myochart.record.Charts;
import org.myochart.staff.Role;

/** A client's combined, sealed chart PDF; for the owner. */
@Path("/clients/{id}/chart.pdf")
@RequestScoped
public class ChartPdfResource {

  @Inject Charts charts;

  @GET
  @Produces("application/pdf")
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary = "A client's chart as one sealed PDF",
      description =
          "A cover page listing every signed record with its SHA-256, then each record's sealed pages in the order "
              + "they were signed, a bookmark per record, and each original sealed PDF attached unchanged. Audited as EXPORT.")
  @APIResponse(responseCode = "200", description = "The sealed chart PDF")
  @APIResponse(responseCode = "404", description = "There is no such client")
  public Response chart(@PathParam("id") long id) {
    Charts.ChartExport chart = charts.export(id);
    return Response.ok(chart.pdf())
        .header("Content-Disposition", "attachment; filename=\"chart-" + id + ".pdf\"")
        .header("X-Content-SHA256", chart.sha256())
        .header("Cache-Control", "no-store")
        .build();
  }
}
