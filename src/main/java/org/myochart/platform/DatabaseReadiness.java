package org.myochart.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the schema is migrated and the database answers now. The check is registered while
 * MyoChart is still deploying; it must then answer DOWN with what is missing, never throw (Payara
 * turns a throwing check into an empty 500). Dependent, so that Payara holds this object itself: a
 * client proxy of an application-scoped bean throws while the deployment is unfinished, before this
 * code could answer.
 */
@Readiness
@Dependent
public class DatabaseReadiness implements HealthCheck {

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try {
      if (!schema.isDone()) {
        return response.down().withData("schema", "not migrated yet").build();
      }
      String product = schema.answeringDatabase(2);
      RuntimeRole role = schema.runtimeRole();
      var up =
          response.up().withData("schema", schema.currentVersion()).withData("product", product);
      if (role.checked() && !role.embedded()) {
        // Up all the same: the clinic works; the operator is told what the role could undo.
        up = up.withData("role", role.name()).withData("leastPrivilege", !role.tooPowerful());
        if (role.tooPowerful()) {
          up = up.withData("roleWarning", role.warning().orElseThrow());
        }
      }
      return up.build();
    } catch (SQLException e) {
      return response
          .down()
          .withData("database", "not answering")
          .withData("error", e.getClass().getSimpleName())
          .build();
    } catch (RuntimeException e) {
      return response
          .down()
          .withData("application", "still starting")
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
