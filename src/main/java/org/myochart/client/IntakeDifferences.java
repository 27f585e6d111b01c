package org.myochart.client;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

  static Map<String, String> describe(HealthIntake i) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Headache days per month", Integer.toString(i.getHeadacheDaysPerMonth()));
    m.put("Usual duration (hours)", Integer.toString(i.getUsualDurationHours()));
    m.put("Usual intensity (0–10)", Integer.toString(i.getUsualIntensity()));
    m.put("One-sided", yesNo(i.isOneSided()));
    m.put("Throbbing", yesNo(i.isThrobbing()));
    m.put("Aura", yesNo(i.isAura()));
    m.put("Nausea", yesNo(i.isNausea()));
    m.put("Light sensitivity", yesNo(i.isLightSensitivity()));
    m.put("Sound sensitivity", yesNo(i.isSoundSensitivity()));
    m.put("Triggers", text(i.getTriggers()));
    m.put(
        "Diagnosed by a physician",
        yesNo(i.isPhysicianDiagnosed())
            + (i.getDiagnosedWhen() == null ? "" : " (" + i.getDiagnosedWhen() + ")"));
    m.put(
        "Medications",
        i.getMedications().isEmpty()
            ? "none"
            : i.getMedications().stream()
                .map(x -> x.getName() + " (" + x.getKind().getLabel() + ")")
                .collect(Collectors.joining(", ")));
    m.put("Cervical spondylosis", yesNo(i.isCervicalSpondylosis()));
    m.put("Recent head or neck injury", yesNo(i.isRecentHeadNeckInjury()));
    m.put("Pregnant", yesNo(i.isPregnant()));
    m.put("Skin condition", text(i.getSkinCondition()));
    m.put("Allergy to oils or lotions", text(i.getOilAllergy()));
    m.put("Other contraindications", text(i.getOtherContraindications()));
    m.put(
        "Red flags",
        i.getRedFlags().isEmpty()
            ? "none"
            : i.getRedFlags().stream()
                .sorted()
                .map(RedFlag::question)
                .collect(Collectors.joining("; ")));
    return m;
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String text(String value) {
    return value == null ? "—" : value;
  }
}
