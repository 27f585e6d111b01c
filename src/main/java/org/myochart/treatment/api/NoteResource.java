package org.myochart.treatment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.caseload.BreakGlassNeeded;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/**
 * One SOAP note over the API, read-only, for the owner and the therapists whose caseload holds the
 * client (or who gave a break-glass reason in MyoChart that still holds).
 */
@Path("/notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

  @Inject SoapNotes notes;

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE})
  @Operation(
      summary =
          "One SOAP note as structured JSON (the content that is signed and hashed), read-only")
  public Response one(@PathParam("id") long noteId) {
    SoapNote note;
    try {
      note = notes.open(noteId);
    } catch (BreakGlassNeeded outsideCaseload) {
      throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, outsideCaseload.forApi());
    }
    return Response.ok(note.canonical())
        .header("X-Content-SHA256", note.getContentSha256() == null ? "" : note.getContentSha256())
        .build();
  }
}
