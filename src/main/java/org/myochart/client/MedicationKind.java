package org.myochart.client;

import java.util.List;
import java.util.Locale;

/**
 * What a medication is taken for. Blood thinners change how deep pressure may go; triptans can
 * cause tightness in the neck, throat or chest that must not be read as muscle tension.
 */
public enum MedicationKind {
  ACUTE("Acute (for an attack)"),
  TRIPTAN("Triptan (for an attack)"),
  PREVENTIVE("Preventive"),
  BLOOD_THINNER("Blood thinner (anticoagulant or antiplatelet)"),
  OTHER("Other");

  /** Generic names that say a medicine thins the blood, whatever kind was ticked. */
  private static final List<String> BLOOD_THINNERS =
      List.of(
          "warfarin",
          "apixaban",
          "rivaroxaban",
          "dabigatran",
          "edoxaban",
          "heparin",
          "enoxaparin",
          "dalteparin",
          "tinzaparin",
          "clopidogrel",
          "ticagrelor",
          "prasugrel",
          "phenprocoumon",
          "acenocoumarol");

  private final String label;

  MedicationKind(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  /**
   * The kind that matters for treatment: the one ticked, unless the name says more (every triptan's
   * generic name ends in "triptan"; the common blood thinners are known by name).
   */
  public static MedicationKind of(String name, MedicationKind ticked) {
    if (ticked == BLOOD_THINNER || ticked == TRIPTAN || name == null) {
      return ticked;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (BLOOD_THINNERS.stream().anyMatch(lower::contains)) {
      return BLOOD_THINNER;
    }
    if (lower.contains("triptan")) {
      return TRIPTAN;
    }
    return ticked;
  }
}
