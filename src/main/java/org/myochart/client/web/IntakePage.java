package org.myochart.client.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.web.ClinicalDoor;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.IntakeAnswers;
import org.myochart.client.IntakeSource;
import org.myochart.client.Intakes;
import org.myochart.client.Medication;
import org.myochart.client.MedicationKind;
import org.myochart.client.RedFlag;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/**
 * The therapist's intake form. It starts from the current intake, so an update only touches what
 * changed; saving always makes a new version.
 */
@Named
@ViewScoped
public class IntakePage implements Serializable {

  @Inject Clients clients;
  @Inject Caseloads caseloads;
  @Inject Intakes intakes;

  /** One editable medication row. */
  public static class MedicationRow implements Serializable {
    private String name;
    private MedicationKind kind = MedicationKind.ACUTE;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public MedicationKind getKind() {
      return kind;
    }

    public void setKind(MedicationKind kind) {
      this.kind = kind;
    }
  }

  private Long clientId;
  private String clientName;
  private Integer headacheDaysPerMonth;
  private Integer usualDurationHours;
  private Integer usualIntensity;
  private boolean oneSided;
  private boolean throbbing;
  private boolean aura;
  private boolean nausea;
  private boolean lightSensitivity;
  private boolean soundSensitivity;
  private String triggers;
  private boolean physicianDiagnosed;
  private String diagnosedWhen;
  private List<MedicationRow> medications = new ArrayList<>();
  private boolean cervicalSpondylosis;
  private boolean recentHeadNeckInjury;
  private boolean pregnant;
  private String skinCondition;
  private String oilAllergy;
  private String otherContraindications;
  private RedFlag[] redFlags = new RedFlag[0];
  private int startedFromVersion;

  public void load() throws IOException {
    var client = ClientLookup.orNotFound(clients, clientId);
    if (client.isEmpty()) {
      return;
    }
    if (!ClinicalDoor.opens(caseloads, clientId)) {
      return;
    }
    clientName = client.get().getFullName();
    intakes.current(clientId).ifPresent(this::startFrom);
  }

  private void startFrom(HealthIntake i) {
    headacheDaysPerMonth = i.getHeadacheDaysPerMonth();
    usualDurationHours = i.getUsualDurationHours();
    usualIntensity = i.getUsualIntensity();
    oneSided = i.isOneSided();
    throbbing = i.isThrobbing();
    aura = i.isAura();
    nausea = i.isNausea();
    lightSensitivity = i.isLightSensitivity();
    soundSensitivity = i.isSoundSensitivity();
    triggers = i.getTriggers();
    physicianDiagnosed = i.isPhysicianDiagnosed();
    diagnosedWhen = i.getDiagnosedWhen();
    for (Medication m : i.getMedications()) {
      MedicationRow row = new MedicationRow();
      row.setName(m.getName());
      row.setKind(m.getKind());
      medications.add(row);
    }
    cervicalSpondylosis = i.isCervicalSpondylosis();
    recentHeadNeckInjury = i.isRecentHeadNeckInjury();
    pregnant = i.isPregnant();
    skinCondition = i.getSkinCondition();
    oilAllergy = i.getOilAllergy();
    otherContraindications = i.getOtherContraindications();
    // The form starts from the current version, red flags included: saving it unchanged must not
    // record a version without the red flag the client reported.
    redFlags = i.getRedFlags().toArray(new RedFlag[0]);
    startedFromVersion = i.getVersionNumber();
  }

  public void addMedication() {
    medications.add(new MedicationRow());
  }

  public void removeMedication(MedicationRow row) {
    medications.remove(row);
  }

  @ShowsRuleViolations(form = "intake")
  public String save() {
    List<Medication> listed = new ArrayList<>();
    for (MedicationRow row : medications) {
      if (row.getName() != null && !row.getName().isBlank()) {
        listed.add(
            new Medication(
                row.getName(), row.getKind() == null ? MedicationKind.OTHER : row.getKind()));
      }
    }
    Set<RedFlag> flags =
        redFlags.length == 0
            ? EnumSet.noneOf(RedFlag.class)
            : EnumSet.copyOf(java.util.Arrays.asList(redFlags));
    IntakeAnswers answers =
        new IntakeAnswers(
            headacheDaysPerMonth,
            usualDurationHours,
            usualIntensity,
            oneSided,
            throbbing,
            aura,
            nausea,
            lightSensitivity,
            soundSensitivity,
            triggers,
            physicianDiagnosed,
            diagnosedWhen,
            listed,
            cervicalSpondylosis,
            recentHeadNeckInjury,
            pregnant,
            skinCondition,
            oilAllergy,
            otherContraindications,
            flags);
    HealthIntake saved = intakes.submit(clientId, answers, IntakeSource.STAFF);
    if (saved.getVersionNumber() == startedFromVersion) {
      Messages.flash(
          "Nothing was changed: intake version " + saved.getVersionNumber() + " stays current.");
      return "/staff/clients/client.xhtml?faces-redirect=true&id=" + clientId;
    }
    Messages.flash(
        "Intake version "
            + saved.getVersionNumber()
            + " was saved."
            + (saved.hasRedFlags()
                ? " A red flag was reported: treatment is on hold until a medical clearance is recorded."
                : ""));
    return "/staff/clients/client.xhtml?faces-redirect=true&id=" + clientId;
  }

  public RedFlag[] getAllRedFlags() {
    return RedFlag.values();
  }

  public MedicationKind[] getMedicationKinds() {
    return MedicationKind.values();
  }

  public Long getClientId() {
    return clientId;
  }

  public void setClientId(Long clientId) {
    this.clientId = clientId;
  }

  public String getClientName() {
    return clientName;
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

  public boolean isOneSided() {
    return oneSided;
  }

  public void setOneSided(boolean v) {
    oneSided = v;
  }

  public boolean isThrobbing() {
    return throbbing;
  }

  public void setThrobbing(boolean v) {
    throbbing = v;
  }

  public boolean isAura() {
    return aura;
  }

  public void setAura(boolean v) {
    aura = v;
  }

  public boolean isNausea() {
    return nausea;
  }

  public void setNausea(boolean v) {
    nausea = v;
  }

  public boolean isLightSensitivity() {
    return lightSensitivity;
  }

  public void setLightSensitivity(boolean v) {
    lightSensitivity = v;
  }

  public boolean isSoundSensitivity() {
    return soundSensitivity;
  }

  public void setSoundSensitivity(boolean v) {
    soundSensitivity = v;
  }

  public String getTriggers() {
    return triggers;
  }

  public void setTriggers(String v) {
    triggers = v;
  }

  public boolean isPhysicianDiagnosed() {
    return physicianDiagnosed;
  }

  public void setPhysicianDiagnosed(boolean v) {
    physicianDiagnosed = v;
  }

  public String getDiagnosedWhen() {
    return diagnosedWhen;
  }

  public void setDiagnosedWhen(String v) {
    diagnosedWhen = v;
  }

  public List<MedicationRow> getMedications() {
    return medications;
  }

  public boolean isCervicalSpondylosis() {
    return cervicalSpondylosis;
  }

  public void setCervicalSpondylosis(boolean v) {
    cervicalSpondylosis = v;
  }

  public boolean isRecentHeadNeckInjury() {
    return recentHeadNeckInjury;
  }

  public void setRecentHeadNeckInjury(boolean v) {
    recentHeadNeckInjury = v;
  }

  public boolean isPregnant() {
    return pregnant;
  }

  public void setPregnant(boolean v) {
    pregnant = v;
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

  public RedFlag[] getRedFlags() {
    return redFlags.clone();
  }

  public void setRedFlags(RedFlag[] v) {
    redFlags = v == null ? new RedFlag[0] : v.clone();
  }
}
