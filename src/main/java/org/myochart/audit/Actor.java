package org.myochart.audit;

import org.myochart.staff.Role;

/**
 * Who did something, and from where: a staff account in its role, a kiosk session ({@link
 * Role#KIOSK}), or the system itself. The role is {@code null} for the system and for anyone not
 * signed in.
 */
public record Actor(String name, Role role, String ipAddress, String userAgent) {

  public static final Actor SYSTEM = new Actor("system", null, null, null);

  public Actor {
    name = name == null || name.isBlank() ? "anonymous" : name;
  }

  /** Whether this actor acts in the given role. */
  public boolean actsAs(Role expected) {
    return role == expected;
  }
}
