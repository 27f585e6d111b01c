package org.myochart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.myochart.testsupport.RunningClinic;
import org.myochart.testsupport.TestDatabase;
import org.myochart.testsupport.WebSession;

/**
 * Two instances of one clinic on one PostgreSQL database, clustered through Payara's Hazelcast: a
 * therapist signs in on the first and opens a form; the first instance stops; the same session
 * cookie, sent to the second, is still signed in and the form posted there saves what the page was
 * opened for.
 *
 * <p>PostgreSQL only ({@code mvn verify -Ppostgres}): an H2 file belongs to one server. The ports
 * are free ones unless {@code myochart.it.clusterHttpPorts} and {@code
 * myochart.it.clusterGridPorts} name two each.
 */
@Order(4) // among the first to start: it is one of the longest
class SessionFailoverIT {

  private static final String PASSWORD = RunningClinic.DEMO_PASSWORD;
  private static RunningClinic first;
  private static RunningClinic second;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.isPostgres(),
        "Session failover needs two instances on one shared database: run it with mvn verify -Ppostgres"
            + " (an H2 file database belongs to a single server)");
    List<Integer> http = RunningClinic.ports("myochart.it.clusterHttpPorts", 2);
    List<Integer> grid = RunningClinic.ports("myochart.it.clusterGridPorts", 2);
    // A cluster name of its own, so that no other Payara Micro on the machine joins.
    String cluster = "myochart-it-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings =
        Map.of(
            "MYOCHART_DEMO", "true",
            "MYOCHART_DEMO_PASSWORD", PASSWORD,
            "MYOCHART_IDLE_TIMEOUT", "PT10M",
            "MYOCHART_CLINIC_NAME", "Two Rooms Clinic");
    first =
        RunningClinic.clustered(
            "cluster-a",
            new RunningClinic.Membership("cluster", cluster, http.get(0), grid.get(0), grid),
            settings);
    // Started after the first has made the demo clinic, so that it finds the owner and skips it.
    second =
        RunningClinic.clustered(
            "cluster-b",
            new RunningClinic.Membership("cluster", cluster, http.get(1), grid.get(1), grid),
            settings);
  }

  @AfterAll
  static void stopInstances() {
    for (RunningClinic instance : new RunningClinic[] {first, second}) {
      if (instance != null) {
        instance.stop();
      }
    }
  }

  @Test
  void aTherapistsSessionAndOpenFormCarryOnAfterTheirInstanceStops() throws Exception {
    long anna = clientId("Bergström");
    long clientsBefore = count();
    WebSession onFirst = WebSession.signedIn(first, "therapist1", PASSWORD);
    String page = "/staff/clients/client-edit.xhtml?id=" + anna;
    // The edit page keeps the client's id and version in its view-scoped bean, not in the form.
    Map<String, String> form = onFirst.openForm(page, "client");
    assertTrue(
        form.containsKey("jakarta.faces.ViewState"),
        "the form carries a view state: " + form.keySet());

    first.stop();

    WebSession onSecond = onFirst.on(second);
    HttpResponse<String> dashboard = onSecond.get("/staff/dashboard.xhtml");
    assertEquals(
        200,
        dashboard.statusCode(),
        "still signed in on the second instance, not sent to "
            + WebSession.location(dashboard).orElse("-")
            + "\n"
            + second.logTail());

    String phone = "+47 400 " + (System.nanoTime() % 90000 + 10000);
    form.put("client:phone", phone);
    form.put("client:save", "client:save");
    HttpResponse<String> saved = onSecond.post(page, form);
    String location = WebSession.location(saved).orElse("");
    assertEquals(
        302,
        saved.statusCode(),
        "the form opened on the first instance posts on the second: "
            + saved.statusCode()
            + " "
            + location
            + "\n"
            + saved.body()
            + "\n"
            + second.logTail());
    assertTrue(
        location.contains("/staff/clients/client.xhtml") && location.contains("id=" + anna),
        "the save went to the client the page was opened for, not a new one: " + location);
    assertEquals(phone, stored(anna), "the changed phone number is stored");
    assertEquals(clientsBefore, count(), "no client was registered by a page that lost its state");
    for (RunningClinic instance : List.of(first, second)) {
      assertFalse(
          instance.logTail().contains("NotSerializableException"),
          "every session attribute was replicated");
    }
  }

  private static long clientId(String lastName) throws SQLException {
    try (Connection db = second.database();
        PreparedStatement query =
            db.prepareStatement("select id from client where last_name = ?")) {
      query.setString(1, lastName);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "the demo clinic has " + lastName);
        return row.getLong(1);
      }
    }
  }

  private static String stored(long id) throws SQLException {
    try (Connection db = second.database();
        PreparedStatement query = db.prepareStatement("select phone from client where id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long count() throws SQLException {
    try (Connection db = second.database();
        ResultSet row = db.createStatement().executeQuery("select count(*) from client")) {
      row.next();
      return row.getLong(1);
    }
  }
}
