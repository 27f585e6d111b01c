package org.myochart.anatomy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A part of the body in the words a physician's restriction uses ("no deep work on the neck"). A
 * catalogue entry lies in one or more regions, so that a restriction on a region concerns every
 * muscle and point in it.
 */
public enum BodyRegion {
  HEAD("Head and face"),
  NECK("Neck (cervical)"),
  SHOULDERS("Shoulders"),
  UPPER_BACK("Upper back"),
  CHEST("Chest"),
  ARMS_AND_HANDS("Arms and hands"),
  FEET("Feet");

  private final String label;

  BodyRegion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The regions stored as names separated by commas ("NECK,SHOULDERS"); unknown names are left out.
   */
  public static Set<BodyRegion> parse(String stored) {
    Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
    if (stored == null) {
      return regions;
    }
    for (String name : stored.split(",")) {
      for (BodyRegion region : values()) {
        if (region.name().equals(name.trim())) {
          regions.add(region);
        }
      }
    }
    return regions;
  }
}
