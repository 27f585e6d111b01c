package org.myochart.testsupport;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.myochart.audit.Actor;
import org.myochart.audit.CurrentActor;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;
import org.myochart.client.Clients;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.consent.ConsentFormVersion;
import org.myochart.consent.ConsentForms;
import org.myochart.consent.Consents;
import org.myochart.consent.KioskEvidence;
import org.myochart.staff.Role;

/**
 * For Arquillian tests (add it to the deployment): registers a client who may be treated at once,
 * through the real services, with a migraine intake without red flags and every consent treatment
 * needs signed on a tablet.
 */
@Dependent
public class TreatableClients {

  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Consents consents;
  @Inject ConsentForms forms;

  /**
   * A client's details with only the name (the surname made unique with {@link
   * Names#uniqueSurname}) and the date of birth.
   */
  public static ClientDetails nameOnly(String firstName, String surnamePrefix, LocalDate born) {
    return new ClientDetails(
        firstName,
        Names.uniqueSurname(surnamePrefix),
        born,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * @param surnamePrefix made unique with {@link Names#uniqueSurname}
   * @param handedOverBy an active staff member's username: who handed the tablet to the client
   */
  public Client register(String firstName, String surnamePrefix, String handedOverBy) {
    return register(firstName, surnamePrefix, handedOverBy, Set.of());
  }

  /**
   * As {@link #register(String, String, String)}, declining the optional techniques with these
   * codes.
   */
  public Client register(
      String firstName, String surnamePrefix, String handedOverBy, Set<String> declined) {
    Client client = clients.register(nameOnly(firstName, surnamePrefix, LocalDate.of(1980, 5, 5)));
    // The intake is clinical: typed here as the owner, who may open every record.
    CurrentActor.actAs(
        new Actor("owner", Role.OWNER, "127.0.0.1", "test set-up"),
        () ->
            intakes.submit(
                client.getId(),
                new IntakeAnswers(
                    8, 12, 6, true, true, false, true, true, false, "stress", true, "2019",
                    List.of(), false, false, false, null, null, null, Set.of()),
                IntakeSource.STAFF));
    List<ConsentFormVersion> versions = new ArrayList<>();
    forms.disclosure().ifPresent(versions::add);
    versions.addAll(forms.requiredForTreatment());
    for (ConsentFormVersion version : versions) {
      Map<String, Boolean> answers = new HashMap<>();
      version
          .getItems()
          .forEach(item -> answers.put(item.getCode(), !declined.contains(item.getCode())));
      consents.signOnKiosk(
          new Consents.KioskSigning(
              client.getId(),
              version.getId(),
              answers,
              client.getFirstName() + " " + client.getLastName(),
              null,
              zigzagSignature(),
              new KioskEvidence(
                  UUID.randomUUID().toString(),
                  handedOverBy,
                  "10.0.0.9",
                  "test",
                  UUID.randomUUID().toString())));
    }
    return client;
  }

  /** Strokes of a drawn signature large and long enough to be accepted. */
  private static String zigzagSignature() {
    StringBuilder strokes = new StringBuilder("{\"lines\":[[");
    for (int i = 0; i < 20; i++) {
      strokes
          .append(i == 0 ? "" : ",")
          .append('[')
          .append(40 + i * 15)
          .append(',')
          .append(i % 2 == 0 ? 30 : 110)
          .append(']');
    }
    return strokes.append("]]}").toString();
  }
}
