package org.myochart.treatment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.myochart.anatomy.CatalogueKind;

/** A note as label and text pairs: for reading a signed note and comparing two drafts. */
public final class NoteComparison {

  private NoteComparison() {}

  /**
   * @param names turns "MUSCLE:upper-trapezius" into "Upper trapezius"
   */
  public static Map<String, String> readable(NoteDraft note, Function<String, String> names) {
    Map<String, String> text = new LinkedHashMap<>();
    put(text, "Headache days since last visit", note.getHeadacheDaysSinceLast());
    put(text, "Current pain (0–10)", note.getCurrentPain());
    put(text, "Sleep quality (1–5)", note.getSleepQuality());
    put(text, "Stress (1–5)", note.getStressLevel());
    put(text, "Triggers", note.getTriggers());
    put(text, "Medication since last visit", note.getMedicationSinceLast());
    put(text, "Client's goal", note.getClientGoal());
    put(text, "Client's words", note.getClientWords());
    put(text, "Posture", note.getPosture());
    String rom = rom(note);
    put(text, "Cervical range of motion (degrees)", rom.isEmpty() ? null : rom);
    put(text, "Palpation", note.getPalpationNotes());
    put(text, "Trigger points", lines(note.getTriggerPoints().stream().map(t -> names.apply(CatalogueKind.MUSCLE + ":" + t.getMuscle())
        + " " + side(t.getSide()) + ", tenderness " + t.getTenderness() + "/3"
        + (t.getRefersTo() == null ? "" : ", refers to " + t.getRefersTo())).toList()));
    put(text, "Treated muscles", lines(note.getTreatedMuscles().stream().map(m -> names.apply(CatalogueKind.MUSCLE + ":" + m.getMuscle())
        + " " + side(m.getSide()) + " · " + names.apply(CatalogueKind.TECHNIQUE + ":" + m.getTechnique()) + " · "
        + (m.getPressure() == null ? "?" : m.getPressure().label().toLowerCase()) + " · " + m.getMinutes() + " min").toList()));
    put(text, "Pressure points", lines(note.getPointUses().stream().map(p -> names.apply(CatalogueKind.POINT + ":" + p.getPoint())
        + " " + side(p.getSide()) + " · applied by " + p.getAppliedBy()).toList()));
    put(text, "Areas avoided", lines(note.getAvoidedAreas().stream().map(a -> a.getArea() + ": " + a.getReason()).toList()));
    put(text, "Pain before / after", note.getPainBefore() == null && note.getPainAfter() == null ? null
        : note.getPainBefore() + " → " + note.getPainAfter());
    put(text, "Range-of-motion change", note.getRomChange());
    put(text, "Tolerance", note.getTolerance() == null ? null : note.getTolerance().label());
    put(text, "Adverse responses", lines(note.getAdverseResponses().stream()
        .map(a -> a.getDescription() + " (" + (a.getSeverity() == null ? "?" : a.getSeverity().label().toLowerCase()) + ")").toList()));
    put(text, "Progress toward the goal", note.getProgress());
    put(text, "Next session", note.getNextSession());
    put(text, "Home care", note.getHomeCare());
    put(text, "Referral to a physician", note.getReferralReason());
    return text;
  }

  /** Label, this screen's value, the other save's value; only where they differ. */
  public static List<String[]> differences(NoteDraft mine, NoteDraft theirs, Function<String, String> names) {
    Map<String, String> a = readable(mine, names);
    Map<String, String> b = readable(theirs, names);
    List<String> labels = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(label -> !labels.contains(label)).forEach(labels::add);
    List<String[]> differences = new ArrayList<>();
    for (String label : labels) {
      if (!Objects.equals(a.get(label), b.get(label))) {
        differences.add(new String[] {label, a.getOrDefault(label, "—"), b.getOrDefault(label, "—")});
      }
    }
    return differences;
  }

  /**
   * What a save changed, for its audit entry: one {@code {"field","before","after"}} per label
   * whose readable value differs (a value that was or became empty is {@code null}).
   */
  public static jakarta.json.JsonArray changes(NoteDraft before, NoteDraft after, Function<String, String> names) {
    jakarta.json.JsonArrayBuilder changes = jakarta.json.Json.createArrayBuilder();
    Map<String, String> old = readable(before, names);
    Map<String, String> now = readable(after, names);
    List<String> labels = new ArrayList<>(now.keySet());
    old.keySet().stream().filter(label -> !labels.contains(label)).forEach(labels::add);
    for (String label : labels) {
      if (!Objects.equals(old.get(label), now.get(label))) {
        jakarta.json.JsonObjectBuilder change = jakarta.json.Json.createObjectBuilder().add("field", label);
        addOrNull(change, "before", old.get(label));
        addOrNull(change, "after", now.get(label));
        changes.add(change);
      }
    }
    return changes.build();
  }

  private static void addOrNull(jakarta.json.JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static String rom(NoteDraft n) {
    List<String> parts = new ArrayList<>();
    if (n.getRomFlexion() != null) parts.add("flexion " + n.getRomFlexion());
    if (n.getRomExtension() != null) parts.add("extension " + n.getRomExtension());
    if (n.getRomRotationLeft() != null) parts.add("rotation L " + n.getRomRotationLeft());
    if (n.getRomRotationRight() != null) parts.add("rotation R " + n.getRomRotationRight());
    if (n.getRomSideBendLeft() != null) parts.add("side-bend L " + n.getRomSideBendLeft());
    if (n.getRomSideBendRight() != null) parts.add("side-bend R " + n.getRomSideBendRight());
    return String.join(", ", parts);
  }

  private static String side(org.myochart.anatomy.Side side) {
    return side == null ? "(side?)" : "(" + side.label().toLowerCase() + ")";
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? null : lines.stream().collect(Collectors.joining("\n"));
  }

  private static void put(Map<String, String> text, String label, Object value) {
    if (value != null) {
      text.put(label, value.toString());
    }
  }
}
