package org.myochart.client.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeDraftAnswers;
import org.myochart.client.IntakeDrafts;
import org.myochart.client.Intakes;
import org.myochart.client.Medication;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.ShowsRuleViolations;
import org.myochart.security.KioskSession;
import org.myochart.security.Kiosks;

/**
 * The client fills in the health intake on the tablet, one topic per screen. The form starts empty:
 * whoever holds the tablet never sees earlier answers.
 */
@Named
@ViewScoped
public class KioskIntakePage implements Serializable {

  static final List<String> STEPS =
      List.of(
          "Warning signs",
          "Your headaches",
          "How they feel",
          "Medications",
          "Health conditions",
          "Check and send");
  private static final List<Set<String>> STEP_FIELDS =
      List.of(
          Set.of("redFlags"),
          Set.of("headacheDaysPerMonth", "usualDurationHours", "usualIntensity"),
          Set.of("triggers", "diagnosedWhen"),
          Set.of("medications"),
          Set.of("skinCondition", "oilAllergy", "otherContraindications"),
          Set.of());

  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Kiosks kiosks;
  @Inject IntakeDrafts drafts;
  @Inject HttpServletRequest request;

  private Long clientId;
  private String kioskId;
  private String startedBy;
  private boolean resumed;
  private String firstName;
  private int step;
  private boolean sent;
  private boolean redFlagged;
  private final Map<RedFlag, String> flagAnswers = new EnumMap<>(RedFlag.class);
  private Integer headacheDaysPerMonth;
  private Integer usualDurationHours;
  private Integer usualIntensity;
  private List<String> symptoms = new ArrayList<>();
  private String triggers;
  private String physicianDiagnosed;
  private String diagnosedWhen;
  private final List<IntakePage.MedicationRow> medications = new ArrayList<>();
  private List<String> conditions = new ArrayList<>();
  private String skinCondition;
  private String oilAllergy;
  private String otherContraindications;
  private String staffPassword;

  @PostConstruct
  void start() {
    kiosks
        .current(request)
        .filter(k -> !k.finished())
        .ifPresent(
            kiosk -> {
              clientId = kiosk.clientId();
              kioskId = kiosk.id();
              startedBy = kiosk.startedBy();
              firstName = clients.get(clientId).getFirstName();
              drafts
                  .resume(kioskId, clientId)
                  .ifPresent(
                      kept -> {
                        restore(kept.answers());
                        step = Math.min(Math.max(kept.draft().getStep(), 0), STEPS.size() - 1);
                        resumed = true;
                      });
            });
    if (clientId == null) {
      kiosks.current(request).ifPresent(k -> sent = true);
    }
  }

  public boolean isActive() {
    return clientId != null && !sent;
  }

  public boolean isLocked() {
    return kiosks.current(request).isEmpty();
  }

  /**
   * Goes to the next screen when this one's answers are acceptable. Either way the answers so far
   * are kept on the server, so that a tablet left alone or put to sleep loses nothing.
   */
  @ShowsRuleViolations(form = "kiosk")
  public void next() {
    try {
      long answered =
          flagAnswers.values().stream().filter(a -> "yes".equals(a) || "no".equals(a)).count();
      if (step == 0 && answered < RedFlag.values().length) {
        throw RuleViolation.invalidFields(
            Map.of("redFlags", "Please answer each question with Yes or No."));
      }
      intakes.checkAnswers(answers(), STEP_FIELDS.get(step));
      step = Math.min(step + 1, STEPS.size() - 1);
    } finally {
      keepDraft();
    }
  }

  public void back() {
    step = Math.max(0, step - 1);
    keepDraft();
  }

  /** The page is hidden (the tablet sleeps): keep this screen's answers as they are. */
  public void keepNow() {
    keepDraft();
  }

  private void keepDraft() {
    if (isActive()) {
      drafts.keep(kioskId, clientId, startedBy, snapshot(), step);
    }
  }

  /**
   * The tablet was left alone for the clinic's lock-after time (the page's script asks): the
   * answers so far, this screen's included, are kept for staff, and the tablet locks back to staff.
   */
  public void lock() throws IOException {
    if (isActive()) {
      drafts.lock(kioskId, clientId, startedBy, snapshot(), step);
      kiosks.lockAfterIdle(request);
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + "/kiosk/intake.xhtml?locked=true");
  }

  public void addMedication() {
    medications.add(new IntakePage.MedicationRow());
  }

  public void removeMedication(IntakePage.MedicationRow row) {
    medications.remove(row);
  }

  @ShowsRuleViolations(form = "kiosk")
  public void send() {
    if (!isActive()) {
      return;
    }
    HealthIntake intake = drafts.send(kioskId, clientId, answers());
    redFlagged = intake.hasRedFlags();
    sent = true;
    kiosks.finish(request);
    clearAnswers();
  }

  /** Staff take the tablet back with their password. */
  @ShowsRuleViolations
  public void unlock() throws IOException {
    String typed = staffPassword;
    staffPassword = null;
    KioskSession ended = kiosks.unlock(request, typed);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath() + "/staff/clients/client.xhtml?id=" + ended.clientId());
  }

  private IntakeAnswers answers() {
    Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
    flagAnswers.forEach(
        (flag, answer) -> {
          if ("yes".equals(answer)) {
            flags.add(flag);
          }
        });
    List<Medication> listed = new ArrayList<>();
    for (IntakePage.MedicationRow row : medications) {
      if (row.getName() != null && !row.getName().isBlank()) {
        listed.add(
            new Medication(
                row.getName(), row.getKind() == null ? MedicationKind.OTHER : row.getKind()));
      }
    }
    return new IntakeAnswers(
        headacheDaysPerMonth,
        usualDurationHours,
        usualIntensity,
        symptoms.contains("oneSided"),
        symptoms.contains("throbbing"),
        symptoms.contains("aura"),
        symptoms.contains("nausea"),
        symptoms.contains("light"),
        symptoms.contains("sound"),
        triggers,
        "yes".equals(physicianDiagnosed),
        diagnosedWhen,
        listed,
        conditions.contains("spondylosis"),
        conditions.contains("injury"),
        conditions.contains("pregnant"),
        skinCondition,
        oilAllergy,
        otherContraindications,
        flags);
  }

  private IntakeDraftAnswers snapshot() {
    Map<String, String> flags = new java.util.TreeMap<>();
    flagAnswers.forEach(
        (flag, answer) -> {
          if (answer != null && !answer.isBlank()) {
            flags.put(flag.name(), answer);
          }
        });
    List<IntakeDraftAnswers.MedicationLine> lines = new ArrayList<>();
    for (IntakePage.MedicationRow row : medications) {
      lines.add(
          new IntakeDraftAnswers.MedicationLine(
              row.getName(), row.getKind() == null ? null : row.getKind().name()));
    }
    return new IntakeDraftAnswers(
        flags,
        headacheDaysPerMonth,
        usualDurationHours,
        usualIntensity,
        symptoms,
        triggers,
        physicianDiagnosed,
        diagnosedWhen,
        lines,
        conditions,
        skinCondition,
        oilAllergy,
        otherContraindications);
  }

  private void restore(IntakeDraftAnswers kept) {
    flagAnswers.clear();
    kept.redFlags()
        .forEach(
            (name, answer) -> {
              for (RedFlag flag : RedFlag.values()) {
                if (flag.name().equals(name)) {
                  flagAnswers.put(flag, answer);
                }
              }
            });
    headacheDaysPerMonth = kept.headacheDaysPerMonth();
    usualDurationHours = kept.usualDurationHours();
    usualIntensity = kept.usualIntensity();
    symptoms = new ArrayList<>(kept.symptoms());
    triggers = kept.triggers();
    physicianDiagnosed = kept.physicianDiagnosed();
    diagnosedWhen = kept.diagnosedWhen();
    medications.clear();
    for (IntakeDraftAnswers.MedicationLine line : kept.medications()) {
      IntakePage.MedicationRow row = new IntakePage.MedicationRow();
      row.setName(line.name());
      for (MedicationKind kind : MedicationKind.values()) {
        if (kind.name().equals(line.kind())) {
          row.setKind(kind);
        }
      }
      medications.add(row);
    }
    conditions = new ArrayList<>(kept.conditions());
    skinCondition = kept.skinCondition();
    oilAllergy = kept.oilAllergy();
    otherContraindications = kept.otherContraindications();
  }

  public boolean isResumed() {
    return resumed;
  }

  private void clearAnswers() {
    flagAnswers.clear();
    headacheDaysPerMonth = null;
    usualDurationHours = null;
    usualIntensity = null;
    symptoms = new ArrayList<>();
    triggers = null;
    physicianDiagnosed = null;
    diagnosedWhen = null;
    medications.clear();
    conditions = new ArrayList<>();
    skinCondition = null;
    oilAllergy = null;
    otherContraindications = null;
  }

  public List<Integer> getIntensities() {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      values.add(i);
    }
    return values;
  }

  public String getProgress() {
    return "Step " + (step + 1) + " of " + STEPS.size() + ": " + STEPS.get(step);
  }

  public int getProgressPercent() {
    return (step + 1) * 100 / STEPS.size();
  }

  public RedFlag[] getAllRedFlags() {
    return RedFlag.values();
  }

  public MedicationKind[] getMedicationKinds() {
    return MedicationKind.values();
  }

  public int getStep() {
    return step;
  }

  public boolean isSent() {
    return sent;
  }

  public boolean isRedFlagged() {
    return redFlagged;
  }

  public String getFirstName() {
    return firstName;
  }

  public Map<RedFlag, String> getFlagAnswers() {
    return flagAnswers;
  }

  public Integer getHeadacheDaysPerMonth() {
    return headacheDaysPerMonth;
  }

  public void setHeadacheDaysPerMonth(Integer v) {
    headacheDaysPerMonth = v;
  }

  public Integer getUsualDurationHours() {
    return usualDurationHours;
  }

  public void setUsualDurationHours(Integer v) {
    usualDurationHours = v;
  }

  public Integer getUsualIntensity() {
    return usualIntensity;
  }

  public void setUsualIntensity(Integer v) {
    usualIntensity = v;
  }

  public List<String> getSymptoms() {
    return symptoms;
  }

  public void setSymptoms(List<String> v) {
    symptoms = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public String getTriggers() {
    return triggers;
  }

  public void setTriggers(String v) {
    triggers = v;
  }

  public String getPhysicianDiagnosed() {
    return physicianDiagnosed;
  }

  public void setPhysicianDiagnosed(String v) {
    physicianDiagnosed = v;
  }

  public String getDiagnosedWhen() {
    return diagnosedWhen;
  }

  public void setDiagnosedWhen(String v) {
    diagnosedWhen = v;
  }

  public List<IntakePage.MedicationRow> getMedications() {
    return medications;
  }

  public List<String> getConditions() {
    return conditions;
  }

  public void setConditions(List<String> v) {
    conditions = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public String getSkinCondition() {
    return skinCondition;
  }

  public void setSkinCondition(String v) {
    skinCondition = v;
  }

  public String getOilAllergy() {
    return oilAllergy;
  }

  public void setOilAllergy(String v) {
    oilAllergy = v;
  }

  public String getOtherContraindications() {
    return otherContraindications;
  }

  public void setOtherContraindications(String v) {
    otherContraindications = v;
  }

  public String getStaffPassword() {
    return staffPassword;
  }

  public void setStaffPassword(String v) {
    staffPassword = v;
  }
}
