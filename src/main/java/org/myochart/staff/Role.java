package org.myochart.staff;

import java.util.List;

/**
 * In which role someone acts in the clinic. The staff roles are what an account holds, and their
 * names are the Jakarta Security roles; {@link #KIOSK} is a tablet that a member of staff handed to
 * a client, which no account holds.
 */
public enum Role {
  OWNER("Owner"),
  THERAPIST("Therapist"),
  FRONT_DESK("Front desk"),
  KIOSK("Tablet");

  public static final String OWNER_ROLE = "OWNER";
  public static final String THERAPIST_ROLE = "THERAPIST";
  public static final String FRONT_DESK_ROLE = "FRONT_DESK";

  /** The roles an account may hold, in the order pages offer them. */
  public static final List<Role> STAFF = List.of(OWNER, THERAPIST, FRONT_DESK);

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public boolean isStaff() {
    return this != KIOSK;
  }

  public String label() {
    return label;
  }

  public String getLabel() {
    return label;
  }
}
