package org.myochart.client;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a medication is taken for. Blood thinners change how deep pressure may go; triptans can
 * cause tightness in the neck, throat or chest that must not be read as muscle tension.
 */
public enum MedicationKind {
  ACUTE("Acute (for an attack)"),
  TRIPTAN("Triptan"),
  PREVENTIVE("Preventive"),
  BLOOD_THINNER("Blood thinner"),
  OTHER("Other");

  /** Generic and common brand names that say a medicine thins the blood. */
  private static final List<String> BLOOD_THINNERS =
      List.of(
          "warfarin",
          "marevan",
          "coumadin",
          "phenprocoumon",
          "acenocoumarol",
          "apixaban",
          "eliquis",
          "rivaroxaban",
          "xarelto",
          "dabigatran",
          "pradaxa",
          "edoxaban",
          "lixiana",
          "heparin",
          "enoxaparin",
          "klexane",
          "clexane",
          "dalteparin",
          "fragmin",
          "tinzaparin",
          "innohep",
          "clopidogrel",
          "plavix",
          "ticagrelor",
          "brilique",
          "brilinta",
          "prasugrel",
          "efient");

  /** Generic names of triptans end in "triptan"; the common brands besides. */
  private static final List<String> TRIPTANS =
      List.of(
          "triptan",
          "imigran",
          "imitrex",
          "maxalt",
          "zomig",
          "relpax",
          "naramig",
          "amerge",
          "almogran",
          "frova",
          "migard");

  private final String label;

  MedicationKind(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  /**
   * The kinds that matter for treatment: the one ticked, and what the name says besides (a medicine
   * ticked as "other" or even as a triptan is still known as a blood thinner by its name).
   */
  public static Set<MedicationKind> of(String name, MedicationKind ticked) {
    Set<MedicationKind> kinds = EnumSet.noneOf(MedicationKind.class);
    if (ticked != null) {
      kinds.add(ticked);
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (BLOOD_THINNERS.stream().anyMatch(lower::contains)) {
      kinds.add(BLOOD_THINNER);
    }
    if (TRIPTANS.stream().anyMatch(lower::contains)) {
      kinds.add(TRIPTAN);
    }
    return kinds;
  }
}
