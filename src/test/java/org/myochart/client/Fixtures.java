package org.myochart.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small builders for client-domain unit tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private Fixtures() {}

  static ClientDetails details(String first, String last, LocalDate born) {
    return new ClientDetails(
        first,
        last,
        born,
        "+47 912 34 567",
        "anna@example.org",
        null,
        null,
        "Norwegian",
        "Dr. Lund",
        null,
        null);
  }

  static Client client() {
    return new Client(details("Anna", "Bergström", LocalDate.of(1986, 4, 12)), false, T0);
  }

  static IntakeAnswers answers(Set<RedFlag> flags, List<Medication> medications, boolean pregnant) {
    return new IntakeAnswers(
        10,
        24,
        7,
        true,
        true,
        false,
        true,
        true,
        false,
        "stress",
        true,
        "2019",
        medications,
        false,
        false,
        pregnant,
        null,
        null,
        null,
        flags);
  }

  static HealthIntake intake(Client client, int version, Set<RedFlag> flags, Instant at) {
    return new HealthIntake(
        client, version, answers(flags, List.of(), false), IntakeSource.STAFF, "therapist1", at);
  }
}
