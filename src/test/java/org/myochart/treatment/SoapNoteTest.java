package org.myochart.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myochart.treatment.TreatmentFixtures.T0;
import static org.myochart.treatment.TreatmentFixtures.THERAPIST;
import static org.myochart.treatment.TreatmentFixtures.THERAPIST_NAME;
import static org.myochart.treatment.TreatmentFixtures.validDraft;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.Sha256;

class SoapNoteTest {

  private static final Instant SAVED = T0.plusSeconds(3_000);
  private static final Instant SIGNED = T0.plusSeconds(3_600);

  private static SoapNote revised(NoteDraft draft) {
    SoapNote note = TreatmentFixtures.note();
    note.revise(draft, SAVED);
    return note;
  }

  private static SoapNote signed() {
    SoapNote note = revised(validDraft());
    note.sign(THERAPIST, THERAPIST_NAME, SIGNED);
    return note;
  }

  private static JsonObject json(SoapNote note) {
    return Json.createReader(new StringReader(note.canonical())).readObject();
  }

  /** The embedded content as the database gives it back: its row lists are transient, so empty. */
  private static void readBackFromDatabase(SoapNote note) {
    NoteDraft embedded = (NoteDraft) TreatmentFixtures.get(note, "content");
    embedded.getTreatedMuscles().clear();
    embedded.getTriggerPoints().clear();
    embedded.getPointUses().clear();
    embedded.getAvoidedAreas().clear();
    embedded.getAdverseResponses().clear();
  }

  @SuppressWarnings("unchecked")
  private static List<TreatedMuscle> storedMuscleRows(SoapNote note) {
    return (List<TreatedMuscle>) TreatmentFixtures.get(note, "treatedMuscles");
  }

  // ---- a new note

  @Test
  void aNewNoteIsAnUnsignedDraftOfTheSessionsTherapist() {
    SoapNote note = TreatmentFixtures.note();

    assertEquals(NoteStatus.DRAFT, note.getStatus());
    assertFalse(note.isSigned());
    assertEquals(THERAPIST, note.getTherapist());
    assertEquals(note.getSession().getClient(), note.getClient());
    assertNull(note.getContentSha256());
    assertTrue(note.contentIntact(), "a draft has no hash to break");
  }

  // ---- revising

  @Test
  void aRevisionReplacesTheContent() {
    SoapNote note = revised(validDraft());
    NoteDraft second = validDraft();
    second.getTreatedMuscles().remove(1);
    second.setCurrentPain(2);

    note.revise(second, SAVED.plusSeconds(60));

    assertEquals(1, note.content().getTreatedMuscles().size());
    assertEquals(2, note.content().getCurrentPain());
    assertEquals(SAVED.plusSeconds(60), note.getUpdatedAt());
  }

  @Test
  void theNoteHoldsEachRowOnce() {
    SoapNote note = revised(validDraft());

    NoteDraft content = note.content();

    assertEquals(2, content.getTreatedMuscles().size());
    assertEquals(2, content.getPointUses().size());
    assertEquals(1, content.getTriggerPoints().size());
    assertEquals(1, content.getAvoidedAreas().size());
    assertEquals(1, content.getAdverseResponses().size());
    assertEquals(
        NoteComparison.readable(validDraft(), key -> key),
        NoteComparison.readable(content, key -> key));
  }

  @Test
  void changingTheDraftAfterARevisionDoesNotChangeTheNote() {
    NoteDraft draft = validDraft();
    SoapNote note = revised(draft);
    String before = note.canonical();

    draft.setCurrentPain(0);
    draft.getTreatedMuscles().get(0).setSide(Side.LEFT);
    draft.getPointUses().clear();

    assertEquals(before, note.canonical());
  }

  @Test
  void theContentIsACopyWhoseEditsDoNotReachTheNote() {
    SoapNote note = revised(validDraft());
    String before = note.canonical();

    NoteDraft content = note.content();
    content.setCurrentPain(10);
    content.setHomeCare("Something else");
    content.getTreatedMuscles().get(0).setMinutes(60);
    content.getTreatedMuscles().clear();
    content.getAdverseResponses().clear();

    assertEquals(before, note.canonical());
    assertEquals(6, note.content().getCurrentPain());
    assertEquals(8, note.content().getTreatedMuscles().get(0).getMinutes());
    assertEquals(1, note.content().getAdverseResponses().size());
  }

  // ---- signing

  @Test
  void signingStoresTheSignerTheTimeTheMeaningAndTheHash() {
    SoapNote note = signed();

    assertEquals(NoteStatus.SIGNED, note.getStatus());
    assertTrue(note.isSigned());
    assertEquals(THERAPIST, note.getSignedBy());
    assertEquals(THERAPIST_NAME, note.getSignedName());
    assertEquals(SIGNED, note.getSignedAt());
    assertEquals(SoapNote.SIGNATURE_MEANING, note.getSignatureMeaning());
    assertTrue(note.getContentSha256().matches("[0-9a-f]{64}"), note.getContentSha256());
    assertEquals(Sha256.of(note.canonical()), note.getContentSha256());
    assertTrue(note.contentIntact());
  }

  @Test
  void theSignatureIsPartOfTheSignedContent() {
    JsonObject signature = json(signed()).getJsonObject("signature");

    assertEquals(THERAPIST, signature.getString("signedBy"));
    assertEquals(THERAPIST_NAME, signature.getString("signedName"));
    assertEquals(SIGNED.toString(), signature.getString("signedAt"));
    assertEquals(SoapNote.SIGNATURE_MEANING, signature.getString("meaning"));
  }

  @Test
  void aSignedNoteRefusesARevisionAndStaysAsSigned() {
    SoapNote note = signed();
    String canonical = note.canonical();
    String hash = note.getContentSha256();
    NoteDraft other = validDraft();
    other.setCurrentPain(1);

    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> note.revise(other, SIGNED.plusSeconds(60)));

    assertEquals(RuleViolation.Kind.CONFLICT, refused.kind());
    assertTrue(refused.getMessage().contains("add an addendum"), refused.getMessage());
    assertEquals(canonical, note.canonical());
    assertEquals(hash, note.getContentSha256());
    assertEquals(6, note.content().getCurrentPain());
    assertEquals(SIGNED, note.getUpdatedAt());
    assertTrue(note.contentIntact());
  }

  @Test
  void aSignedNoteRefusesASecondSignature() {
    SoapNote note = signed();
    String hash = note.getContentSha256();

    assertThrows(
        RuleViolation.class, () -> note.sign("owner", "Other Person", SIGNED.plusSeconds(60)));

    assertEquals(THERAPIST, note.getSignedBy());
    assertEquals(THERAPIST_NAME, note.getSignedName());
    assertEquals(SIGNED, note.getSignedAt());
    assertEquals(hash, note.getContentSha256());
    assertTrue(note.contentIntact());
  }

  @Test
  void aSignedNoteStillMatchesItsHashWhenReadBackFromTheDatabase() {
    SoapNote note = signed();
    String canonical = note.canonical();

    readBackFromDatabase(note);

    assertEquals(canonical, note.canonical());
    assertTrue(note.contentIntact());
  }

  // ---- tampering

  @Test
  void changingAnAnswerAfterSigningBreaksTheHash() {
    SoapNote note = signed();
    NoteDraft embedded = (NoteDraft) TreatmentFixtures.get(note, "content");

    TreatmentFixtures.set(embedded, "painAfter", 0);

    assertFalse(note.contentIntact());
  }

  @Test
  void changingARowAfterSigningBreaksTheHash() {
    SoapNote note = signed();

    storedMuscleRows(note).get(0).setMinutes(45);

    assertFalse(note.contentIntact());
  }

  @Test
  void changingTheSignerAfterSigningBreaksTheHash() {
    SoapNote note = signed();

    TreatmentFixtures.set(note, "signedName", "Someone Else");

    assertFalse(note.contentIntact());
  }

  // ---- canonical form

  @Test
  void theCanonicalFormIsStableForTheSameContent() {
    SoapNote note = revised(validDraft());
    String first = note.canonical();

    note.revise(validDraft(), SAVED.plusSeconds(60));

    assertEquals(first, note.canonical());
    assertEquals(first, note.canonical());
  }

  @Test
  void theCanonicalFormChangesWhenARowChanges() {
    SoapNote note = revised(validDraft());
    String first = note.canonical();
    NoteDraft changed = validDraft();
    changed.getTreatedMuscles().get(1).setSide(Side.LEFT);

    note.revise(changed, SAVED.plusSeconds(60));

    assertNotEquals(first, note.canonical());
  }

  @Test
  void theCanonicalFormChangesWhenAPointRowChanges() {
    SoapNote note = revised(validDraft());
    String first = note.canonical();
    NoteDraft changed = validDraft();
    changed.getPointUses().get(0).setAppliedBy("Tor Hansen");

    note.revise(changed, SAVED.plusSeconds(60));

    assertNotEquals(first, note.canonical());
  }

  @Test
  void theCanonicalFormNamesTheSessionAndHoldsTheRows() {
    SoapNote note = revised(validDraft());
    JsonObject json = json(note);

    assertEquals(String.valueOf(note.getId()), json.getString("note"));
    assertEquals(String.valueOf(note.getSession().getId()), json.getString("session"));
    assertEquals(String.valueOf(note.getClient().getId()), json.getString("client"));
    assertEquals(THERAPIST, json.getString("therapist"));
    assertEquals("FOLLOW_UP", json.getString("sessionKind"));
    assertEquals(T0.toString(), json.getString("startsAt"));
    assertEquals(6, json.getJsonObject("subjective").getInt("currentPain"));
    assertEquals(2, json.getJsonObject("treatment").getJsonArray("muscles").size());
    assertEquals(
        "upper-trapezius",
        json.getJsonObject("treatment")
            .getJsonArray("muscles")
            .getJsonObject(0)
            .getString("muscle"));
    assertEquals(
        "BOTH",
        json.getJsonObject("treatment").getJsonArray("muscles").getJsonObject(0).getString("side"));
    assertEquals(2, json.getJsonObject("treatment").getJsonArray("points").size());
    assertEquals(1, json.getJsonObject("assessment").getJsonArray("adverseResponses").size());
    assertTrue(json.getJsonObject("plan").isNull("referralReason"));
  }

  // ---- versions of the canonical form

  private static final String SIGNED_UNDER_VERSION_1_SHA256 =
      "e61a2ede973bfeef2acd2fe033d46bd050def978cfca31f5a137321edb818464";

  private static String resource(String name) {
    try (var in = SoapNoteTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The note whose canonical JSON was captured from the code before canonical forms were versioned.
   */
  private static SoapNote noteOfTheCapture() {
    SoapNote note = TreatmentFixtures.note();
    TreatmentFixtures.set(note, "id", 41L);
    TreatmentFixtures.set(note.getSession(), "id", 42L);
    TreatmentFixtures.set(note.getClient(), "id", 43L);
    NoteDraft draft = validDraft();
    draft.getTriggerPoints().add(new TriggerPoint("suboccipitals", Side.LEFT, 0, null));
    note.getSession().end(T0.plusSeconds(3_500));
    note.revise(draft, SAVED);
    note.sign(THERAPIST, THERAPIST_NAME, SIGNED);
    return note;
  }

  /**
   * As a note signed before this version comes back from the database: form 1 and the hash taken
   * then.
   */
  private static SoapNote signedUnderVersionOne() {
    SoapNote note = noteOfTheCapture();
    TreatmentFixtures.set(note, "canonicalForm", 1);
    TreatmentFixtures.set(note, "contentSha256", SIGNED_UNDER_VERSION_1_SHA256);
    readBackFromDatabase(note);
    return note;
  }

  @Test
  void aNoteSignedUnderVersionOneIsRebuiltByteForByte() {
    SoapNote note = signedUnderVersionOne();

    assertEquals(resource("signed-note-canonical-v1.json"), note.canonical());
    assertEquals(SIGNED_UNDER_VERSION_1_SHA256, Sha256.of(note.canonical()));
    assertTrue(note.contentIntact());
  }

  @Test
  void anEmptyNoteUnderVersionOneIsRebuiltByteForByte() {
    SoapNote note = TreatmentFixtures.note();
    TreatmentFixtures.set(note, "id", 51L);
    TreatmentFixtures.set(note.getSession(), "id", 52L);
    TreatmentFixtures.set(note.getClient(), "id", 53L);
    TreatmentFixtures.set(note, "canonicalForm", 1);

    assertEquals(resource("draft-note-canonical-v1.json"), note.canonical());
  }

  @Test
  void versionOneKeepsAMissingReferralAsTheWordNull() {
    JsonObject trigger =
        Json.createReader(new StringReader(signedUnderVersionOne().canonical()))
            .readObject()
            .getJsonObject("objective")
            .getJsonArray("triggerPoints")
            .getJsonObject(1);

    assertEquals("null", trigger.getString("refersTo"));
  }

  @Test
  void aNewSignatureUsesTheCurrentFormWhichNamesItself() {
    SoapNote note = noteOfTheCapture();
    JsonObject json = json(note);

    assertEquals(CanonicalForm.CURRENT, note.getCanonicalForm());
    assertEquals(CanonicalForm.CURRENT, json.getInt("form"));
    assertTrue(
        json.getJsonObject("objective")
            .getJsonArray("triggerPoints")
            .getJsonObject(1)
            .isNull("refersTo"));
    assertNotEquals(resource("signed-note-canonical-v1.json"), note.canonical());
    assertEquals(Sha256.of(note.canonical()), note.getContentSha256());
    assertTrue(note.contentIntact());
  }

  @Test
  void changingTheFormOfASignedNoteBreaksTheHash() {
    SoapNote current = noteOfTheCapture();
    SoapNote old = signedUnderVersionOne();

    TreatmentFixtures.set(current, "canonicalForm", 1);
    TreatmentFixtures.set(old, "canonicalForm", CanonicalForm.CURRENT);

    assertFalse(current.contentIntact());
    assertFalse(old.contentIntact());
  }

  @Test
  void anUnknownFormIsRefusedRatherThanGuessed() {
    SoapNote note = signed();
    TreatmentFixtures.set(note, "canonicalForm", CanonicalForm.CURRENT + 1);

    assertThrows(IllegalStateException.class, note::canonical);
  }
}
