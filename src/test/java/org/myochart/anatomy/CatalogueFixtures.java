package org.myochart.anatomy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Catalogue entries for unit tests in other packages, whose constructor they cannot reach. The
 * standard catalogue mirrors the built-in rows of migration V4 that the migraine protocol uses.
 */
public final class CatalogueFixtures {

  public static final Instant CREATED = Instant.parse("2026-01-01T08:00:00Z");

  private CatalogueFixtures() {}

  public static CatalogueEntry entry(
      CatalogueKind kind,
      String code,
      String name,
      boolean lateral,
      CautionCondition cautionCondition,
      String cautionText) {
    return new CatalogueEntry(
        kind, code, name, null, lateral, cautionCondition, cautionText, CREATED);
  }

  /**
   * The entry placed in the regions, as migration V28 places the built-in ones (the application
   * itself never changes an entry's regions).
   */
  public static CatalogueEntry inRegions(CatalogueEntry entry, BodyRegion... regions) {
    try {
      java.lang.reflect.Field field = CatalogueEntry.class.getDeclaredField("regions");
      field.setAccessible(true);
      field.set(entry, String.join(",", java.util.Arrays.stream(regions).map(Enum::name).toList()));
      return entry;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CatalogueEntry muscle(String code, String name) {
    return entry(CatalogueKind.MUSCLE, code, name, true, null, null);
  }

  public static CatalogueEntry point(String code, String name, boolean lateral) {
    return entry(CatalogueKind.POINT, code, name, lateral, null, null);
  }

  public static CatalogueEntry technique(String code, String name) {
    return entry(CatalogueKind.TECHNIQUE, code, name, false, null, null);
  }

  /** Keyed "KIND:code", as {@link Catalogue#byCode()} keys them. */
  public static Map<String, CatalogueEntry> standard() {
    Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    put(entries, muscle("upper-trapezius", "Upper trapezius"));
    put(entries, muscle("levator-scapulae", "Levator scapulae"));
    put(
        entries,
        entry(
            CatalogueKind.MUSCLE,
            "sternocleidomastoid",
            "Sternocleidomastoid",
            true,
            CautionCondition.CERVICAL_SPONDYLOSIS,
            "Work the neck gently."));
    put(
        entries,
        entry(
            CatalogueKind.MUSCLE,
            "suboccipitals",
            "Suboccipitals (group)",
            true,
            CautionCondition.CERVICAL_SPONDYLOSIS,
            "Work the neck gently."));
    put(entries, muscle("temporalis", "Temporalis"));
    put(entries, point("GB20", "GB20 Fengchi", true));
    put(entries, point("GV16", "GV16 Fengfu", false));
    put(
        entries,
        entry(
            CatalogueKind.POINT,
            "GB21",
            "GB21 Jianjing",
            true,
            CautionCondition.PREGNANCY,
            "Not during pregnancy."));
    put(
        entries,
        entry(
            CatalogueKind.POINT,
            "LI4",
            "LI4 Hegu",
            true,
            CautionCondition.PREGNANCY,
            "Not during pregnancy."));
    put(
        entries,
        entry(
            CatalogueKind.TECHNIQUE,
            "trigger-point-therapy",
            "Trigger point therapy",
            false,
            CautionCondition.BLOOD_THINNER,
            "Blood thinner: use lighter, shorter pressure."));
    put(entries, technique("myofascial-release", "Myofascial release"));
    put(entries, technique("craniosacral-therapy", "Craniosacral therapy"));
    put(entries, technique("swedish-relaxation", "Swedish / relaxation massage"));
    return entries;
  }

  /** The entry's name for a "KIND:code" key, or the key itself if the catalogue lacks it. */
  public static String name(String key) {
    CatalogueEntry entry = standard().get(key);
    return entry == null ? key : entry.getName();
  }

  private static void put(Map<String, CatalogueEntry> entries, CatalogueEntry entry) {
    entries.put(entry.getKind() + ":" + entry.getCode(), entry);
  }
}
