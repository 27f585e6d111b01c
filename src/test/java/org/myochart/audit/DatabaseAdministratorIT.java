package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.Names;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;

/**
 * What someone with the whole database can and cannot do (issue 20, ADR-061), on PostgreSQL only:
 * the role the clinic runs as cannot alter, truncate or switch off a trigger; a superuser's UPDATE
 * of a signed note is refused by the database itself; and a superuser who deletes the newest
 * entries and rewinds every count in the database is still found out by the tree head kept in the
 * data directory. The edited and the deleted entry are in {@link AuditChainIT}, on both databases.
 */
class DatabaseAdministratorIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;

  /** Runs as the superuser, as a clinic set up before ADR-061 would; its trail gets cut. */
  private static RunningClinic administered;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        TestDatabase.isPostgres(),
        "Database roles and triggers are PostgreSQL's (mvn verify -Ppostgres); on H2 the"
            + " application refuses changes itself");
    administered =
        RunningClinic.own(
            "dbadmin",
            "384m",
            Map.of(
                "MYOCHART_OWNER_USERNAME", "owner",
                "MYOCHART_OWNER_PASSWORD", PASSWORD,
                "MYOCHART_CLINIC_NAME", "Administered Test Clinic",
                // No head published behind the test's back: the test publishes them.
                "MYOCHART_AUDIT_TREE_HEAD_SECONDS", "3600",
                "MYOCHART_DB_USER", TestDatabase.user(),
                "MYOCHART_DB_OWNER_USER", ""));
  }

  @AfterAll
  static void stop() {
    if (administered != null) {
      administered.kill();
    }
  }

  /** A health datum as text: MicroProfile Health may give a boolean as JSON true or as "true". */
  private static String flag(JsonObject data, String name) {
    return data.get(name).toString().replace("\"", "");
  }

  private static JsonObject databaseHealth(RunningClinic clinic) {
    HttpResponse<String> health = Http.get(clinic.uri("/health/ready"));
    assertEquals(200, health.statusCode(), health.body());
    return Http.healthCheck(Http.json(health), "database").getJsonObject("data");
  }

  @Test
  void theRoleTheClinicRunsAsCannotAlterTruncateOrChangeTheProtectedTables() throws Exception {
    RunningClinic clinic = RunningClinic.demo();
    JsonObject health = databaseHealth(clinic);
    assertEquals(TestDatabase.RUNTIME_ROLE, health.getString("role"), health.toString());
    assertEquals("true", flag(health, "leastPrivilege"), health.toString());
    assertFalse(health.containsKey("roleWarning"), health.toString());

    try (Connection db = clinic.databaseAsTheServer()) {
      for (String table : new String[] {"audit_entry", "soap_note", "consent", "sealed_record"}) {
        refused(db, "alter table " + table + " disable trigger all", "must be owner");
        refused(db, "truncate " + table, "permission denied");
        refused(db, "drop table " + table, "must be owner");
      }
      refused(db, "update audit_entry set detail = '{}'", "permission denied");
      refused(db, "delete from audit_entry", "permission denied");
      refused(db, "delete from sealed_record", "permission denied");
      refused(db, "update consent set signer_name = 'someone else'", "permission denied");
      refused(db, "delete from audit_tree_head", "permission denied");
      refused(
          db,
          "insert into flyway_schema_history select * from flyway_schema_history",
          "permission denied");
      // What it needs it has: reading, and changing a draft.
      assertTrue(count(db, "select count(*) from audit_entry") > 0);
    }
  }

  @Test
  void theDatabaseRefusesEvenASuperusersChangeOfASignedNoteButNotOfADraft() throws Exception {
    RunningClinic clinic = RunningClinic.demo();
    try (Connection db = clinic.database()) {
      db.setAutoCommit(false);
      try {
        long signed = count(db, "select min(id) from soap_note where status = 'SIGNED'");
        refused(
            db,
            "update soap_note set client_words = 'never said' where id = " + signed,
            "MyoChart refuses UPDATE of SOAP note " + signed);
        db.rollback();
        refused(db, "delete from soap_note where id = " + signed, "MyoChart refuses DELETE");
        db.rollback();
        refused(
            db,
            "update soap_treated_muscle set minutes = minutes + 1 where note_id = " + signed,
            "the note is signed and never changes");
        db.rollback();
        refused(
            db,
            "insert into soap_avoided_area (note_id, position, area, reason) values ("
                + signed
                + ", 99, 'left calf', 'added later')",
            "the note is signed and never changes");
        db.rollback();
        refused(db, "update consent set signer_name = 'someone else'", "MyoChart refuses UPDATE");
        db.rollback();
        refused(db, "delete from consent", "MyoChart refuses DELETE on consent");
        db.rollback();
        refused(db, "truncate note_addendum", "MyoChart refuses TRUNCATE on note_addendum");
        db.rollback();

        long draft = count(db, "select coalesce(min(id), 0) from soap_note where status = 'DRAFT'");
        Assumptions.assumeTrue(draft > 0, "the demo clinic has an unsigned note");
        try (Statement edit = db.createStatement()) {
          assertEquals(
              1,
              edit.executeUpdate(
                  "update soap_note set client_words = 'typed later' where id = " + draft));
        }
      } finally {
        db.rollback();
      }
    }
  }

  @Test
  void newestEntriesDeletedWithEveryCountRewoundAreReportedWithTheLastEntryTheKeptHeadVouchesFor()
      throws Exception {
    String owner = Http.bearerFor(administered, PASSWORD, "owner", "Administrator test");
    JsonObject health = databaseHealth(administered);
    assertEquals("false", flag(health, "leastPrivilege"), health.toString());
    assertTrue(health.getString("roleWarning").contains("superuser"), health.toString());
    assertTrue(
        administered.log().contains("can disable the triggers that keep signed records"),
        "the start-up warning is logged");

    long client = registerClient();
    viewClient(owner, client, 3);
    JsonObject first = publish();
    long cutAt = first.getJsonNumber("treeSize").longValue();
    String frontier;
    long lastKeptEntry;
    try (Connection db = administered.database()) {
      frontier = text(db, "select frontier from audit_tree_sequencer where id = 1");
      lastKeptEntry =
          count(db, "select entry_id from audit_leaf where leaf_index = " + (cutAt - 1));
    }
    viewClient(owner, client, 6);
    JsonObject second = publish();
    long vouched = second.getJsonNumber("treeSize").longValue();
    assertTrue(vouched >= cutAt + 6, second.toString());

    Path kept = administered.dataDirectory().resolve("audit").resolve("newest-tree-head.json");
    assertTrue(Files.readString(kept).contains("\"tree_size\":" + vouched), "kept outside");
    long lastVouchedEntry;
    try (Connection db = administered.database()) {
      lastVouchedEntry =
          count(db, "select entry_id from audit_leaf where leaf_index = " + (vouched - 1));
    }
    assertTrue(verify(owner).getBoolean("intact"));

    // The newest entries go, with their leaves, queue rows and heads, and the sequencer's row is
    // set back to the first head: inside the database everything agrees again.
    try (Connection db = administered.database();
        Statement admin = db.createStatement()) {
      db.setAutoCommit(false);
      for (String table :
          new String[] {"audit_entry", "audit_leaf", "audit_tree_head", "audit_unsequenced"}) {
        admin.execute("alter table " + table + " disable trigger user");
      }
      admin.executeUpdate("delete from audit_leaf where leaf_index >= " + cutAt);
      admin.executeUpdate("delete from audit_unsequenced");
      admin.executeUpdate("delete from audit_entry where id > " + lastKeptEntry);
      admin.executeUpdate("delete from audit_tree_head where tree_size > " + cutAt);
      try (var rewind =
          db.prepareStatement(
              "update audit_tree_sequencer set last_tree_size = ?, frontier = ? where id = 1")) {
        rewind.setLong(1, cutAt);
        rewind.setString(2, frontier);
        rewind.executeUpdate();
      }
      for (String table :
          new String[] {"audit_entry", "audit_leaf", "audit_tree_head", "audit_unsequenced"}) {
        admin.execute("alter table " + table + " enable trigger user");
      }
      db.commit();
    }

    JsonObject result = verify(owner);
    assertFalse(result.getBoolean("intact"), result.toString());
    assertEquals(
        cutAt + 1, result.getJsonNumber("firstBrokenEntry").longValue(), result.toString());
    String reason = result.getString("reason");
    assertTrue(
        reason.contains("the trail ends at place " + cutAt)
            && reason.contains("the tree head kept outside the database")
            && reason.contains(
                "vouches for " + vouched + " entries, the last of them entry " + lastVouchedEntry),
        reason);

    // The trail grows past the kept head again: no head is signed on from the cut trail, so the
    // kept copy is never replaced by one that does not extend it.
    viewClient(owner, client, (int) (vouched - cutAt) + 3);
    HttpResponse<String> refused = askToPublish();
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(
        refused.body().contains("kept outside the database covers " + vouched), refused.body());
    assertTrue(Files.readString(kept).contains("\"tree_size\":" + vouched), "the copy stays");
    JsonObject still = verify(owner);
    assertFalse(still.getBoolean("intact"), still.toString());
    assertTrue(still.getString("reason").contains("vouches for " + vouched), still.toString());

    // Without the kept copy the cut could not be seen; the check says so instead of "intact".
    Files.move(kept, kept.resolveSibling("newest-tree-head.json.moved-by-test"));
    JsonObject uncompared = verify(owner);
    assertFalse(uncompared.getBoolean("intact"), uncompared.toString());
    assertTrue(
        uncompared
                .getString("reason")
                .contains("could not be compared with the tree head kept outside the database")
            && uncompared.getString("reason").contains("it is missing"),
        uncompared.toString());
    try (Browser browser = Browser.open(administered)) {
      LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
      browser.awaitText("Alarm: the audit trail could not be fully checked.");
    }
  }

  private static long registerClient() {
    HttpResponse<String> client =
        Http.postJson(
            administered.uri("/api/v1/clients"),
            "owner",
            PASSWORD,
            "{\"firstName\":\"Ilse\",\"lastName\":\""
                + Names.uniqueSurname("Administered")
                + "\",\"dateOfBirth\":\"1981-03-02\"}");
    assertEquals(201, client.statusCode(), client.body());
    return Http.json(client).getJsonNumber("id").longValue();
  }

  private static void viewClient(String owner, long client, int times) {
    for (int i = 0; i < times; i++) {
      HttpResponse<String> view = Http.get(administered.uri("/api/v1/clients/" + client), owner);
      assertEquals(200, view.statusCode(), view.body());
    }
  }

  /** The owner's "publish a head now", as the sequencer does every minute. */
  private static HttpResponse<String> askToPublish() {
    return Http.send(
        HttpRequest.newBuilder(administered.uri("/api/v1/audit/tree/heads"))
            .header("Authorization", Http.basic("owner", PASSWORD))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static JsonObject publish() {
    HttpResponse<String> response = askToPublish();
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private static JsonObject verify(String owner) {
    HttpResponse<String> response = Http.get(administered.uri("/api/v1/audit/verify"), owner);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private static void refused(Connection db, String sql, String because) {
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Statement statement = db.createStatement()) {
                statement.execute(sql);
              }
            },
            sql);
    assertTrue(refused.getMessage().contains(because), sql + ": " + refused.getMessage());
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String text(Connection db, String sql) throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
