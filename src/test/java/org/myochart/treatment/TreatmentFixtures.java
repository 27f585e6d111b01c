package org.myochart.treatment;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueFixtures;
import org.myochart.anatomy.Side;
import org.myochart.client.Client;
import org.myochart.client.ClientDetails;

/** Small builders for treatment unit tests; entities get their ids by reflection. */
final class TreatmentFixtures {

  static final Instant T0 = Instant.parse("2026-02-10T09:00:00Z");
  static final String THERAPIST = "ingrid";
  static final String THERAPIST_NAME = "Ingrid Halvorsen, LMT";

  /** Bean Validation as the server runs it, with the application's ValidationMessages. */
  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  private static long nextId = 500;

  private TreatmentFixtures() {}

  static Map<String, CatalogueEntry> catalogue() {
    return CatalogueFixtures.standard();
  }

  /** What a save of the draft would refuse, field by field. */
  static Map<String, String> problems(NoteDraft draft) {
    return draft.problems(VALIDATOR, catalogue());
  }

  /** A note that could be signed: every range in bounds, every row from the catalogue. */
  static NoteDraft validDraft() {
    NoteDraft draft = new NoteDraft();
    draft.setHeadacheDaysSinceLast(4);
    draft.setCurrentPain(6);
    draft.setSleepQuality(3);
    draft.setStressLevel(4);
    draft.setTriggers("Screen work, skipped lunch");
    draft.setMedicationSinceLast("Sumatriptan 50 mg twice");
    draft.setClientGoal("Fewer than four headache days a month");
    draft.setClientWords("The pain starts at the back of my head and moves to my right eye.");
    draft.setPosture("Forward head, right shoulder raised");
    draft.setRomFlexion(45);
    draft.setRomExtension(50);
    draft.setRomRotationLeft(70);
    draft.setRomRotationRight(60);
    draft.setRomSideBendLeft(40);
    draft.setRomSideBendRight(35);
    draft.setPalpationNotes("Taut bands in both upper trapezius.\nTender suboccipitals.");
    draft
        .getTriggerPoints()
        .add(new TriggerPoint("upper-trapezius", Side.RIGHT, 2, "Right temple"));
    draft
        .getTreatedMuscles()
        .add(
            new TreatedMuscle(
                "upper-trapezius", Side.BOTH, "trigger-point-therapy", Pressure.MODERATE, 8));
    draft
        .getTreatedMuscles()
        .add(
            new TreatedMuscle("suboccipitals", Side.BOTH, "myofascial-release", Pressure.LIGHT, 6));
    draft.getPointUses().add(new PointUse("GB20", Side.BOTH, THERAPIST_NAME));
    draft.getPointUses().add(new PointUse("GV16", Side.MIDLINE, THERAPIST_NAME));
    draft.getAvoidedAreas().add(new AvoidedArea("Left shoulder", "Recent bruise."));
    draft.setPainBefore(6);
    draft.setPainAfter(3);
    draft.setRomChange("Rotation to the right 60 → 70 degrees");
    draft.setTolerance(Tolerance.GOOD);
    draft
        .getAdverseResponses()
        .add(new AdverseResponse("Mild soreness in the neck", Severity.MILD));
    draft.setProgress("Headache days down from 9 to 4");
    draft.setNextSession("In two weeks");
    draft.setHomeCare("Chin tucks twice a day");
    draft.setReferralReason(null);
    return draft;
  }

  static Client client() {
    try {
      Constructor<Client> constructor =
          Client.class.getDeclaredConstructor(ClientDetails.class, boolean.class, Instant.class);
      constructor.setAccessible(true);
      return withId(
          constructor.newInstance(
              new ClientDetails(
                  "Anna",
                  "Bergström",
                  LocalDate.of(1986, 4, 12),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              false,
              T0));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static TreatmentSession session() {
    return withId(
        new TreatmentSession(
            client(),
            null,
            THERAPIST,
            THERAPIST_NAME,
            SessionKind.FOLLOW_UP,
            T0,
            T0.minusSeconds(600)));
  }

  static SoapNote note() {
    return withId(new SoapNote(session(), T0));
  }

  static <T> T withId(T entity) {
    set(entity, "id", nextId++);
    return entity;
  }

  static void set(Object target, String name, Object value) {
    try {
      field(target, name).set(target, value);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  static Object get(Object target, String name) {
    try {
      return field(target, name).get(target);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Field field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new AssertionError("No field " + name + " on " + target.getClass());
  }
}
