package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.treatment.TreatmentFixtures.T0;
import static org.myochart.treatment.TreatmentFixtures.THERAPIST;
import static org.myochart.treatment.TreatmentFixtures.THERAPIST_NAME;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.myochart.platform.Sha256;

class NoteAddendumTest {

  private static final Instant SIGNED = T0.plusSeconds(3_600);
  private static final Instant ADDED = T0.plusSeconds(86_400);
  private static final String REASON = "Forgot to record the soreness reported by phone";
  private static final String BODY =
      "Client phoned the next day: mild soreness on the right side, gone by evening.";

  private static SoapNote signedNote() {
    SoapNote note = TreatmentFixtures.note();
    note.revise(TreatmentFixtures.validDraft(), SIGNED);
    note.sign(THERAPIST, THERAPIST_NAME, SIGNED);
    return note;
  }

  private static NoteAddendum addendum(SoapNote note, String reason, String body) {
    return new NoteAddendum(note, reason, body, THERAPIST, THERAPIST_NAME, ADDED);
  }

  @Test
  void anAddendumIsSignedWithItsOwnHashAndMeaning() {
    NoteAddendum addendum = addendum(signedNote(), REASON, BODY);

    assertTrue(addendum.getContentSha256().matches("[0-9a-f]{64}"), addendum.getContentSha256());
    assertEquals(Sha256.of(addendum.canonical()), addendum.getContentSha256());
    assertEquals(NoteAddendum.SIGNATURE_MEANING, addendum.getSignatureMeaning());
    assertEquals(ADDED, addendum.getSignedAt());
    assertTrue(addendum.contentIntact());
  }

  @Test
  void theHashCoversTheNotesHashTheReasonAndTheBody() {
    SoapNote note = signedNote();
    String canonical = addendum(note, REASON, BODY).canonical();

    assertTrue(canonical.contains(note.getContentSha256()));
    assertTrue(canonical.contains(REASON));
    assertTrue(canonical.contains(BODY));
  }

  @Test
  void aDifferentBodyOrReasonGivesADifferentHash() {
    SoapNote note = signedNote();
    String hash = addendum(note, REASON, BODY).getContentSha256();

    assertNotEquals(hash, addendum(note, REASON, BODY + ".").getContentSha256());
    assertNotEquals(hash, addendum(note, REASON + ".", BODY).getContentSha256());
    assertEquals(hash, addendum(note, REASON, BODY).getContentSha256());
  }

  @Test
  void movingALineFromTheReasonToTheBodyChangesTheHash() {
    SoapNote note = signedNote();

    assertNotEquals(
        addendum(note, "Soreness\nreported by phone", "Gone by evening.").getContentSha256(),
        addendum(note, "Soreness", "reported by phone\nGone by evening.").getContentSha256());
  }

  @Test
  void changingTheBodyAfterSigningBreaksTheHash() {
    NoteAddendum addendum = addendum(signedNote(), REASON, BODY);

    TreatmentFixtures.set(addendum, "body", "Client phoned: no soreness.");

    assertFalse(addendum.contentIntact());
  }

  @Test
  void changingTheReasonAfterSigningBreaksTheHash() {
    NoteAddendum addendum = addendum(signedNote(), REASON, BODY);

    TreatmentFixtures.set(addendum, "reason", "Typo");

    assertFalse(addendum.contentIntact());
  }

  @Test
  void anAddendumIsBoundToTheNoteItWasAddedTo() {
    SoapNote note = signedNote();
    NoteAddendum addendum = addendum(note, REASON, BODY);

    TreatmentFixtures.set(note, "contentSha256", Sha256.of("another note"));

    assertFalse(addendum.contentIntact());
  }

  @Test
  void theSameTextOnAnotherNoteHasAnotherHash() {
    SoapNote other = TreatmentFixtures.note();
    NoteDraft draft = TreatmentFixtures.validDraft();
    draft.setPainAfter(2);
    other.revise(draft, SIGNED);
    other.sign(THERAPIST, THERAPIST_NAME, SIGNED);

    assertNotEquals(
        addendum(signedNote(), REASON, BODY).getContentSha256(),
        addendum(other, REASON, BODY).getContentSha256());
  }
}
