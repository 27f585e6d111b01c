package org.myochart.record.api;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.myochart.record.UploadRefused;
import org.myochart.record.Verification;
import org.myochart.record.Verifications;
import org.myochart.staff.Role;

/** Checks a PDF someone holds against its seal and the clinic's stored copy; for the owner. */
@Path("/verifications")
@RequestScoped
public class VerificationResource {

  static final String PDF = "application/pdf";

  @Inject Verifications verifications;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OWNER_ROLE)
  @Operation(
      summary = "Verify a sealed record PDF",
      description =
          "Send the PDF itself as the body (Content-Type: application/pdf, at most 20 MB). The answer says, each on "
              + "its own, whether the seal was made with one of the clinic's pinned sealing certificates while it was in "
              + "use (sealedByClinic; a certificate that only copies the clinic's name is not), which certificate made it "
              + "(sealCertificate, SHA-256), whether the signature checks out mathematically, whether the file is unchanged "
              + "since sealing, which record it is, and whether it matches the copy stored at signing (or the chart the "
              + "clinic recorded issuing) byte for byte. Two signatures or an incremental update are answered with intact=false.")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "200",
      description = "The verification",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Verification.class)))
  @APIResponse(responseCode = "400", description = "The body is empty")
  @APIResponse(responseCode = "413", description = "The file is larger than 20 MB")
  @APIResponse(responseCode = "415", description = "The body is not sent as application/pdf")
  @APIResponse(
      responseCode = "422",
      description = "Not a PDF, unreadable, encrypted, or carries no signature")
  public Response verify(@Context HttpServletRequest request, InputStream body) {
    try {
      if (!isPdf(request.getContentType())) {
        throw new UploadRefused(
            UploadRefused.Reason.WRONG_TYPE,
            "Send the PDF itself as the request body with Content-Type: application/pdf.");
      }
      byte[] upload;
      try {
        upload = Verifications.read(body, request.getContentLengthLong());
      } catch (UploadRefused tooLarge) {
        verifications.refusedUpload(tooLarge, Verifications.Channel.API, null);
        throw tooLarge;
      }
      return Response.ok(
              verifications.verify(upload, Verifications.Channel.API),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (UploadRefused refused) {
      if (refused.reason() == UploadRefused.Reason.WRONG_TYPE) {
        verifications.refusedUpload(refused, Verifications.Channel.API, null);
      }
      return refusal(refused);
    } finally {
      try {
        body.close();
      } catch (IOException ignored) {
        // The client went away.
      }
    }
  }

  static boolean isPdf(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      return "application".equalsIgnoreCase(type.getType())
          && "pdf".equalsIgnoreCase(type.getSubtype());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int status(UploadRefused.Reason reason) {
    return switch (reason) {
      case EMPTY -> 400;
      case TOO_LARGE -> 413;
      case WRONG_TYPE -> 415;
      case TOO_MANY -> 429;
      case NOT_PDF, UNREADABLE, ENCRYPTED, UNSIGNED -> 422;
    };
  }

  private static Response refusal(UploadRefused refused) {
    int status = status(refused.reason());
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                JSON.createObjectBuilder()
                    .add("status", status)
                    .add("message", refused.getMessage())
                    .build()
                    .toString());
    if (status == 413) {
      // The rest of the body is not read; the connection is not reused.
      answer.header("Connection", "close");
    }
    return answer.build();
  }
}
