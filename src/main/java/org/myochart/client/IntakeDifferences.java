package org.myochart.client;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed from one intake version to the next, as "label: before → after" lines. */
public final class IntakeDifferences {

  private IntakeDifferences() {}

  public record Change(String label, String before, String after) implements Serializable {
    public String getLabel() {
      return label;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  public static List<Change> between(HealthIntake older, HealthIntake newer) {
    Map<String, String> a = describe(older);
    Map<String, String> b = describe(newer);
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, String> entry : b.entrySet()) {
      String before = a.get(entry.getKey());
      if (!Objects.equals(before, entry.getValue())) {
        changes.add(new Change(entry.getKey(), before, entry.getValue()));
      }
    }
    return changes;
  }

  static Map<String, String> describe(HealthIntake intake) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (IntakeField field : IntakeField.values()) {
      answers.put(field.label(), field.textIn(intake));
    }
    return answers;
  }
}
