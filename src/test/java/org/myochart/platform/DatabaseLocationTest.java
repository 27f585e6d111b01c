package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

  @Test
  void withoutUrlTheDatabaseIsAnH2FileInsideTheDataDirectory() {
    DatabaseLocation location = DatabaseLocation.from("/srv/clinic", null, null, null);

    assertTrue(location.isEmbedded());
    assertTrue(location.url().startsWith("jdbc:h2:file:/srv/clinic/db/myochart;"), location.url());
    assertEquals("sa", location.user());
  }

  @Test
  void relativeDataDirectoryIsTakenFromTheWorkingDirectory() {
    DatabaseLocation location = DatabaseLocation.from("data", null, null, null);

    Path expected = Path.of("data").toAbsolutePath().normalize().resolve("db").resolve("myochart");
    assertTrue(location.url().startsWith("jdbc:h2:file:" + expected + ";"), location.url());
  }

  @Test
  void h2WritesEveryCommitToItsFileBeforeAnsweringUnlessTheUrlSaysOtherwise() {
    assertTrue(
        DatabaseLocation.from("/srv/clinic", null, null, null).url().endsWith(";WRITE_DELAY=0"));
    assertEquals(
        "jdbc:h2:file:/x/db;AUTO_SERVER=TRUE;WRITE_DELAY=0",
        DatabaseLocation.from("data", "jdbc:h2:file:/x/db;AUTO_SERVER=TRUE", null, null).url());
    assertEquals(
        "jdbc:h2:file:/x/db;write_delay=200",
        DatabaseLocation.from("data", "jdbc:h2:file:/x/db;write_delay=200", null, null).url());
    assertEquals(
        "jdbc:postgresql://db:5432/clinic",
        DatabaseLocation.from("data", "jdbc:postgresql://db:5432/clinic", null, null).url());
  }

  @Test
  void configuredPostgresUrlIsUsedWithItsCredentials() {
    DatabaseLocation location =
        DatabaseLocation.from("data", "jdbc:postgresql://db:5432/clinic", "myochart", "s3cret");

    assertFalse(location.isEmbedded());
    assertEquals("myochart", location.credentials().getProperty("user"));
    assertEquals("s3cret", location.credentials().getProperty("password"));
  }

  @Test
  void unsupportedUrlIsRefusedWithAMessageThatNamesTheSetting() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DatabaseLocation.from(
                    "data", "jdbc:mysql://db/clinic?password=hunter2", null, null));

    assertTrue(refused.getMessage().contains("MYOCHART_DB_URL"));
    assertFalse(refused.getMessage().contains("hunter2"), "the message must not echo credentials");
  }

  @Test
  void descriptionLeavesOutUrlParametersThatMayHoldSecrets() {
    DatabaseLocation location =
        DatabaseLocation.from("data", "jdbc:postgresql://db/clinic?password=hunter2", null, null);

    assertEquals("jdbc:postgresql://db/clinic", location.describe());
    assertFalse(location.toString().contains("hunter2"));
  }

  @Test
  void onlyPostgresWithADifferentOwnerRoleMigratesAsThatOwner() {
    DatabaseLocation postgres =
        new DatabaseLocation("jdbc:postgresql://db/myochart", "myochart_app", "secret");
    DatabaseLocation owner = postgres.schemaOwner("myochart_owner", "other").orElseThrow();
    assertEquals("jdbc:postgresql://db/myochart", owner.url());
    assertEquals("myochart_owner", owner.user());
    assertEquals("other", owner.password());

    assertTrue(postgres.schemaOwner(null, null).isEmpty(), "no owner configured");
    assertTrue(postgres.schemaOwner("myochart_app", "secret").isEmpty(), "the same role");
    assertTrue(
        DatabaseLocation.from("data", null, null, null).schemaOwner("owner", "x").isEmpty(),
        "H2 has one user");
  }
}
