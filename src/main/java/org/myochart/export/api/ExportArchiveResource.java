package org.myochart.export.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.myochart.export.AuditExport;
import org.myochart.export.AuditExports;
import org.myochart.staff.Role;

/** The archive of a completed export, streamed. */
@Path("/exports/{id}/archive")
@RequestScoped
public class ExportArchiveResource {

  @Inject AuditExports exports;

  @GET
  @Produces({"application/zip", "application/json"})
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary =
          "The ZIP of a completed export: sealed PDFs, CSV and JSON manifest, the manifest's"
              + " detached signature, the audit log with a signed audit tree head and the log's"
              + " inclusion proofs")
  @APIResponse(responseCode = "409", description = "The export is still running or failed")
  public Response archive(@PathParam("id") long id) {
    AuditExport export = exports.openArchive(id);
    StreamingOutput body = out -> exports.writeArchive(export, out);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + export.archiveName() + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
