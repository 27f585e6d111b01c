package org.myochart.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.myochart.staff.Role;

/**
 * The upgrade to the audit log without one lock (V25, ADR-058), on an embedded database with the
 * clinic's own migrations: a trail chained by its writers before the upgrade gets its leaves in
 * chain order, and the next entry's id follows the last one.
 */
class AuditLogUpgradeTest {

  private static final String URL =
      "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

  private static Flyway migrationsUpTo(String version) {
    return Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .target(version)
        .load();
  }

  @Test
  void aTrailChainedBeforeTheUpgradeGetsItsLeavesInChainOrder() throws Exception {
    migrationsUpTo("24").migrate();
    List<AuditEntry> chained = new ArrayList<>();
    String previous = ChainCheck.GENESIS;
    Actor owner = new Actor("owner", Role.OWNER, "10.0.0.5", "Firefox");
    for (long id = 1; id <= 3; id++) {
      AuditEntry entry =
          new AuditEntry(
              id,
              Instant.parse("2026-11-0" + id + "T09:00:00Z"),
              owner,
              AuditAction.VIEW,
              "Client",
              "7",
              null,
              previous);
      chained.add(entry);
      previous = entry.getEntryHash();
    }
    try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
      try (PreparedStatement insert = db.prepareStatement(AuditEntryRows.INSERT)) {
        for (AuditEntry entry : chained) {
          AuditEntryRows.bind(insert, entry);
          insert.executeUpdate();
        }
      }

      migrationsUpTo("latest").migrate();

      ChainCheck check = new ChainCheck();
      try (Statement query = db.createStatement();
          ResultSet leaves =
              query.executeQuery(
                  "select leaf_index, entry_id, entry_hash, previous_hash from audit_leaf"
                      + " order by leaf_index")) {
        int place = 0;
        while (leaves.next()) {
          AuditEntry entry = chained.get(place);
          assertEquals(place, leaves.getLong(1));
          assertEquals(entry.getId(), leaves.getLong(2));
          check.accept(
              new AuditLeaf(
                  leaves.getLong(1), leaves.getLong(2), leaves.getString(3), leaves.getString(4)),
              entry);
          place++;
        }
        assertEquals(3, place);
      }
      ChainCheck.Result result = check.finish(3, Instant.now());
      assertTrue(result.intact(), result.reason());
      try (Statement query = db.createStatement();
          ResultSet next = query.executeQuery("select nextval('audit_entry_seq')")) {
        next.next();
        assertEquals(4, next.getLong(1), "ids go on after the last chained entry");
      }
      try (Statement query = db.createStatement();
          ResultSet queued = query.executeQuery("select count(*) from audit_unsequenced")) {
        queued.next();
        assertEquals(0, queued.getLong(1));
      }
      AuditEntry next = new AuditEntry(Instant.now(), owner, AuditAction.VIEW, "Client", "7", null);
      next.number(4);
      assertNull(next.getPreviousHash());
    }
  }
}
