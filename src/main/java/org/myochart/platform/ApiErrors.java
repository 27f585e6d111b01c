package org.myochart.platform;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API failure is answered as {@code {"status":n,"message":"..."}}, never a stack trace. A
 * refusal is raised as {@link AccessRefused}, which the audit trail records.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

  private static final String API = "Api";
  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  @Inject Event<AccessRefused> refusals;
  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable failure) {
    if (failure instanceof RuleViolation violation) {
      int status = violation.httpStatus();
      if (violation.kind() == RuleViolation.Kind.FORBIDDEN) {
        refusals.fire(
            new AccessRefused(
                API,
                uri.getPath(),
                JSON.createObjectBuilder()
                    .add("message", violation.getMessage())
                    .build()
                    .toString()));
      }
      if (violation.fieldProblems().isEmpty()) {
        return answer(status, violation.getMessage());
      }
      var fields = JSON.createObjectBuilder();
      violation.fieldProblems().forEach(fields::add);
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(
              JSON.createObjectBuilder()
                  .add("status", status)
                  .add("message", violation.getMessage())
                  .add("fields", fields)
                  .build()
                  .toString())
          .build();
    }
    if (isUnreadableBody(failure)) {
      return answer(400, "The request body is not valid JSON for this call.");
    }
    if (failure instanceof ForbiddenException) {
      refusals.fire(new AccessRefused(API, uri.getPath(), null));
      return answer(403, "Your role may not use this part of the API.");
    }
    if (failure instanceof NotFoundException) {
      return answer(404, "There is nothing at this address.");
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return answer(
          status, status < 500 ? describe(status) : "The server could not complete the request.");
    }
    if (DatabaseOutage.isCause(failure)) {
      LOG.warning(() -> "API request failed, the database is not answering: " + uri.getPath());
      return Response.fromResponse(answer(503, DatabaseOutage.MESSAGE))
          .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "API request failed: " + uri.getPath(), failure);
    return answer(500, "The server could not complete the request. It has been logged.");
  }

  private static boolean isUnreadableBody(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.json.bind.JsonbException
          || cause instanceof jakarta.json.JsonException
          || cause instanceof jakarta.ws.rs.ProcessingException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(int status) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 405 -> "This address does not accept that method.";
      case 406 -> "Ask for application/json.";
      case 415 -> "Send application/json.";
      default -> "The request was refused (" + status + ").";
    };
  }

  static Response answer(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JSON.createObjectBuilder()
                .add("status", status)
                .add("message", message)
                .build()
                .toString())
        .build();
  }
}
