package org.myochart.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What one authenticated API call costs, by one client calling one after another on loopback
 * (docs/performance.md, "API calls"): {@code GET /api/v1/staff/me} with an owner-issued bearer
 * token, then the same call with HTTP Basic for comparison. The first calls of each kind warm the
 * server up and are reported under their own names.
 *
 * <p>Run by {@code src/test/perf/api-calls.sh}; settings: {@code load.baseUrl}, {@code
 * load.ownerPassword} (see {@link LoadSettings}), {@code load.calls} (2000 token calls; a tenth of
 * that with HTTP Basic).
 */
public class ApiCallSimulation extends Simulation {

  private static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();
  private static final int CALLS = Integer.getInteger("load.calls", 2000);
  private static final int WARM_UP = 200;

  private final HttpProtocolBuilder protocol =
      http.baseUrl(SETTINGS.baseUrl()).acceptHeader("application/json").shareConnections();

  private final ScenarioBuilder calls =
      scenario("API calls")
          .exec(
              http("issue token")
                  .post("api/v1/tokens")
                  .basicAuth(SETTINGS.ownerUsername(), SETTINGS.ownerPassword())
                  .header("Content-Type", "application/json")
                  .body(
                      StringBody(
                          "{\"username\":\""
                              + SETTINGS.ownerUsername()
                              + "\",\"name\":\"API call benchmark\",\"validDays\":1}"))
                  .check(status().is(201), jsonPath("$.token").saveAs("token")))
          .repeat(WARM_UP)
          .on(
              http("warm-up: token")
                  .get("api/v1/staff/me")
                  .header("Authorization", "Bearer #{token}")
                  .check(status().is(200)))
          .repeat(CALLS)
          .on(
              http("me with token")
                  .get("api/v1/staff/me")
                  .header("Authorization", "Bearer #{token}")
                  .check(status().is(200)))
          .repeat(Math.max(20, CALLS / 10))
          .on(
              http("me with HTTP Basic")
                  .get("api/v1/staff/me")
                  .basicAuth(SETTINGS.ownerUsername(), SETTINGS.ownerPassword())
                  .check(status().is(200)));

  {
    setUp(calls.injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }
}
