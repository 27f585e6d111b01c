package org.myochart.audit.api;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.audit.AuditChain;
import org.myochart.audit.ChainCheck;
import org.myochart.staff.Role;

/** Checks the whole audit trail against its leaves and signed tree heads now (ADR-058). */
@Path("/audit/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditChainResource {

  @Inject AuditChain chain;

  @GET
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary =
          "Check the audit trail (leaves, hashes, signed heads): {entries, intact, firstBrokenEntry, reason, checkedAt}")
  public JsonObject verify() {
    ChainCheck.Result result = chain.verifyOnRequest();
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("entries", result.entries()).add("intact", result.intact());
    if (result.firstBrokenEntry() == null) {
      json.addNull("firstBrokenEntry");
    } else {
      json.add("firstBrokenEntry", result.firstBrokenEntry());
    }
    return json.add("reason", result.reason())
        .add("checkedAt", result.checkedAt().toString())
        .build();
  }
}
