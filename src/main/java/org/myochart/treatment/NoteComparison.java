package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A note as label and text pairs: for reading a signed note and comparing two drafts. */
public final class NoteComparison {

  private NoteComparison() {}

  /**
   * Each answered field under its {@link NoteField#heading()}, in the fields' order.
   *
   * @param names turns "MUSCLE:upper-trapezius" into "Upper trapezius"
   */
  public static Map<String, String> readable(NoteDraft note, Function<String, String> names) {
    Map<String, String> text = new LinkedHashMap<>();
    for (NoteField field : NoteField.values()) {
      Object answer = field.kind() == NoteField.Kind.ROWS ? null : field.valueIn(note);
      String value =
          switch (field.kind()) {
            case ROWS ->
                lines(field.rowsIn(note).stream().map(row -> row.readable(names)).toList());
            case CHOICE ->
                answer instanceof Tolerance tolerance
                    ? tolerance.label()
                    : answer == null ? null : answer.toString();
            default -> answer == null ? null : answer.toString();
          };
      if (value != null) {
        text.put(field.heading(), value);
      }
    }
    return text;
  }

  /**
   * The readable text grouped by the part of the note it belongs to (subjective, objective,
   * treatment, assessment, plan), in the note's order; fields without a value are left out.
   */
  public static Map<NoteSection, Map<String, String>> readableBySection(
      NoteDraft note, Function<String, String> names) {
    Map<String, String> all = readable(note, names);
    Map<NoteSection, Map<String, String>> sections = new java.util.EnumMap<>(NoteSection.class);
    for (NoteField field : NoteField.values()) {
      String value = all.get(field.heading());
      if (value != null) {
        sections
            .computeIfAbsent(field.section(), s -> new LinkedHashMap<>())
            .put(field.heading(), value);
      }
    }
    return sections;
  }

  /** Label, this screen's value, the other save's value; only where they differ. */
  public static List<String[]> differences(
      NoteDraft mine, NoteDraft theirs, Function<String, String> names) {
    Map<String, String> a = readable(mine, names);
    Map<String, String> b = readable(theirs, names);
    List<String> labels = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(label -> !labels.contains(label)).forEach(labels::add);
    List<String[]> differences = new ArrayList<>();
    for (String label : labels) {
      if (!Objects.equals(a.get(label), b.get(label))) {
        differences.add(
            new String[] {label, a.getOrDefault(label, "—"), b.getOrDefault(label, "—")});
      }
    }
    return differences;
  }

  /**
   * What a save changed, for its audit entry: one {@code {"field","before","after"}} per label
   * whose readable value differs (a value that was or became empty is {@code null}).
   */
  public static JsonArray changes(
      NoteDraft before, NoteDraft after, Function<String, String> names) {
    JsonArrayBuilder changes = JSON.createArrayBuilder();
    Map<String, String> old = readable(before, names);
    Map<String, String> now = readable(after, names);
    List<String> labels = new ArrayList<>(now.keySet());
    old.keySet().stream().filter(label -> !labels.contains(label)).forEach(labels::add);
    for (String label : labels) {
      if (!Objects.equals(old.get(label), now.get(label))) {
        JsonObjectBuilder change = JSON.createObjectBuilder().add("field", label);
        addOrNull(change, "before", old.get(label));
        addOrNull(change, "after", now.get(label));
        changes.add(change);
      }
    }
    return changes.build();
  }

  private static void addOrNull(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? null : lines.stream().collect(Collectors.joining("\n"));
  }
}
