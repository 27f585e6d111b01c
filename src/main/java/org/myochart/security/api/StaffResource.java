package org.myochart.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.audit.AuditAction;
import org.myochart.audit.AuditTrail;
import org.myochart.platform.RuleViolation;
import org.myochart.security.StaffAccount;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;

/** Staff accounts over the API: anyone sees themselves, the owner sees everyone. */
@Path("/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

  public record StaffView(long id, String username, String displayName, Role role, boolean active) {
    static StaffView of(StaffAccount account) {
      return new StaffView(
          account.getId(),
          account.getUsername(),
          account.getDisplayName(),
          account.getRole(),
          account.isActive());
    }
  }

  /** What the owner sends to add a staff member; the password is temporary. */
  public record NewStaffMember(
      String username, String displayName, String role, String temporaryPassword) {}

  @Inject StaffAccounts accounts;
  @Inject AuditTrail audit;
  @Context SecurityContext security;

  @GET
  @Path("/me")
  @RolesAllowed({Role.OWNER_ROLE, Role.THERAPIST_ROLE, Role.FRONT_DESK_ROLE})
  @Operation(summary = "The signed-in staff member")
  public StaffView me() {
    return accounts
        .findByUsername(security.getUserPrincipal().getName())
        .map(StaffView::of)
        .orElseThrow(() -> RuleViolation.notFound("Your account no longer exists."));
  }

  @GET
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(summary = "All staff accounts, active first")
  public List<StaffView> all() {
    audit.record(AuditAction.VIEW, StaffAccounts.RECORD_TYPE, "all", null);
    return accounts.all().stream().map(StaffView::of).toList();
  }

  @POST
  @RolesAllowed(Role.OWNER_ROLE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a staff member with a temporary password")
  public Response add(NewStaffMember member, @Context UriInfo uri) {
    if (member == null) {
      throw RuleViolation.invalid(
          "Send a JSON object with username, displayName, role and temporaryPassword.");
    }
    Role role = parseRole(member.role());
    StaffAccount account =
        accounts.create(
            member.username(), member.displayName(), role, member.temporaryPassword(), true);
    return Response.created(URI.create(uri.getAbsolutePath().getRawPath() + "/" + account.getId()))
        .entity(StaffView.of(account))
        .build();
  }

  private static Role parseRole(String role) {
    if (role == null || role.isBlank()) {
      throw RuleViolation.invalid("Give a role: OWNER, THERAPIST or FRONT_DESK.");
    }
    return Role.STAFF.stream()
        .filter(staff -> staff.name().equals(role.strip()))
        .findFirst()
        .orElseThrow(
            () -> RuleViolation.invalid("Unknown role. Use OWNER, THERAPIST or FRONT_DESK."));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(summary = "One staff account")
  public StaffView one(@PathParam("id") long id) {
    StaffView view = StaffView.of(accounts.get(id));
    audit.record(AuditAction.VIEW, StaffAccounts.RECORD_TYPE, id, null);
    return view;
  }
}
