package org.myochart.audit;

/**
 * How the owner's audit page orders a search: by time (the entry's place in the trail), by action
 * or by who acted, either way; ties fall back to the newest entry first, so pages never overlap.
 */
public record AuditOrder(By by, boolean ascending) {

  /** What the owner can sort by. */
  public enum By {
    TIME,
    ACTION,
    STAFF
  }

  /** The trail's own order, newest first. */
  public static final AuditOrder NEWEST_FIRST = new AuditOrder(By.TIME, false);

  /** The JPQL {@code order by} clause over the entry {@code a}. */
  String jpql() {
    String direction = ascending ? " asc" : " desc";
    return switch (by) {
      case TIME -> "order by a.id" + direction;
      case ACTION -> "order by " + actionLabelOrder() + direction + ", a.id desc";
      case STAFF -> "order by a.actor" + direction + ", a.id desc";
    };
  }

  /**
   * The actions ranked by their label, so that sorting follows the words the owner reads rather
   * than the stored names.
   */
  private static String actionLabelOrder() {
    AuditAction[] byLabel = AuditAction.values().clone();
    java.util.Arrays.sort(byLabel, java.util.Comparator.comparing(AuditAction::label));
    StringBuilder rank = new StringBuilder("case");
    for (int i = 0; i < byLabel.length; i++) {
      rank.append(" when a.action = org.myochart.audit.AuditAction.")
          .append(byLabel[i].name())
          .append(" then ")
          .append(i);
    }
    return rank.append(" else ").append(byLabel.length).append(" end").toString();
  }
}
