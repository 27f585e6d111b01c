package org.myochart.client.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/** Client details over the API. Health answers are not part of it. */
@Path("/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

  public record ClientView(
      long id,
      String firstName,
      String lastName,
      String dateOfBirth,
      String phone,
      String email,
      String emergencyContactName,
      String emergencyContactPhone,
      String preferredLanguage,
      String physicianName,
      String physicianContact,
      String notes,
      boolean active,
      boolean possibleDuplicate) {
    static ClientView of(Client c) {
      return new ClientView(
          c.getId(),
          c.getFirstName(),
          c.getLastName(),
          c.getDateOfBirth().toString(),
          c.getPhone(),
          c.getEmail(),
          c.getEmergencyContactName(),
          c.getEmergencyContactPhone(),
          c.getPreferredLanguage(),
          c.getPhysicianName(),
          c.getPhysicianContact(),
          c.getNotes(),
          c.isActive(),
          c.isPossibleDuplicate());
    }
  }

  public record ClientPage(List<ClientView> clients, long total, int page, int size) {}

  public record NewClient(
      String firstName,
      String lastName,
      String dateOfBirth,
      String phone,
      String email,
      String emergencyContactName,
      String emergencyContactPhone,
      String preferredLanguage,
      String physicianName,
      String physicianContact,
      String notes) {}

  /** The last page number asked for; with the largest page it keeps the offset within an int. */
  static final int LAST_PAGE = 1_000_000;

  @Inject Clients clients;

  @GET
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE, Role.FRONT_DESK_ROLE})
  @Operation(summary = "Find clients by name prefix, phone digits or date of birth (YYYY-MM-DD)")
  public ClientPage search(
      @QueryParam("q") @Parameter(description = "name, phone or date of birth") String query,
      @QueryParam("page") @DefaultValue("0") String pageParameter,
      @QueryParam("size") @DefaultValue("25") String sizeParameter,
      @QueryParam("inactive") @DefaultValue("false") boolean inactive) {
    int page = whole("page", pageParameter, 0, LAST_PAGE);
    int size = whole("size", sizeParameter, 1, Clients.LARGEST_PAGE);
    Clients.Page found = clients.search(query, inactive, page * size, size);
    return new ClientPage(
        found.clients().stream().map(ClientView::of).toList(), found.total(), page, size);
  }

  /**
   * A paging parameter within its range, or a 400 that names it: JAX-RS would answer a non-number
   * with 404, and a huge page times the size would wrap around to the first page.
   */
  private static int whole(String name, String value, int lowest, int highest) {
    String digits = value.strip();
    if (digits.matches("\\d{1,10}")) {
      long number = Long.parseLong(digits);
      if (number >= lowest && number <= highest) {
        return (int) number;
      }
    }
    throw RuleViolation.invalidFields(
        Map.of(name, name + " must be a whole number from " + lowest + " to " + highest + "."));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE, Role.FRONT_DESK_ROLE})
  @Operation(summary = "One client's details")
  public ClientView one(@PathParam("id") long id) {
    return ClientView.of(clients.open(id));
  }

  @POST
  @RolesAllowed({Role.OWNER_ROLE, Role.FRONT_DESK_ROLE})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a client; same name and date of birth as another is flagged, not refused")
  public Response register(NewClient body, @Context UriInfo uri) {
    if (body == null) {
      throw RuleViolation.invalid(
          "Send a JSON object with at least firstName, lastName and dateOfBirth.");
    }
    LocalDate born;
    try {
      born = body.dateOfBirth() == null ? null : LocalDate.parse(body.dateOfBirth().strip());
    } catch (DateTimeParseException e) {
      throw RuleViolation.invalid("dateOfBirth must be a date as YYYY-MM-DD.");
    }
    Client client =
        clients.register(
            new ClientDetails(
                body.firstName(),
                body.lastName(),
                born,
                body.phone(),
                body.email(),
                body.emergencyContactName(),
                body.emergencyContactPhone(),
                body.preferredLanguage(),
                body.physicianName(),
                body.physicianContact(),
                body.notes()));
    return Response.created(URI.create(uri.getAbsolutePath().getRawPath() + "/" + client.getId()))
        .entity(ClientView.of(client))
        .build();
  }
}
