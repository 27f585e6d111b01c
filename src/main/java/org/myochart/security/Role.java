package org.myochart.security;

/** What a staff member may do in the clinic. The names are the Jakarta Security roles. */
public enum Role {
  OWNER("Owner"),
  THERAPIST("Therapist"),
  FRONT_DESK("Front desk");

  public static final String OWNER_ROLE = "OWNER";
  public static final String THERAPIST_ROLE = "THERAPIST";
  public static final String FRONT_DESK_ROLE = "FRONT_DESK";

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String getLabel() {
    return label;
  }
}
