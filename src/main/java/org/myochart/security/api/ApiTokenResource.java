package org.myochart.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.platform.RuleViolation;
import org.myochart.security.ApiToken;
import org.myochart.security.ApiTokens;
import org.myochart.security.StaffAccounts;
import org.myochart.staff.Role;

/**
 * The owner's API tokens for integrations (ADR-052). The token itself is in the answer to the POST
 * that issues it and nowhere else, ever.
 */
@Path("/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OWNER_ROLE)
public class ApiTokenResource {

  /** A token as listed: never the token itself. */
  public record TokenView(
      long id,
      String name,
      String username,
      Role role,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      String status) {
    static TokenView of(ApiToken token, Instant now) {
      return new TokenView(
          token.getId(),
          token.getName(),
          token.getAccount().getUsername(),
          token.getRole(),
          token.getCreatedAt(),
          token.getCreatedBy(),
          token.getExpiresAt(),
          token.getRevokedAt(),
          token.getLastUsedAt(),
          token.status(now));
    }
  }

  /** The answer to issuing a token: the token, shown this once, and what it is. */
  public record IssuedToken(String token, TokenView about) {}

  /**
   * What the owner sends: whose account the token acts for (username), a name saying which
   * integration holds it, and for how many days (1 to 365; 90 when left out).
   */
  public record NewToken(String username, String name, Integer validDays) {}

  @Inject ApiTokens tokens;
  @Inject StaffAccounts accounts;
  @Inject Clock clock;

  @GET
  @Operation(summary = "Every API token issued, live ones first; never the tokens themselves")
  public List<TokenView> all() {
    Instant now = clock.instant();
    return tokens.all().stream().map(token -> TokenView.of(token, now)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue a token for a staff account, in its role; the token is shown once")
  public Response issue(NewToken request, @Context UriInfo uri) {
    if (request == null) {
      throw RuleViolation.invalid(
          "Send a JSON object with username, name and, if not 90, validDays.");
    }
    if (request.username() == null || request.username().isBlank()) {
      throw RuleViolation.invalid("Say whose account the token acts for: give its username.");
    }
    long accountId =
        accounts
            .findByUsername(request.username())
            .orElseThrow(
                () ->
                    RuleViolation.notFound(
                        "There is no staff account with the username " + request.username() + "."))
            .getId();
    ApiTokens.Issued issued =
        tokens.issue(
            accountId,
            request.name(),
            request.validDays() == null ? ApiTokens.DEFAULT_VALIDITY_DAYS : request.validDays());
    return Response.created(
            URI.create(uri.getAbsolutePath().getRawPath() + "/" + issued.token().getId()))
        .header("Cache-Control", "no-store")
        .entity(new IssuedToken(issued.secret(), TokenView.of(issued.token(), clock.instant())))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Revoke a token at once; revoking it again changes nothing")
  public TokenView revoke(@PathParam("id") long id) {
    return TokenView.of(tokens.revoke(id), clock.instant());
  }
}
