package org.myochart.consent;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;

/** Small builders for consent-domain unit tests; entities get their ids by reflection. */
final class ConsentFixtures {

  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  static final Instant T0 = Instant.parse("2026-01-15T11:00:00Z");
  static final String TITLE = "Consent to massage treatment";

  private static long nextId = 100;

  private ConsentFixtures() {}

  static Client client(String first, String last, LocalDate born) {
    try {
      Constructor<Client> constructor =
          Client.class.getDeclaredConstructor(ClientDetails.class, boolean.class, Instant.class);
      constructor.setAccessible(true);
      Client client =
          constructor.newInstance(
              new ClientDetails(first, last, born, null, null, null, null, null, null, null, null),
              false,
              T0);
      return withId(client);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static Client client() {
    return client("Anna", "Bergström", LocalDate.of(1986, 4, 12));
  }

  static FormDraft draft(int validityMonths, boolean requiresReconsent, boolean requiresWitness) {
    return new FormDraft(
        TITLE,
        "## Before we start\n\nMassage can leave you **sore** for a day or two.",
        List.of("I have told my therapist about my health", "I can stop the treatment at any time"),
        List.of("Cupping", "Deep tissue work"),
        validityMonths,
        requiresReconsent,
        requiresWitness);
  }

  static ConsentForm form() {
    return withId(new ConsentForm("massage-consent", FormKind.TREATMENT, true, T0));
  }

  static ConsentFormVersion version(ConsentForm form, int number, FormDraft draft) {
    return withId(new ConsentFormVersion(form, number, draft, "owner", T0.minusSeconds(86_400)));
  }

  static ConsentFormVersion version(int validityMonths, boolean requiresWitness) {
    return version(form(), 1, draft(validityMonths, false, requiresWitness));
  }

  /** Every acknowledgement ticked, techniques accepted except the last. */
  static List<Answer> answers(ConsentFormVersion version) {
    List<Answer> answers = new ArrayList<>();
    List<FormItem> items = version.getItems();
    for (int i = 0; i < items.size(); i++) {
      answers.add(
          new Answer(items.get(i), items.get(i).isAcknowledgement() || i < items.size() - 1));
    }
    return answers;
  }

  static KioskEvidence kiosk(String submissionId) {
    return new KioskEvidence(
        "kiosk-7", "reception1", "192.0.2.10", "Mozilla/5.0 (Tablet)", submissionId);
  }

  static Consent consent(ConsentFormVersion version, Instant signedAt) {
    return consent(version, signedAt, "submission-1");
  }

  static Consent consent(ConsentFormVersion version, Instant signedAt, String submissionId) {
    return withId(
        Consent.electronic(
            client(),
            version,
            answers(version),
            SignedBy.client("Anna Bergström"),
            signature(),
            kiosk(submissionId),
            signedAt));
  }

  static ConsentWitness witness(Consent consent, Instant at) {
    return withId(new ConsentWitness(consent, "therapist1", "Tor Hansen", at, "192.0.2.11"));
  }

  static ConsentWithdrawal withdrawal(Consent consent, Instant at) {
    return withId(
        new ConsentWithdrawal(
            consent, at, WithdrawalRequester.CLIENT, "Changed my mind", "reception1"));
  }

  /** A signature as a finger draws it: a wavy first name, a loop, and a dot over an i. */
  static String signatureJson() {
    StringBuilder json = new StringBuilder("{\"lines\":[[");
    for (int i = 0; i <= 40; i++) {
      double x = 20 + i * 5.25;
      double y = 80 + 30 * Math.sin(i / 3.0);
      json.append(i == 0 ? "" : ",").append('[').append(x).append(',').append(y).append(']');
    }
    json.append("],[");
    for (int i = 0; i <= 24; i++) {
      double angle = i * Math.PI / 12;
      json.append(i == 0 ? "" : ",")
          .append('[')
          .append(260 + 25 * Math.cos(angle))
          .append(',')
          .append(70 + 20 * Math.sin(angle))
          .append(']');
    }
    json.append("],[[150.5,30.25]]]}");
    return json.toString();
  }

  static DrawnSignature signature() {
    return DrawnSignature.parse(signatureJson());
  }

  static <T> T withId(T entity) {
    set(entity, "id", nextId++);
    return entity;
  }

  static void set(Object target, String name, Object value) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("No field " + name + " on " + target.getClass());
  }

  static Object get(Object target, String name) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
