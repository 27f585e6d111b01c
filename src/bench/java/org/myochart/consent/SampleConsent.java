package org.myochart.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A consent as the kiosk produces it, for benchmarks: the default migraine form (about a page of
 * text), six acknowledgements, four techniques and a signature drawn with a finger.
 */
public final class SampleConsent {

  private SampleConsent() {}

  public static Consent signedOnTheTablet(Instant signedAt) {
    FormDraft draft =
        new FormDraft(
            "Informed consent to therapeutic massage for migraine",
            formText(),
            List.of(
                "I understand that massage is a complementary treatment and not a cure for migraine.",
                "I understand that massage does not replace medical care, and I will keep seeing my physician.",
                "I have been told about the possible benefits and risks, and I had the chance to ask questions.",
                "I have told my therapist about my health, and I will tell them about any change before each session.",
                "I know I can ask for lighter pressure, leave out any technique or area, or stop at any time.",
                "I know I can withdraw this consent at any time."),
            List.of(
                "Acupressure on points of the head, neck, shoulders and hands",
                "Craniosacral techniques",
                "Deep pressure on the muscles of the neck",
                "Work inside the mouth on the jaw muscles (with gloves)"),
            12,
            false,
            false);
    ConsentFormVersion version = ConsentFixtures.version(ConsentFixtures.form(), 3, draft);
    return ConsentFixtures.withId(
        Consent.electronic(
            ConsentFixtures.client(),
            version,
            ConsentFixtures.answers(version),
            SignedBy.client("Anna Bergström"),
            DrawnSignature.parse(signatureJson()),
            ConsentFixtures.kiosk("submission-bench"),
            signedAt));
  }

  /** About 300 points in five strokes, the size a finger draws on the tablet's signature box. */
  static String signatureJson() {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    for (int stroke = 0; stroke < 5; stroke++) {
      json.append(stroke == 0 ? "[" : ",[");
      double left = 30 + stroke * 110;
      for (int i = 0; i < 60; i++) {
        double x = left + i * 1.6 + 12 * Math.sin(i / 4.0 + stroke);
        double y = 90 + 35 * Math.sin(i / 6.0 + stroke * 0.7) + 8 * Math.cos(i / 2.5);
        json.append(i == 0 ? "[" : ",[")
            .append(Math.round(x * 100) / 100.0)
            .append(',')
            .append(Math.round(y * 100) / 100.0)
            .append(']');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }

  private static String formText() {
    try (InputStream in =
        DefaultConsentForms.class.getResourceAsStream("migraine-massage-consent.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
