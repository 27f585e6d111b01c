package org.myochart.treatment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.caseload.BreakGlassNeeded;
import org.myochart.client.Clients;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;

/**
 * A client's SOAP notes over the API, for the owner and the therapists whose caseload holds the
 * client (or who gave a break-glass reason in MyoChart that still holds).
 */
@Path("/clients/{id}/notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientNotesResource {

  public record NoteSummary(
      long id,
      String sessionDate,
      String sessionKind,
      String therapist,
      String status,
      String signedAt) {
    static NoteSummary of(SoapNote note) {
      return new NoteSummary(
          note.getId(),
          note.getSession().getStartsAt().toString(),
          note.getSession().getKind().name(),
          note.getTherapist(),
          note.getStatus().name(),
          note.getSignedAt() == null ? null : note.getSignedAt().toString());
    }
  }

  @Inject SoapNotes notes;
  @Inject Clients clients;

  @GET
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE})
  @Operation(summary = "The client's SOAP notes, newest session first")
  public List<NoteSummary> ofClient(@PathParam("id") long clientId) {
    clients.get(clientId);
    List<NoteSummary> summaries;
    try {
      summaries = notes.notesOf(clientId).stream().map(NoteSummary::of).toList();
    } catch (BreakGlassNeeded outsideCaseload) {
      throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, outsideCaseload.forApi());
    }
    return summaries;
  }
}
