package org.myochart.consent.api;

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
import org.myochart.client.Clients;
import org.myochart.consent.ConsentStanding;
import org.myochart.consent.Consents;
import org.myochart.staff.Role;

/** A client's consents over the API, for owners and therapists. */
@Path("/clients/{id}/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

  public record ConsentView(
      long id,
      String formTitle,
      int version,
      String status,
      String signedAt,
      String signerName,
      String signerRole,
      String method,
      boolean validForTreatment,
      String withdrawnAt,
      String expiresAt) {
    static ConsentView of(ConsentStanding standing) {
      var consent = standing.consent();
      return new ConsentView(
          consent.getId(),
          consent.getFormVersion().getTitle(),
          consent.getFormVersion().getVersionNumber(),
          standing.status().name(),
          consent.getSignedAt().toString(),
          consent.getSignerName(),
          consent.getSignerRole().name(),
          consent.getMethod().name(),
          standing.isValid(),
          standing.withdrawal().map(w -> w.getWithdrawnAt().toString()).orElse(null),
          standing.expiresAt().toString());
    }
  }

  @Inject Consents consents;
  @Inject Clients clients;

  @GET
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE})
  @Operation(summary = "Every consent of the client, newest first, with its status today")
  public List<ConsentView> list(@PathParam("id") long clientId) {
    clients.get(clientId);
    List<ConsentView> views = consents.standings(clientId).stream().map(ConsentView::of).toList();
    return views;
  }
}
