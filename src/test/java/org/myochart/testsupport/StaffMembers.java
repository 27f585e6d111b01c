package org.myochart.testsupport;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Staff accounts of a test's own, added by the demo owner over the API. */
public final class StaffMembers {

  /** The temporary password every account added here starts with. */
  public static final String TEMPORARY_PASSWORD = "first day at the clinic";

  private StaffMembers() {}

  /** Adds a person with the given role and display name; returns the new username. */
  public static String add(RunningClinic clinic, String role, String displayName) {
    String username = "sec" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("username", username)
            .add("displayName", displayName)
            .add("role", role)
            .add("temporaryPassword", TEMPORARY_PASSWORD)
            .build()
            .toString();
    HttpResponse<String> created =
        Http.postJson(clinic.uri("/api/v1/staff"), "owner", RunningClinic.DEMO_PASSWORD, body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "Could not add " + username + ": " + created.statusCode() + " " + created.body());
    }
    return username;
  }
}
