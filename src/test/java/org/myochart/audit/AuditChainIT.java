package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.myochart.browser.Browser;
import org.myochart.browser.LoginScreen;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;

/**
 * The audit trail's hash chain against direct changes to the database: PostgreSQL refuses them;
 * made anyway (trigger disabled, or on H2), the check names the first broken entry and the owner's
 * dashboard shows the alarm. Every change is undone before the test ends, because the demo clinic
 * is shared.
 */
@Isolated(
    "It edits, deletes and forges audit entries of the shared trail, which every check, export and dashboard reads.")
class AuditChainIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic clinic;

  @BeforeAll
  static void start() {
    clinic = RunningClinic.demo();
  }

  private static JsonObject verify() {
    var response = Http.get(clinic.uri("/api/v1/audit/verify"), "owner", PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response);
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs a statement past PostgreSQL's append-only trigger, as a database administrator could. */
  private static void asAdministrator(Connection db, String sql, Object... parameters)
      throws SQLException {
    boolean postgres = TestDatabase.isPostgres();
    try (Statement admin = db.createStatement()) {
      if (postgres) {
        admin.execute("alter table audit_entry disable trigger audit_entry_append_only");
      }
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        statement.executeUpdate();
      } finally {
        if (postgres) {
          admin.execute("alter table audit_entry enable trigger audit_entry_append_only");
        }
      }
    }
  }

  @Test
  void anIntactTrailIsReportedWithItsLengthAndTheCheckIsAudited() throws Exception {
    JsonObject result = verify();
    assertTrue(result.getBoolean("intact"), result.toString());
    assertTrue(result.isNull("firstBrokenEntry"));
    try (Connection db = clinic.database()) {
      long rows = single(db, "select count(*) from audit_entry");
      long checked = result.getJsonNumber("entries").longValue();
      assertTrue(
          checked < rows && rows - checked <= 3, "checked " + checked + " of " + rows + " rows");
      assertTrue(
          single(
                  db,
                  "select count(*) from audit_entry where action = 'VERIFY' and record_type = 'AuditTrail'")
              >= 1);
    }
    assertEquals(
        403, Http.get(clinic.uri("/api/v1/audit/verify"), "therapist1", PASSWORD).statusCode());
    assertEquals(401, Http.get(clinic.uri("/api/v1/audit/verify")).statusCode());
  }

  @Test
  void anEditedRowIsNamedAndTheOwnersDashboardRaisesTheAlarm() throws Exception {
    try (Connection db = clinic.database()) {
      long id = single(db, "select max(id) from audit_entry") / 2;
      String detail;
      try (PreparedStatement read =
          db.prepareStatement("select detail from audit_entry where id = ?")) {
        read.setLong(1, id);
        try (ResultSet rows = read.executeQuery()) {
          rows.next();
          detail = rows.getString(1);
        }
      }
      if (TestDatabase.isPostgres()) {
        SQLException refused =
            assertThrows(
                SQLException.class,
                () -> {
                  try (Statement edit = db.createStatement()) {
                    edit.executeUpdate(
                        "update audit_entry set detail = 'quietly edited' where id = " + id);
                  }
                });
        assertTrue(
            refused.getMessage().contains("MyoChart refuses UPDATE on audit_entry"),
            refused.getMessage());
        assertThrows(
            SQLException.class,
            () -> {
              try (Statement delete = db.createStatement()) {
                delete.executeUpdate("delete from audit_entry where id = " + id);
              }
            });
      }
      asAdministrator(db, "update audit_entry set detail = ? where id = ?", "quietly edited", id);
      try {
        JsonObject result = verify();
        assertFalse(result.getBoolean("intact"));
        assertEquals(id, result.getJsonNumber("firstBrokenEntry").longValue(), result.toString());
        assertTrue(
            result.getString("reason").contains("was changed after it was written"),
            result.toString());

        try (Browser browser = Browser.open(clinic)) {
          LoginScreen.open(browser).signInAndWait("owner", PASSWORD);
          browser.awaitText("Alarm: the audit trail is broken at entry " + id);
        }
      } finally {
        asAdministrator(db, "update audit_entry set detail = ? where id = ?", detail, id);
      }
      assertTrue(verify().getBoolean("intact"), "restored");
    }
  }

  /** Has the sequencer give every committed entry its leaf now, as it does every minute. */
  private static void publishHead() {
    var response =
        Http.send(
            java.net.http.HttpRequest.newBuilder(clinic.uri("/api/v1/audit/tree/heads"))
                .header("Authorization", Http.basic("owner", PASSWORD))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void aDeletedRowIsNamedThroughTheLeafThatHeldItsPlace() throws Exception {
    publishHead();
    try (Connection db = clinic.database()) {
      long id =
          single(
              db,
              "select entry_id from audit_leaf where leaf_index ="
                  + " (select max(leaf_index) from audit_leaf) / 3");
      Object[] row = new Object[12];
      try (PreparedStatement read =
          db.prepareStatement(
              "select id, occurred_at, actor, actor_role, action, record_type,"
                  + " record_id, detail, ip_address, user_agent, previous_hash, entry_hash from audit_entry where id = ?")) {
        read.setLong(1, id);
        try (ResultSet rows = read.executeQuery()) {
          rows.next();
          for (int i = 0; i < row.length; i++) {
            row[i] =
                i == 1 ? rows.getObject(2, java.time.OffsetDateTime.class) : rows.getObject(i + 1);
          }
        }
      }
      asAdministrator(db, "delete from audit_entry where id = ?", id);
      try {
        JsonObject result = verify();
        assertFalse(result.getBoolean("intact"));
        assertEquals(id, result.getJsonNumber("firstBrokenEntry").longValue(), result.toString());
        assertTrue(
            result.getString("reason").contains("entry " + id + " is missing"), result.toString());
      } finally {
        asAdministrator(
            db,
            "insert into audit_entry (id, occurred_at, actor, actor_role, action, record_type, record_id,"
                + " detail, ip_address, user_agent, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row);
      }
      assertTrue(verify().getBoolean("intact"), "restored");
    }
  }

  @Test
  void anEntryWrittenAroundMyoChartIsNamedThoughItsHashIsRight() throws Exception {
    try (Connection db = clinic.database()) {
      long id = single(db, "select max(id) from audit_entry") + 100_000;
      // A row with a correct hash of its own content, as someone with the database could write.
      var forged =
          new java.util.ArrayList<Object>(
              List.of(
                  id,
                  java.time.OffsetDateTime.parse("2026-12-01T09:00:00Z"),
                  "owner",
                  "OWNER",
                  "VIEW",
                  "Client",
                  "1",
                  "{}"));
      String hash = canonicalHash(forged);
      asAdministrator(
          db,
          "insert into audit_entry (id, occurred_at, actor, actor_role, action, record_type,"
              + " record_id, detail, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          forged.get(1),
          "owner",
          "OWNER",
          "VIEW",
          "Client",
          "1",
          "{}",
          hash);
      try {
        JsonObject result = verify();
        assertFalse(result.getBoolean("intact"));
        assertEquals(id, result.getJsonNumber("firstBrokenEntry").longValue(), result.toString());
        assertTrue(
            result.getString("reason").contains("never queued for the tree"), result.toString());
      } finally {
        asAdministrator(db, "delete from audit_entry where id = ?", id);
      }
      assertTrue(verify().getBoolean("intact"), "restored");
    }
  }

  /**
   * The entry hash of the export README (step 6) over previous_hash (empty), id, occurred_at,
   * actor, actor_role, action, record_type, record_id, detail, ip_address, user_agent.
   */
  private static String canonicalHash(List<Object> row) throws Exception {
    List<String> fields = new java.util.ArrayList<>();
    fields.add("");
    fields.add(row.get(0).toString());
    fields.add(((java.time.OffsetDateTime) row.get(1)).toInstant().toString());
    for (int i = 2; i < 8; i++) {
      fields.add(row.get(i).toString());
    }
    fields.add("");
    fields.add("");
    StringBuilder canonical = new StringBuilder();
    for (String field : fields) {
      canonical.append(field.length()).append(':').append(field).append(';');
    }
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
