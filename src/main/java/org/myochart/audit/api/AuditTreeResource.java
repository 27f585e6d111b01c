package org.myochart.audit.api;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.myochart.audit.AuditTree;
import org.myochart.audit.AuditTreeHead;
import org.myochart.platform.RuleViolation;
import org.myochart.staff.Role;

/**
 * The audit trail's Merkle tree (ADR-057): signed tree heads, and the inclusion and consistency
 * proofs an auditor checks against them with code of their own (RFC 9162 hashing; hashes in
 * lower-case hex).
 */
@Path("/audit/tree")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OWNER_ROLE)
public class AuditTreeResource {

  /** Heads listed at most, newest first. */
  private static final int LISTED = 100;

  @Inject AuditTree tree;

  @GET
  @Path("/heads")
  @Operation(summary = "The newest signed tree heads, newest first (at most 100)")
  public JsonObject heads() {
    JsonArrayBuilder heads = JSON.createArrayBuilder();
    tree.heads(LISTED).forEach(head -> heads.add(json(head)));
    return JSON.createObjectBuilder().add("heads", heads).build();
  }

  @POST
  @Path("/heads")
  @Operation(
      summary =
          "Publish a signed tree head over every entry now (the sequencer does so every minute)")
  public JsonObject publish() {
    return json(
        tree.publish()
            .orElseThrow(() -> RuleViolation.notFound("The audit trail has no entry yet.")));
  }

  @GET
  @Path("/heads/{treeSize}")
  @Operation(summary = "The signed tree head published at this tree size")
  public JsonObject head(@PathParam("treeSize") String treeSize) {
    long size = positive("treeSize", treeSize);
    return json(
        tree.head(size)
            .orElseThrow(
                () ->
                    RuleViolation.notFound(
                        "No audit tree head was published for " + size + " entries.")));
  }

  @GET
  @Path("/inclusion")
  @Operation(
      summary =
          "The audit path of an entry in a head's tree: leaf = SHA-256(0x00 || entryHash bytes)")
  public JsonObject inclusion(
      @QueryParam("entry") String entry, @QueryParam("treeSize") String treeSize) {
    long entryId = positive("entry", entry);
    long size = sizeOrNewest("treeSize", treeSize);
    AuditTree.Inclusion proof = tree.inclusion(entryId, size);
    return JSON.createObjectBuilder()
        .add("entry", proof.entryId())
        .add("leafIndex", proof.leafIndex())
        .add("entryHash", proof.entryHash())
        .add("treeHead", json(proof.head()))
        .add("path", JSON.createArrayBuilder(proof.path()))
        .build();
  }

  @GET
  @Path("/consistency")
  @Operation(summary = "The consistency proof between two published heads (RFC 9162 2.1.4)")
  public JsonObject consistency(
      @QueryParam("first") String first, @QueryParam("second") String second) {
    long firstSize = positive("first", first);
    long secondSize = sizeOrNewest("second", second);
    AuditTree.Consistency proof = tree.consistency(firstSize, secondSize);
    return JSON.createObjectBuilder()
        .add("first", json(proof.first()))
        .add("second", json(proof.second()))
        .add("proof", JSON.createArrayBuilder(proof.proof()))
        .build();
  }

  /** The tree size given in {@code name}, or without one the newest head's. */
  private long sizeOrNewest(String name, String value) {
    return value == null || value.isBlank() ? newestSize() : positive(name, value);
  }

  private long newestSize() {
    return tree.latest()
        .map(AuditTreeHead::getTreeSize)
        .orElseThrow(() -> RuleViolation.notFound("No audit tree head was published yet."));
  }

  private static long positive(String name, String value) {
    if (value == null || value.isBlank()) {
      throw RuleViolation.invalidFields(Map.of(name, "Give a whole number of 1 or more."));
    }
    if (value.strip().matches("\\d{1,15}")) {
      long number = Long.parseLong(value.strip());
      if (number >= 1 && number <= Integer.MAX_VALUE) {
        return number;
      }
    }
    throw RuleViolation.invalidFields(
        Map.of(name, "\"" + clip(value) + "\" is not a whole number of 1 or more."));
  }

  private static String clip(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }

  private static JsonObject json(AuditTreeHead head) {
    return JSON.createObjectBuilder()
        .add("treeSize", head.getTreeSize())
        .add("rootHash", head.getRootHash())
        .add("publishedAt", head.getPublishedAt().toString())
        .add("signedText", new String(head.signedText(), StandardCharsets.UTF_8))
        .add("algorithm", head.getAlgorithm())
        .add("signature", head.getSignature())
        .add("certificate", head.getCertificate())
        .add(
            "timestampToken",
            head.getTimestampToken().<JsonValue>map(JSON::createValue).orElse(JsonValue.NULL))
        .build();
  }
}
