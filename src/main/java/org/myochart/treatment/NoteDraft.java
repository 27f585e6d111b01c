package org.myochart.treatment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;
import org.myochart.platform.TypedText;

/**
 * Everything a therapist writes in a SOAP note, as the editing screen holds it. The note copies it
 * in while it is a draft (the scalar answers are embedded in the note's row, the rows are the
 * note's own collections); {@link #problems} says what cannot be saved and {@link
 * #missingForSignature} what a signed note must have.
 */
@Embeddable
@NoteFieldsWithinLimits
public class NoteDraft implements Serializable {

  public static final int MOST_ROWS = 40;
  public static final int MOST_MINUTES = 120;
  public static final int LONGEST_TEXT = NoteField.LONGEST_TEXT;

  // The answers are package-private so that NoteField copies them as stored.
  // Subjective
  @Column(name = "headache_days_since_last")
  Integer headacheDaysSinceLast;

  @Column(name = "current_pain")
  Integer currentPain;

  @Column(name = "sleep_quality")
  Integer sleepQuality;

  @Column(name = "stress_level")
  Integer stressLevel;

  @Column(name = "triggers")
  String triggers;

  @Column(name = "medication_since_last")
  String medicationSinceLast;

  @Column(name = "client_goal")
  String clientGoal;

  @Column(name = "client_words")
  String clientWords;

  // Objective
  @Column(name = "posture")
  String posture;

  @Column(name = "rom_flexion")
  Integer romFlexion;

  @Column(name = "rom_extension")
  Integer romExtension;

  @Column(name = "rom_rotation_left")
  Integer romRotationLeft;

  @Column(name = "rom_rotation_right")
  Integer romRotationRight;

  @Column(name = "rom_side_bend_left")
  Integer romSideBendLeft;

  @Column(name = "rom_side_bend_right")
  Integer romSideBendRight;

  @Column(name = "palpation_notes")
  String palpationNotes;

  @Transient private List<TriggerPoint> triggerPoints = new ArrayList<>();
  // Treatment
  @Transient private List<TreatedMuscle> treatedMuscles = new ArrayList<>();
  @Transient private List<PointUse> pointUses = new ArrayList<>();
  @Transient private List<AvoidedArea> avoidedAreas = new ArrayList<>();

  // Assessment
  @Column(name = "pain_before")
  Integer painBefore;

  @Column(name = "pain_after")
  Integer painAfter;

  @Column(name = "rom_change")
  String romChange;

  @Enumerated(EnumType.STRING)
  @Column(name = "tolerance")
  Tolerance tolerance;

  @Transient private List<AdverseResponse> adverseResponses = new ArrayList<>();

  @Column(name = "progress")
  String progress;

  // Plan
  @Column(name = "next_session")
  String nextSession;

  @Column(name = "home_care")
  String homeCare;

  @Column(name = "referral_reason")
  String referralReason;

  /**
   * Field name to message for every value that cannot be stored: the answers checked by Bean
   * Validation against their {@link NoteField}, in the fields' order, then the rows against the
   * catalogue.
   */
  public Map<String, String> problems(Validator validator, Map<String, CatalogueEntry> catalogue) {
    Map<String, String> found = new LinkedHashMap<>();
    validator
        .validate(this)
        .forEach(
            violation -> found.put(violation.getPropertyPath().toString(), violation.getMessage()));
    Map<String, String> problems = new LinkedHashMap<>();
    for (NoteField field : NoteField.answers()) {
      if (found.containsKey(field.key())) {
        problems.put(field.key(), found.remove(field.key()));
      }
    }
    problems.putAll(found);
    treatmentRows(problems, catalogue);
    return problems;
  }

  /**
   * The one problem that stops even a draft from being kept: more rows of one kind than a note
   * holds. Empty when the rows fit.
   */
  public Map<String, String> tooManyRows() {
    // The limit is per kind, so the message gives the largest kind's count, not the total.
    int rows =
        Math.max(
            Math.max(treatedMuscles.size(), pointUses.size()),
            Math.max(triggerPoints.size(), Math.max(avoidedAreas.size(), adverseResponses.size())));
    return rows <= MOST_ROWS
        ? Map.of()
        : Map.of(
            "treatedMuscles",
            "A note holds at most "
                + MOST_ROWS
                + " rows of each kind; this one has "
                + rows
                + " rows of one kind. Group the work by muscle and side.");
  }

  private void treatmentRows(Map<String, String> problems, Map<String, CatalogueEntry> catalogue) {
    Map<String, String> tooMany = tooManyRows();
    if (!tooMany.isEmpty()) {
      problems.putAll(tooMany);
      return;
    }
    for (int i = 0; i < treatedMuscles.size(); i++) {
      TreatedMuscle row = treatedMuscles.get(i);
      String where = "Treatment row " + (i + 1) + ": ";
      CatalogueEntry muscle = catalogue.get(CatalogueKind.MUSCLE + ":" + row.getMuscle());
      if (muscle == null) {
        problems.putIfAbsent("treatedMuscles", where + "choose a muscle from the catalogue.");
      } else if (!muscle.allows(row.getSide())) {
        problems.putIfAbsent("treatedMuscles", where + sideProblem(muscle, row.getSide()));
      } else if (catalogue.get(CatalogueKind.TECHNIQUE + ":" + row.getTechnique()) == null) {
        problems.putIfAbsent("treatedMuscles", where + "choose a technique from the catalogue.");
      } else if (row.getPressure() == null) {
        problems.putIfAbsent("treatedMuscles", where + "choose light, moderate or firm pressure.");
      } else if (row.getMinutes() == null
          || row.getMinutes() < 1
          || row.getMinutes() > MOST_MINUTES) {
        problems.putIfAbsent(
            "treatedMuscles", where + "minutes must be from 1 to " + MOST_MINUTES + ".");
      }
    }
    for (int i = 0; i < pointUses.size(); i++) {
      PointUse row = pointUses.get(i);
      String where = "Pressure point row " + (i + 1) + ": ";
      CatalogueEntry point = catalogue.get(CatalogueKind.POINT + ":" + row.getPoint());
      if (point == null) {
        problems.putIfAbsent("pointUses", where + "choose a pressure point from the catalogue.");
      } else if (!point.allows(row.getSide())) {
        problems.putIfAbsent("pointUses", where + sideProblem(point, row.getSide()));
      } else if (TypedText.clean(row.getAppliedBy()) == null || row.getAppliedBy().length() > 120) {
        problems.putIfAbsent(
            "pointUses", where + "say who applied it (acupressure needs its own training).");
      }
    }
    for (int i = 0; i < triggerPoints.size(); i++) {
      TriggerPoint row = triggerPoints.get(i);
      String where = "Trigger point row " + (i + 1) + ": ";
      CatalogueEntry muscle = catalogue.get(CatalogueKind.MUSCLE + ":" + row.getMuscle());
      if (muscle == null) {
        problems.putIfAbsent("triggerPoints", where + "choose a muscle from the catalogue.");
      } else if (!muscle.allows(row.getSide())) {
        problems.putIfAbsent("triggerPoints", where + sideProblem(muscle, row.getSide()));
      } else if (row.getTenderness() == null
          || row.getTenderness() < 0
          || row.getTenderness() > 3) {
        problems.putIfAbsent("triggerPoints", where + "tenderness is 0 (none) to 3 (severe).");
      } else if (row.getRefersTo() != null && row.getRefersTo().length() > 200) {
        problems.putIfAbsent(
            "triggerPoints", where + "say where the pain refers in at most 200 characters.");
      }
    }
    for (int i = 0; i < avoidedAreas.size(); i++) {
      AvoidedArea row = avoidedAreas.get(i);
      if (TypedText.clean(row.getArea()) == null
          || TypedText.clean(row.getReason()) == null
          || row.getArea().length() > 200
          || row.getReason().length() > 500) {
        problems.putIfAbsent(
            "avoidedAreas",
            "Avoided area row " + (i + 1) + ": name the area and say why it was avoided.");
      }
    }
    for (int i = 0; i < adverseResponses.size(); i++) {
      AdverseResponse row = adverseResponses.get(i);
      if (TypedText.clean(row.getDescription()) == null
          || row.getDescription().length() > 500
          || row.getSeverity() == null) {
        problems.putIfAbsent(
            "adverseResponses",
            "Adverse response row " + (i + 1) + ": describe it and choose its severity.");
      }
    }
  }

  private static String sideProblem(CatalogueEntry entry, Side side) {
    if (side == null) {
      return "choose the side.";
    }
    return entry.isLateral()
        ? entry.getName() + " is paired: choose left, right or both."
        : entry.getName() + " is on the midline and has no side.";
  }

  /** What a note must have before it can be signed, beyond being valid. */
  public Map<String, String> missingForSignature() {
    Map<String, String> missing = new LinkedHashMap<>();
    if (currentPain == null) {
      missing.put("currentPain", "Record the client's current pain (0–10) before signing.");
    }
    if (painBefore == null) {
      missing.put("painBefore", "Record the pain before the session before signing.");
    }
    if (painAfter == null) {
      missing.put("painAfter", "Record the pain after the session before signing.");
    }
    if (tolerance == null) {
      missing.put("tolerance", "Record how the client tolerated the treatment before signing.");
    }
    if (treatedMuscles.isEmpty() && pointUses.isEmpty()) {
      missing.put(
          "treatedMuscles", "Add at least one treated muscle or pressure point before signing.");
    }
    return missing;
  }

  /** A deep copy, so that neither side can change the other's rows. */
  /** The draft exactly as typed, as JSON of its fields (rows included): see {@link #fromJson}. */
  public String json() {
    return TypedJson.JSONB.toJson(this);
  }

  /** A draft read back from {@link #json()}. */
  public static NoteDraft fromJson(String json) {
    NoteDraft draft = TypedJson.JSONB.fromJson(json, NoteDraft.class);
    // Rows the JSON leaves out stay empty lists, never null.
    draft.triggerPoints = draft.triggerPoints == null ? new ArrayList<>() : draft.triggerPoints;
    draft.treatedMuscles = draft.treatedMuscles == null ? new ArrayList<>() : draft.treatedMuscles;
    draft.pointUses = draft.pointUses == null ? new ArrayList<>() : draft.pointUses;
    draft.avoidedAreas = draft.avoidedAreas == null ? new ArrayList<>() : draft.avoidedAreas;
    draft.adverseResponses =
        draft.adverseResponses == null ? new ArrayList<>() : draft.adverseResponses;
    return draft;
  }

  /**
   * JSON-B reading and writing fields, not getters: a draft as typed may hold what the getters'
   * callers would never see (a row without its muscle), and must come back exactly.
   */
  private static final class TypedJson {
    private static final jakarta.json.bind.Jsonb JSONB =
        jakarta.json.bind.JsonbBuilder.create(
            new jakarta.json.bind.JsonbConfig()
                .withPropertyVisibilityStrategy(
                    new jakarta.json.bind.config.PropertyVisibilityStrategy() {
                      @Override
                      public boolean isVisible(java.lang.reflect.Field field) {
                        int modifiers = field.getModifiers();
                        return !java.lang.reflect.Modifier.isStatic(modifiers)
                            && !java.lang.reflect.Modifier.isTransient(modifiers);
                      }

                      @Override
                      public boolean isVisible(java.lang.reflect.Method method) {
                        return false;
                      }
                    }));

    private TypedJson() {}
  }

  public NoteDraft copy() {
    NoteDraft copy = new NoteDraft();
    for (NoteField field : NoteField.values()) {
      if (field.kind() == NoteField.Kind.ROWS) {
        field.rowsIn(this).forEach(row -> field.rowsIn(copy).add(row.copy()));
      } else {
        field.copyAnswer(this, copy);
      }
    }
    return copy;
  }

  public Integer getHeadacheDaysSinceLast() {
    return headacheDaysSinceLast;
  }

  public void setHeadacheDaysSinceLast(Integer v) {
    headacheDaysSinceLast = v;
  }

  public Integer getCurrentPain() {
    return currentPain;
  }

  public void setCurrentPain(Integer v) {
    currentPain = v;
  }

  public Integer getSleepQuality() {
    return sleepQuality;
  }

  public void setSleepQuality(Integer v) {
    sleepQuality = v;
  }

  public Integer getStressLevel() {
    return stressLevel;
  }

  public void setStressLevel(Integer v) {
    stressLevel = v;
  }

  public String getTriggers() {
    return triggers;
  }

  public void setTriggers(String v) {
    triggers = TypedText.clean(v);
  }

  public String getMedicationSinceLast() {
    return medicationSinceLast;
  }

  public void setMedicationSinceLast(String v) {
    medicationSinceLast = TypedText.clean(v);
  }

  public String getClientGoal() {
    return clientGoal;
  }

  public void setClientGoal(String v) {
    clientGoal = TypedText.clean(v);
  }

  public String getClientWords() {
    return clientWords;
  }

  public void setClientWords(String v) {
    clientWords = TypedText.clean(v);
  }

  public String getPosture() {
    return posture;
  }

  public void setPosture(String v) {
    posture = TypedText.clean(v);
  }

  public Integer getRomFlexion() {
    return romFlexion;
  }

  public void setRomFlexion(Integer v) {
    romFlexion = v;
  }

  public Integer getRomExtension() {
    return romExtension;
  }

  public void setRomExtension(Integer v) {
    romExtension = v;
  }

  public Integer getRomRotationLeft() {
    return romRotationLeft;
  }

  public void setRomRotationLeft(Integer v) {
    romRotationLeft = v;
  }

  public Integer getRomRotationRight() {
    return romRotationRight;
  }

  public void setRomRotationRight(Integer v) {
    romRotationRight = v;
  }

  public Integer getRomSideBendLeft() {
    return romSideBendLeft;
  }

  public void setRomSideBendLeft(Integer v) {
    romSideBendLeft = v;
  }

  public Integer getRomSideBendRight() {
    return romSideBendRight;
  }

  public void setRomSideBendRight(Integer v) {
    romSideBendRight = v;
  }

  public String getPalpationNotes() {
    return palpationNotes;
  }

  public void setPalpationNotes(String v) {
    palpationNotes = TypedText.clean(v);
  }

  public List<TriggerPoint> getTriggerPoints() {
    return triggerPoints;
  }

  public List<TreatedMuscle> getTreatedMuscles() {
    return treatedMuscles;
  }

  public List<PointUse> getPointUses() {
    return pointUses;
  }

  public List<AvoidedArea> getAvoidedAreas() {
    return avoidedAreas;
  }

  public Integer getPainBefore() {
    return painBefore;
  }

  public void setPainBefore(Integer v) {
    painBefore = v;
  }

  public Integer getPainAfter() {
    return painAfter;
  }

  public void setPainAfter(Integer v) {
    painAfter = v;
  }

  public String getRomChange() {
    return romChange;
  }

  public void setRomChange(String v) {
    romChange = TypedText.clean(v);
  }

  public Tolerance getTolerance() {
    return tolerance;
  }

  public void setTolerance(Tolerance v) {
    tolerance = v;
  }

  public List<AdverseResponse> getAdverseResponses() {
    return adverseResponses;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String v) {
    progress = TypedText.clean(v);
  }

  public String getNextSession() {
    return nextSession;
  }

  public void setNextSession(String v) {
    nextSession = TypedText.clean(v);
  }

  public String getHomeCare() {
    return homeCare;
  }

  public void setHomeCare(String v) {
    homeCare = TypedText.clean(v);
  }

  public String getReferralReason() {
    return referralReason;
  }

  public void setReferralReason(String v) {
    referralReason = TypedText.clean(v);
  }
}
