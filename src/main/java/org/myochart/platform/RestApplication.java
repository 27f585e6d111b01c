package org.myochart.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Activates the REST API under {@code /api/v1}. Every call authenticates with HTTP Basic; roles are
 * enforced with {@code @RolesAllowed} on each resource method.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "MyoChart API", version = "1", description = "Staff API of MyoChart."),
    security = @SecurityRequirement(name = "staff"))
@SecurityScheme(securitySchemeName = "staff", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature",
        // The API is described by OpenAPI at /openapi; no second, unauthenticated description.
        "jersey.config.server.wadl.disableWadl",
        true,
        // A Location header keeps the path the resource gives; resolved to an absolute address it
        // would carry the request's Host header, which anyone can forge.
        "jersey.config.server.headers.location.relative.resolution.disabled",
        true);
  }
}
