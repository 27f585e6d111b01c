package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuntimeRoleTest {

  @Test
  void aRoleThatOwnsTablesOrIsSuperuserIsTooPowerfulAndTheWarningSaysWhy() {
    RuntimeRole owner = new RuntimeRole("myochart", false, 46, true, false);
    assertTrue(owner.tooPowerful());
    String warning = owner.warning().orElseThrow();
    assertTrue(warning.contains("as myochart, which owns 46 of its tables"), warning);
    assertTrue(warning.contains("MYOCHART_DB_OWNER_USER"), warning);

    RuntimeRole superuser = new RuntimeRole("postgres", true, 0, true, false);
    assertTrue(superuser.tooPowerful());
    assertTrue(
        superuser.warning().orElseThrow().contains("the superuser (or role creator) postgres"));
  }

  @Test
  void aLeastPrivilegedRoleTheEmbeddedDatabaseAndAnUncheckedRoleRaiseNoWarning() {
    assertFalse(new RuntimeRole("myochart_app", false, 0, true, false).tooPowerful());
    assertFalse(new RuntimeRole("SA", false, 0, true, true).tooPowerful());
    assertEquals(java.util.Optional.empty(), RuntimeRole.NOT_CHECKED.warning());
  }

  @Test
  void onlyAPlainRoleNameIsPutIntoTheGrants() {
    SchemaMigration.requirePlainRoleName("myochart_app");
    SchemaMigration.requirePlainRoleName("clinic-app.v2");
    for (String bad : new String[] {null, "", "app$grants$", "a b", "x'; drop table y; --"}) {
      IllegalArgumentException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> SchemaMigration.requirePlainRoleName(bad));
      assertTrue(refused.getMessage().startsWith("MYOCHART_DB_USER must name the role"));
    }
  }

  @Test
  void aRoleNameBecomesASqlTextLiteralWithItsQuotesDoubled() {
    assertEquals("'myochart_app'", SchemaMigration.sqlText("myochart_app"));
    assertEquals("'o''brien'", SchemaMigration.sqlText("o'brien"));
  }
}
