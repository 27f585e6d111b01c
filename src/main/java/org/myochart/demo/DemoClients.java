package org.myochart.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.client.Medication;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;

/** Fictitious clients with intakes, one red flag still open and one cleared by a physician. */
@ApplicationScoped
class DemoClients {

  @Inject Clients clients;
  @Inject Intakes intakes;

  void create() {
    Client anna = register("Anna", "Bergström", LocalDate.of(1986, 4, 12), "+47 912 34 567", "Dr. Sofie Lund");
    intakes.submit(anna.getId(), intake(12, 24, 7, List.of(new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE)),
        false, false, "Long commutes, poor sleep, screen work", Set.of()), IntakeSource.STAFF);
    intakes.submit(anna.getId(), intake(8, 12, 6, List.of(new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE),
        new Medication("Propranolol 40 mg", MedicationKind.PREVENTIVE)), false, false,
        "Long commutes, poor sleep, screen work", Set.of()), IntakeSource.KIOSK);

    Client jonas = register("Jonas", "Lindqvist", LocalDate.of(1971, 9, 3), "+47 934 55 120", "Dr. Erik Moe");
    intakes.submit(jonas.getId(), intake(15, 48, 8, List.of(new Medication("Warfarin", MedicationKind.BLOOD_THINNER)),
        true, false, "Stress at work, training load", EnumSet.of(RedFlag.NEW_PATTERN)), IntakeSource.STAFF);
    intakes.recordClearance(jonas.getId(), "Dr. Erik Moe", clients.today().minusDays(3),
        "Seen by GP; MRI normal. Massage fine, avoid deep cervical pressure.", null);

    Client amira = register("Amira", "Haddad", LocalDate.of(1992, 1, 27), "+47 901 22 333", "Dr. Kari Holm");
    intakes.submit(amira.getId(), intake(6, 8, 5, List.of(), false, true, "Bright light, skipped meals",
        EnumSet.of(RedFlag.THUNDERCLAP)), IntakeSource.KIOSK);

    Client lea = register("Lea", "Brandt", clients.today().minusYears(16).minusMonths(2), "+47 955 10 010", null);
    intakes.submit(lea.getId(), intake(4, 6, 5, List.of(new Medication("Ibuprofen 400 mg", MedicationKind.ACUTE)),
        false, false, "Exams, neck posture while reading", Set.of()), IntakeSource.STAFF);

    register("Ole", "Pettersen", LocalDate.of(1958, 11, 2), "+47 970 00 321", "Dr. Sofie Lund");
    register("Maja", "Solberg", LocalDate.of(1999, 6, 30), "+47 948 76 543", null);
  }

  private Client register(String first, String last, LocalDate born, String phone, String physician) {
    return clients.register(new ClientDetails(first, last, born, phone, null, null, null, "Norwegian", physician,
        null, null));
  }

  private static IntakeAnswers intake(int days, int hours, int intensity, List<Medication> medications,
      boolean spondylosis, boolean pregnant, String triggers, Set<RedFlag> flags) {
    return new IntakeAnswers(days, hours, intensity, true, true, false, true, true, false, triggers, true, "2019",
        medications, spondylosis, false, pregnant, null, null, null, flags);
  }
}
