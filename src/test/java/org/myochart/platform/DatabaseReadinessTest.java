package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void beforeTheMigrationItAnswersDownSayingTheSchemaIsNotMigrated() {
    HealthCheckResponse answer = readiness(new SchemaMigration()).call();

    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    assertEquals(Map.of("schema", "not migrated yet"), answer.getData().orElseThrow());
  }

  @Test
  void whileTheApplicationIsStillDeployingItAnswersDownInsteadOfThrowing() {
    SchemaMigration notCreatedYet = new SchemaMigration() {
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
    SchemaMigration migratedButUnreachable = new SchemaMigration() {
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
