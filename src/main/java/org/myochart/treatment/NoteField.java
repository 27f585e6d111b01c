package org.myochart.treatment;

import static org.myochart.treatment.NoteSection.ASSESSMENT;
import static org.myochart.treatment.NoteSection.OBJECTIVE;
import static org.myochart.treatment.NoteSection.PLAN;
import static org.myochart.treatment.NoteSection.SUBJECTIVE;
import static org.myochart.treatment.NoteSection.TREATMENT;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Every field of a SOAP note, once: its name, label, limits and where it sits. Validation ({@link
 * NoteFieldsWithinLimits}), the readable text and comparison ({@link NoteComparison}), copying
 * ({@link NoteDraft#copy}), the canonical JSON that a signature hashes ({@link SoapNote#canonical})
 * and the labels on the note page all come from here.
 *
 * <p>To add a field: a column with its getter and setter on {@link NoteDraft}, a constant here
 * naming the getter and the column's field, with {@code since} set to the next {@link
 * CanonicalForm} version (so notes signed before keep their hash), a migration for the column, and
 * the input on the page. The order of the constants is the order of the canonical JSON within each
 * section and must not change.
 */
public enum NoteField {
  HEADACHE_DAYS_SINCE_LAST(
      number(
          SUBJECTIVE,
          "headacheDaysSinceLast",
          "Headache days since the last visit",
          null,
          null,
          0,
          366,
          NoteDraft::getHeadacheDaysSinceLast,
          (draft, value) -> draft.headacheDaysSinceLast = value)),
  CURRENT_PAIN(
      number(
          SUBJECTIVE,
          "currentPain",
          "Current pain",
          "0–10",
          "0 none – 10 worst",
          0,
          10,
          NoteDraft::getCurrentPain,
          (draft, value) -> draft.currentPain = value)),
  SLEEP_QUALITY(
      number(
          SUBJECTIVE,
          "sleepQuality",
          "Sleep quality",
          "1–5",
          "1 very poor – 5 very good",
          1,
          5,
          NoteDraft::getSleepQuality,
          (draft, value) -> draft.sleepQuality = value)),
  STRESS_LEVEL(
      number(
          SUBJECTIVE,
          "stressLevel",
          "Stress",
          "1–5",
          "1 none – 5 severe",
          1,
          5,
          NoteDraft::getStressLevel,
          (draft, value) -> draft.stressLevel = value)),
  TRIGGERS(
      text(
          SUBJECTIVE,
          "triggers",
          "Triggers",
          null,
          NoteDraft::getTriggers,
          (draft, value) -> draft.triggers = value)),
  MEDICATION_SINCE_LAST(
      text(
          SUBJECTIVE,
          "medicationSinceLast",
          "Medication since the last visit",
          null,
          NoteDraft::getMedicationSinceLast,
          (draft, value) -> draft.medicationSinceLast = value)),
  CLIENT_GOAL(
      text(
          SUBJECTIVE,
          "clientGoal",
          "Client's goal",
          null,
          NoteDraft::getClientGoal,
          (draft, value) -> draft.clientGoal = value)),
  CLIENT_WORDS(
      text(
          SUBJECTIVE,
          "clientWords",
          "In the client's words",
          null,
          NoteDraft::getClientWords,
          (draft, value) -> draft.clientWords = value)),

  POSTURE(
      text(
          OBJECTIVE,
          "posture",
          "Posture",
          null,
          NoteDraft::getPosture,
          (draft, value) -> draft.posture = value)),
  ROM_FLEXION(
      number(
          OBJECTIVE,
          "romFlexion",
          "Cervical flexion",
          "degrees",
          null,
          0,
          120,
          NoteDraft::getRomFlexion,
          (draft, value) -> draft.romFlexion = value)),
  ROM_EXTENSION(
      number(
          OBJECTIVE,
          "romExtension",
          "Cervical extension",
          "degrees",
          null,
          0,
          120,
          NoteDraft::getRomExtension,
          (draft, value) -> draft.romExtension = value)),
  ROM_ROTATION_LEFT(
      number(
          OBJECTIVE,
          "romRotationLeft",
          "Cervical rotation to the left",
          "degrees",
          null,
          0,
          120,
          NoteDraft::getRomRotationLeft,
          (draft, value) -> draft.romRotationLeft = value)),
  ROM_ROTATION_RIGHT(
      number(
          OBJECTIVE,
          "romRotationRight",
          "Cervical rotation to the right",
          "degrees",
          null,
          0,
          120,
          NoteDraft::getRomRotationRight,
          (draft, value) -> draft.romRotationRight = value)),
  ROM_SIDE_BEND_LEFT(
      number(
          OBJECTIVE,
          "romSideBendLeft",
          "Cervical side-bend to the left",
          "degrees",
          null,
          0,
          90,
          NoteDraft::getRomSideBendLeft,
          (draft, value) -> draft.romSideBendLeft = value)),
  ROM_SIDE_BEND_RIGHT(
      number(
          OBJECTIVE,
          "romSideBendRight",
          "Cervical side-bend to the right",
          "degrees",
          null,
          0,
          90,
          NoteDraft::getRomSideBendRight,
          (draft, value) -> draft.romSideBendRight = value)),
  PALPATION_NOTES(
      text(
          OBJECTIVE,
          "palpationNotes",
          "Palpation",
          null,
          NoteDraft::getPalpationNotes,
          (draft, value) -> draft.palpationNotes = value)),
  TRIGGER_POINTS(
      rows(
          OBJECTIVE,
          "triggerPoints",
          "triggerPoints",
          "Trigger points",
          NoteDraft::getTriggerPoints)),

  TREATED_MUSCLES(
      rows(
          TREATMENT, "treatedMuscles", "muscles", "Treated muscles", NoteDraft::getTreatedMuscles)),
  POINT_USES(rows(TREATMENT, "pointUses", "points", "Pressure points", NoteDraft::getPointUses)),
  AVOIDED_AREAS(
      rows(TREATMENT, "avoidedAreas", "avoided", "Areas avoided", NoteDraft::getAvoidedAreas)),

  PAIN_BEFORE(
      number(
          ASSESSMENT,
          "painBefore",
          "Pain before the session",
          "0–10",
          "0 none – 10 worst",
          0,
          10,
          NoteDraft::getPainBefore,
          (draft, value) -> draft.painBefore = value)),
  PAIN_AFTER(
      number(
          ASSESSMENT,
          "painAfter",
          "Pain after the session",
          "0–10",
          "0 none – 10 worst",
          0,
          10,
          NoteDraft::getPainAfter,
          (draft, value) -> draft.painAfter = value)),
  ROM_CHANGE(
      text(
          ASSESSMENT,
          "romChange",
          "Range-of-motion change",
          null,
          NoteDraft::getRomChange,
          (draft, value) -> draft.romChange = value)),
  TOLERANCE(
      new Spec(
          Kind.CHOICE,
          ASSESSMENT,
          "tolerance",
          "tolerance",
          "Tolerance",
          null,
          null,
          0,
          0,
          NoteDraft::getTolerance,
          (draft, value) -> draft.tolerance = (Tolerance) value)),
  ADVERSE_RESPONSES(
      rows(
          ASSESSMENT,
          "adverseResponses",
          "adverseResponses",
          "Adverse responses",
          NoteDraft::getAdverseResponses)),
  PROGRESS(
      text(
          ASSESSMENT,
          "progress",
          "Progress toward the goal",
          null,
          NoteDraft::getProgress,
          (draft, value) -> draft.progress = value)),

  NEXT_SESSION(
      text(
          PLAN,
          "nextSession",
          "Next session",
          null,
          NoteDraft::getNextSession,
          (draft, value) -> draft.nextSession = value)),
  HOME_CARE(
      text(
          PLAN,
          "homeCare",
          "Home care",
          "self-massage, stretches, posture, sleep",
          NoteDraft::getHomeCare,
          (draft, value) -> draft.homeCare = value)),
  REFERRAL_REASON(
      text(
          PLAN,
          "referralReason",
          "Referral to a physician",
          "with the reason; leave empty if none",
          NoteDraft::getReferralReason,
          (draft, value) -> draft.referralReason = value));

  /** Free text is at most this long. */
  public static final int LONGEST_TEXT = 20_000;

  /** What a field holds, which decides how it is checked, read and hashed. */
  public enum Kind {
    /** A whole number within {@link #min()} and {@link #max()}. */
    NUMBER,
    /** Free text of at most {@link #maxLength()} characters; line breaks and tabs allowed. */
    TEXT,
    /** One of the constants of an enum with a label. */
    CHOICE,
    /** A list of {@link NoteRow}s, each in its own table. */
    ROWS
  }

  private record Spec(
      Kind kind,
      NoteSection section,
      String key,
      String jsonKey,
      String label,
      String unit,
      String hint,
      int min,
      int max,
      Function<NoteDraft, ?> getter,
      BiConsumer<NoteDraft, Object> writer) {}

  private final Spec spec;

  /** The first {@link CanonicalForm} version whose JSON holds this field. */
  private final int since;

  NoteField(Spec spec) {
    this(spec, CanonicalForm.FIRST);
  }

  NoteField(Spec spec, int since) {
    this.spec = spec;
    this.since = since;
  }

  private static Spec number(
      NoteSection section,
      String key,
      String label,
      String unit,
      String hint,
      int min,
      int max,
      Function<NoteDraft, Integer> getter,
      BiConsumer<NoteDraft, Integer> writer) {
    return new Spec(
        Kind.NUMBER,
        section,
        key,
        key,
        label,
        unit,
        hint,
        min,
        max,
        getter,
        (draft, value) -> writer.accept(draft, (Integer) value));
  }

  private static Spec text(
      NoteSection section,
      String key,
      String label,
      String hint,
      Function<NoteDraft, String> getter,
      BiConsumer<NoteDraft, String> writer) {
    return new Spec(
        Kind.TEXT,
        section,
        key,
        key,
        label,
        null,
        hint,
        0,
        LONGEST_TEXT,
        getter,
        (draft, value) -> writer.accept(draft, (String) value));
  }

  private static Spec rows(
      NoteSection section,
      String key,
      String jsonKey,
      String label,
      Function<NoteDraft, List<? extends NoteRow>> getter) {
    return new Spec(
        Kind.ROWS, section, key, jsonKey, label, null, null, 0, NoteDraft.MOST_ROWS, getter, null);
  }

  /** The fields that hold one answer each (numbers, text, choices), in order. */
  public static List<NoteField> answers() {
    return Arrays.stream(values()).filter(field -> field.kind() != Kind.ROWS).toList();
  }

  /** The fields that hold lists of rows, in order. */
  public static List<NoteField> rowFields() {
    return Arrays.stream(values()).filter(field -> field.kind() == Kind.ROWS).toList();
  }

  /**
   * The value in a draft: an Integer, a String, an enum constant or a list of rows; null if not
   * answered.
   */
  public Object valueIn(NoteDraft draft) {
    return spec.getter().apply(draft);
  }

  /**
   * Copies the answer from one draft to another as it is stored, without the cleaning the public
   * setter does: a copy of a signed note must hash as the note does.
   */
  void copyAnswer(NoteDraft from, NoteDraft to) {
    if (spec.writer() == null) {
      throw new IllegalStateException(this + " is a list of rows");
    }
    spec.writer().accept(to, spec.getter().apply(from));
  }

  /** The rows of a draft, for {@link Kind#ROWS} fields: the draft's own list, not a copy. */
  @SuppressWarnings("unchecked")
  List<NoteRow> rowsIn(NoteDraft draft) {
    if (kind() != Kind.ROWS) {
      throw new IllegalStateException(this + " holds one answer");
    }
    return (List<NoteRow>) spec.getter().apply(draft);
  }

  public Kind kind() {
    return spec.kind();
  }

  public NoteSection section() {
    return spec.section();
  }

  /** The property name: on the draft, in page ids and in the messages of a refused save. */
  public String key() {
    return spec.key();
  }

  /** The name in the canonical JSON; for the lists, version 1's shorter names. */
  public String jsonKey() {
    return spec.jsonKey();
  }

  public String label() {
    return spec.label();
  }

  public int min() {
    return spec.min();
  }

  public int max() {
    return spec.max();
  }

  public int since() {
    return since;
  }

  /** The label with its unit or scale, as a reader of the note sees it: "Current pain (0–10)". */
  public String heading() {
    return spec.unit() == null ? spec.label() : spec.label() + " (" + spec.unit() + ")";
  }

  /** The label above the input, with what to enter: "Current pain (0 none – 10 worst)". */
  public String pageLabel() {
    return spec.hint() == null ? heading() : spec.label() + " (" + spec.hint() + ")";
  }

  /** The longest text the field takes, for the page's maxlength. */
  public int maxLength() {
    return kind() == Kind.TEXT ? spec.max() : 0;
  }

  /** Every value of a number field, for scales shown as buttons. */
  public List<Integer> steps() {
    return kind() == Kind.NUMBER
        ? IntStream.rangeClosed(spec.min(), spec.max()).boxed().toList()
        : List.of();
  }

  // For Faces EL, which reads bean properties.
  public String getKey() {
    return key();
  }

  public String getLabel() {
    return label();
  }

  public String getHeading() {
    return heading();
  }

  public String getPageLabel() {
    return pageLabel();
  }

  public int getMaxLength() {
    return maxLength();
  }

  public List<Integer> getSteps() {
    return steps();
  }
}
