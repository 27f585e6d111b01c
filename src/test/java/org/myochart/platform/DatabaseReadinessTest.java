package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @BeforeAll
  static void answersAsTheServerWould() {
    // Payara supplies the builder at run time; here a plain one keeps what the check said.
    HealthCheckResponse.setResponseProvider(PlainBuilder::new);
  }

  private static final class PlainBuilder extends HealthCheckResponseBuilder {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String name;
    private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
    }
  }

  @Test
  void beforeTheMigrationItAnswersDownSayingTheSchemaIsNotMigrated() {
    HealthCheckResponse answer = readiness(new SchemaMigration()).call();

    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    assertEquals(Map.of("schema", "not migrated yet"), answer.getData().orElseThrow());
  }

  @Test
  void whileTheApplicationIsStillDeployingItAnswersDownInsteadOfThrowing() {
    SchemaMigration notCreatedYet =
        new SchemaMigration() {
          @Override
          public boolean isDone() {
            throw new IllegalStateException("the container has not started this bean yet");
          }
        };

    HealthCheckResponse answer = readiness(notCreatedYet).call();

    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    assertEquals("still starting", answer.getData().orElseThrow().get("application"));
  }

  @Test
  void aDatabaseThatDoesNotAnswerMakesItDown() {
    SchemaMigration migratedButUnreachable =
        new SchemaMigration() {
          @Override
          public boolean isDone() {
            return true;
          }

          @Override
          public String answeringDatabase(int seconds) throws SQLException {
            throw new SQLTransientConnectionException("connection refused");
          }
        };

    HealthCheckResponse answer = readiness(migratedButUnreachable).call();

    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    assertEquals("not answering", answer.getData().orElseThrow().get("database"));
  }

  private static DatabaseReadiness readiness(SchemaMigration schema) {
    DatabaseReadiness readiness = new DatabaseReadiness();
    readiness.schema = schema;
    return readiness;
  }
}
