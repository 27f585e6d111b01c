package org.myochart.treatment.web;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.client.Clients;
import org.myochart.client.web.ClientPage;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.security.web.CurrentStaff;
import org.myochart.treatment.GoalTarget;
import org.myochart.treatment.OutcomePoint;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;
import org.myochart.treatment.TreatmentPlan;

/**
 * The treatment part of a client's profile: the plan with sessions done and remaining, the sessions
 * with their notes, and the outcome charts and the table of what was used when.
 */
@Named
@ViewScoped
public class ClientTreatmentPanel implements Serializable {

  @Inject SoapNotes notes;
  @Inject Catalogue catalogue;
  @Inject Clients clients;
  @Inject ClinicSettings settings;
  @Inject CurrentStaff staff;
  @Inject ClientPage profile;

  private Long clientId;
  private boolean readable;
  private List<SessionRow> sessionNotes = List.of();
  private List<String> usageDates = List.of();
  private List<OutcomePoint> outcomes = List.of();
  private List<String[]> usage = List.of();
  private TreatmentPlan plan;
  private long sessionsDone;
  private String goal;
  private Integer sessionsPlanned = 12;
  private Integer sessionsPerWeek = 2;
  private LocalDate startsOn;

  @PostConstruct
  void start() {
    // The client is the profile's own, converted by its view parameter; never read from the
    // request.
    clientId = profile.getId();
    if (clientId == null) {
      return;
    }
    if (staff.getRole() == null || staff.getRole() == org.myochart.staff.Role.FRONT_DESK) {
      return;
    }
    startsOn = clients.today();
    refresh();
  }

  private void refresh() {
    readable = notes.mayRead(clientId);
    if (readable) {
      plan = notes.currentPlan(clientId).orElse(null);
      sessionsDone = plan == null ? 0 : notes.sessionsDone(plan);
      // Only what the page shows is kept in the view: a note entity held here would keep its whole
      // persistence context alive for as long as the view (docs/performance.md, "What the
      // sessions hold").
      List<SoapNote> loaded = notes.notesOf(clientId);
      sessionNotes = loaded.stream().map(SessionRow::of).toList();
      outcomes = notes.outcomes(clientId);
      List<SoapNote> signed = new ArrayList<>(loaded.stream().filter(SoapNote::isSigned).toList());
      java.util.Collections.reverse(signed);
      usage = usageTable(signed);
      usageDates = signed.stream().map(n -> day(n.getSession().getStartsAt())).toList();
    }
  }

  public void createPlan() {
    try {
      notes.createPlan(clientId, goal, sessionsPlanned, sessionsPerWeek, startsOn);
      goal = null;
      refresh();
      Messages.info("The treatment plan was saved.");
    } catch (RuleViolation refused) {
      Messages.refused(refused, "profile");
    }
  }

  /** Session dates across the top, each muscle, point and technique down the side. */
  private List<String[]> usageTable(List<SoapNote> signed) {
    var names = catalogue.byCode();
    Function<String, String> name =
        key -> {
          CatalogueEntry entry = names.get(key);
          return entry == null ? key : entry.getName();
        };
    java.util.Map<String, String[]> rows = new java.util.TreeMap<>();
    for (int i = 0; i < signed.size(); i++) {
      var content = signed.get(i).content();
      final int column = i;
      java.util.function.BiConsumer<String, String> mark =
          (label, what) -> {
            rows.computeIfAbsent(
                        label,
                        l -> {
                          String[] row = new String[signed.size() + 1];
                          java.util.Arrays.fill(row, "");
                          row[0] = l;
                          return row;
                        })[column + 1] =
                what;
          };
      content
          .getTreatedMuscles()
          .forEach(
              m ->
                  mark.accept(
                      "Muscle: " + name.apply("MUSCLE:" + m.getMuscle()),
                      m.getSide().abbreviation()));
      content
          .getPointUses()
          .forEach(
              p ->
                  mark.accept(
                      "Point: " + name.apply("POINT:" + p.getPoint()), p.getSide().abbreviation()));
      content
          .getTreatedMuscles()
          .forEach(
              m -> mark.accept("Technique: " + name.apply("TECHNIQUE:" + m.getTechnique()), "✓"));
    }
    return new ArrayList<>(rows.values());
  }

  public List<String> getUsageDates() {
    return usageDates;
  }

  private String day(java.time.Instant instant) {
    return DateTimeFormatter.ofPattern("d MMM").format(instant.atZone(settings.zone()));
  }

  /** The plan's numeric targets, by the outcome they aim for. */
  private GoalTarget target(GoalTarget.Outcome outcome) {
    if (plan == null) {
      return null;
    }
    return plan.goalTargets().stream().filter(t -> t.outcome() == outcome).findFirst().orElse(null);
  }

  /** Whether any chart draws the plan's goal. */
  public boolean isGoalCharted() {
    return plan != null && !plan.goalTargets().isEmpty();
  }

  /** What the charts say about the plan's goal: the line drawn, or why there is none. */
  public String getGoalNote() {
    if (plan == null) {
      return "There is no treatment plan, so the charts show no goal line.";
    }
    List<GoalTarget> targets = plan.goalTargets();
    if (targets.isEmpty()) {
      return "The plan's goal names no number these charts measure, so they show no goal line.";
    }
    String note =
        "The dashed line is the plan's goal: "
            + String.join("; ", targets.stream().map(GoalTarget::words).toList())
            + ".";
    if (target(GoalTarget.Outcome.HEADACHE_DAYS) != null) {
      note +=
          " Headache days are reported at each visit for the time since the one before; the goal"
              + " counts a month.";
    }
    return note;
  }

  /** Chart.js configuration: pain before and after each signed session. */
  public String getPainChart() {
    return lineChart(
        "Pain (0–10)",
        "Pain (0–10)",
        10,
        target(GoalTarget.Outcome.PAIN),
        new String[] {"Before the session", "After the session"},
        new String[] {"#d9534f", "#2f7d95"},
        List.of(
            outcomes.stream().map(OutcomePoint::painBefore).toList(),
            outcomes.stream().map(OutcomePoint::painAfter).toList()));
  }

  /** Headache days reported at each session since the previous one. */
  public String getHeadacheChart() {
    return lineChart(
        "Headache days since the last visit",
        "Headache days",
        null,
        target(GoalTarget.Outcome.HEADACHE_DAYS),
        new String[] {"Headache days"},
        new String[] {"#8a4b00"},
        List.of(outcomes.stream().map(OutcomePoint::headacheDaysSinceLast).toList()));
  }

  /** Sleep quality and stress at each session. */
  public String getSleepChart() {
    return lineChart(
        "Sleep and stress (1–5)",
        "Score (1–5)",
        5,
        null,
        new String[] {"Sleep quality", "Stress"},
        new String[] {"#3b7a3b", "#7a3b6e"},
        List.of(
            outcomes.stream().map(OutcomePoint::sleepQuality).toList(),
            outcomes.stream().map(OutcomePoint::stressLevel).toList()));
  }

  private String lineChart(
      String title,
      String yTitle,
      Integer max,
      GoalTarget goal,
      String[] labels,
      String[] colours,
      List<List<Integer>> series) {
    JsonArrayBuilder dates = JSON.createArrayBuilder();
    outcomes.forEach(o -> dates.add(day(o.sessionStart())));
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    for (int s = 0; s < series.size(); s++) {
      JsonArrayBuilder values = JSON.createArrayBuilder();
      series
          .get(s)
          .forEach(
              v -> {
                if (v == null) {
                  values.addNull();
                } else {
                  values.add(v);
                }
              });
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", labels[s])
              .add("data", values)
              .add("borderColor", colours[s])
              .add("backgroundColor", colours[s])
              .add("tension", 0.2)
              .add("spanGaps", true));
    }
    if (goal != null) {
      JsonArrayBuilder line = JSON.createArrayBuilder();
      outcomes.forEach(o -> line.add(goal.value()));
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", goal.label())
              .add("data", line)
              .add("borderColor", "#1d2b30")
              .add("backgroundColor", "#1d2b30")
              .add("borderDash", JSON.createArrayBuilder().add(6).add(4))
              .add("borderWidth", 2)
              .add("pointRadius", 0)
              .add("fill", false));
    }
    var y =
        JSON.createObjectBuilder()
            .add("beginAtZero", true)
            .add("title", JSON.createObjectBuilder().add("display", true).add("text", yTitle));
    if (max != null) {
      y.add("max", max);
    }
    var x =
        JSON.createObjectBuilder()
            .add(
                "title",
                JSON.createObjectBuilder().add("display", true).add("text", "Signed session"));
    return JSON.createObjectBuilder()
        .add("type", "line")
        .add("data", JSON.createObjectBuilder().add("labels", dates).add("datasets", datasets))
        .add(
            "options",
            JSON.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                // The box's height comes from the style sheet (screen and print), not the width.
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    JSON.createObjectBuilder()
                        .add(
                            "title",
                            JSON.createObjectBuilder()
                                .add("display", true)
                                .add("text", title)
                                .add("font", JSON.createObjectBuilder().add("size", 15)))
                        .add(
                            "legend",
                            JSON.createObjectBuilder()
                                .add("display", true)
                                .add("position", "bottom")))
                .add("scales", JSON.createObjectBuilder().add("x", x).add("y", y)))
        .build()
        .toString();
  }

  public boolean isReadable() {
    return readable;
  }

  public Long getClientId() {
    return clientId;
  }

  /** One row of the client's sessions, as the table shows it. */
  public record SessionRow(
      long id,
      java.time.Instant startsAt,
      String kind,
      String therapistName,
      String status,
      String statusLabel)
      implements Serializable {
    static SessionRow of(SoapNote note) {
      return new SessionRow(
          note.getId(),
          note.getSession().getStartsAt(),
          note.getSession().getKind().label(),
          note.getSession().getTherapistName(),
          note.getStatus().name(),
          note.getStatus().label());
    }
  }

  public List<SessionRow> getSessionNotes() {
    return sessionNotes;
  }

  public List<OutcomePoint> getOutcomes() {
    return outcomes;
  }

  public List<String[]> getUsage() {
    return usage;
  }

  public TreatmentPlan getPlan() {
    return plan;
  }

  public long getSessionsDone() {
    return sessionsDone;
  }

  public long getSessionsRemaining() {
    return plan == null ? 0 : Math.max(0, plan.getSessionsPlanned() - sessionsDone);
  }

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal;
  }

  public Integer getSessionsPlanned() {
    return sessionsPlanned;
  }

  public void setSessionsPlanned(Integer v) {
    sessionsPlanned = v;
  }

  public Integer getSessionsPerWeek() {
    return sessionsPerWeek;
  }

  public void setSessionsPerWeek(Integer v) {
    sessionsPerWeek = v;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }
}
