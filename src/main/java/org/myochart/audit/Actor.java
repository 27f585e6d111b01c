package org.myochart.audit;

/** Who did something, and from where: a staff account, a kiosk session, or the system itself. */
public record Actor(String name, String role, String ipAddress, String userAgent) {

  public static final Actor SYSTEM = new Actor("system", null, null, null);

  public Actor {
    name = name == null || name.isBlank() ? "anonymous" : name;
  }
}
