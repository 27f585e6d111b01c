package org.myochart.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.client.Medication;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.consent.KioskEvidence;

/**
 * Fictitious clients with intakes, one red flag still open and one cleared by a physician. Anna and
 * Jonas have signed their consents on the tablet (with a drawn demo signature); Lea's parent signed
 * for her; the others have not signed yet, so the consent gate shows.
 */
@ApplicationScoped
class DemoClients {

  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Consents consents;
  @Inject ConsentForms forms;

  void create() {
    Client anna =
        register(
            "Anna", "Bergström", LocalDate.of(1986, 4, 12), "+47 912 34 567", "Dr. Sofie Lund");
    intakes.submit(
        anna.getId(),
        intake(
            12,
            24,
            7,
            List.of(new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE)),
            false,
            false,
            "Long commutes, poor sleep, screen work",
            Set.of()),
        IntakeSource.STAFF);
    intakes.submit(
        anna.getId(),
        intake(
            8,
            12,
            6,
            List.of(
                new Medication("Sumatriptan 50 mg", MedicationKind.ACUTE),
                new Medication("Propranolol 40 mg", MedicationKind.PREVENTIVE)),
            false,
            false,
            "Long commutes, poor sleep, screen work",
            Set.of()),
        IntakeSource.KIOSK);

    Client jonas =
        register("Jonas", "Lindqvist", LocalDate.of(1971, 9, 3), "+47 934 55 120", "Dr. Erik Moe");
    intakes.submit(
        jonas.getId(),
        intake(
            15,
            48,
            8,
            List.of(new Medication("Warfarin", MedicationKind.BLOOD_THINNER)),
            true,
            false,
            "Stress at work, training load",
            EnumSet.of(RedFlag.NEW_PATTERN)),
        IntakeSource.STAFF);
    intakes.recordClearance(
        jonas.getId(),
        "Dr. Erik Moe",
        clients.today().minusDays(3),
        "Seen by GP; MRI normal. Massage fine, avoid deep cervical pressure.",
        null);

    Client amira =
        register("Amira", "Haddad", LocalDate.of(1992, 1, 27), "+47 901 22 333", "Dr. Kari Holm");
    intakes.submit(
        amira.getId(),
        intake(
            6,
            8,
            5,
            List.of(),
            false,
            true,
            "Bright light, skipped meals",
            EnumSet.of(RedFlag.THUNDERCLAP)),
        IntakeSource.KIOSK);

    Client lea =
        register(
            "Lea", "Brandt", clients.today().minusYears(16).minusMonths(2), "+47 955 10 010", null);
    intakes.submit(
        lea.getId(),
        intake(
            4,
            6,
            5,
            List.of(new Medication("Ibuprofen 400 mg", MedicationKind.ACUTE)),
            false,
            false,
            "Exams, neck posture while reading",
            Set.of()),
        IntakeSource.STAFF);

    signOnTablet(anna, "Anna Bergström", null);
    signOnTablet(jonas, "Jonas Lindqvist", null);
    signOnTablet(lea, "Heidi Brandt", "mother");

    register("Ole", "Pettersen", LocalDate.of(1958, 11, 2), "+47 970 00 321", "Dr. Sofie Lund");
    register("Maja", "Solberg", LocalDate.of(1999, 6, 30), "+47 948 76 543", null);
  }

  /** The disclosure and every consent treatment needs, as if signed on the tablet at the desk. */
  private void signOnTablet(Client client, String signer, String guardianRelationship) {
    String kiosk = UUID.randomUUID().toString();
    List<ConsentFormVersion> versions = new ArrayList<>();
    forms.disclosure().ifPresent(versions::add);
    versions.addAll(forms.requiredForTreatment());
    for (ConsentFormVersion version : versions) {
      Map<String, Boolean> answers = new HashMap<>();
      version
          .getItems()
          .forEach(
              item ->
                  answers.put(
                      item.getCode(),
                      item.isAcknowledgement() || item.getCode().startsWith("acupressure")));
      consents.signOnKiosk(
          new Consents.KioskSigning(
              client.getId(),
              version.getId(),
              answers,
              signer,
              guardianRelationship,
              signatureStrokes(signer),
              new KioskEvidence(
                  kiosk,
                  DemoClinic.FRONT_DESK,
                  "127.0.0.1",
                  "MyoChart demo data",
                  UUID.randomUUID().toString())));
    }
  }

  /**
   * A looping scrawl, the strokes a finger leaves on the signature pad; each signer's own, from
   * their name, so that no two demo signers share an ink.
   */
  static String signatureStrokes(String signer) {
    int seed = Math.floorMod(signer.hashCode(), 1000);
    double loops = 3 + seed % 4;
    double height = 28 + seed % 23;
    double lean = (seed % 7 - 3) / 10.0;
    StringBuilder json = new StringBuilder("{\"lines\":[[");
    for (int i = 0; i <= 60; i++) {
      double t = i / 60.0 * loops * Math.PI;
      long y = Math.round(110 - height * Math.sin(t) * (1 - i / 90.0));
      long x = Math.round(60 + i * 6 + 18 * Math.cos(t) + lean * (110 - y));
      json.append(i == 0 ? "" : ",").append('[').append(x).append(',').append(y).append(']');
    }
    return json.append("]]}").toString();
  }

  private Client register(
      String first, String last, LocalDate born, String phone, String physician) {
    return clients.register(
        new ClientDetails(
            first, last, born, phone, null, null, null, "Norwegian", physician, null, null));
  }

  private static IntakeAnswers intake(
      int days,
      int hours,
      int intensity,
      List<Medication> medications,
      boolean spondylosis,
      boolean pregnant,
      String triggers,
      Set<RedFlag> flags) {
    return new IntakeAnswers(
        days,
        hours,
        intensity,
        true,
        true,
        false,
        true,
        true,
        false,
        triggers,
        true,
        "2019",
        medications,
        spondylosis,
        false,
        pregnant,
        null,
        null,
        null,
        flags);
  }
}
