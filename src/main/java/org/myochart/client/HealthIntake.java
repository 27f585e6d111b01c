package org.myochart.client;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.myochart.platform.TypedText;

/**
 * One submitted health intake. Every submission is kept as a new version and never changed; the
 * highest version is the client's current intake.
 */
@Entity
@Table(name = "health_intake")
public class HealthIntake implements java.io.Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "health_intake_seq")
  @SequenceGenerator(
      name = "health_intake_seq",
      sequenceName = "health_intake_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "client_id", updatable = false)
  private Client client;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private IntakeSource source;

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "headache_days_per_month", updatable = false)
  private int headacheDaysPerMonth;

  @Column(name = "usual_duration_hours", updatable = false)
  private int usualDurationHours;

  @Column(name = "usual_intensity", updatable = false)
  private int usualIntensity;

  @Column(name = "one_sided", updatable = false)
  private boolean oneSided;

  @Column(updatable = false)
  private boolean throbbing;

  @Column(updatable = false)
  private boolean aura;

  @Column(updatable = false)
  private boolean nausea;

  @Column(name = "light_sensitivity", updatable = false)
  private boolean lightSensitivity;

  @Column(name = "sound_sensitivity", updatable = false)
  private boolean soundSensitivity;

  @Column(updatable = false)
  private String triggers;

  @Column(name = "physician_diagnosed", updatable = false)
  private boolean physicianDiagnosed;

  @Column(name = "diagnosed_when", updatable = false)
  private String diagnosedWhen;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "intake_medication", joinColumns = @JoinColumn(name = "intake_id"))
  @OrderColumn(name = "position")
  private List<Medication> medications = new ArrayList<>();

  @Column(name = "cervical_spondylosis", updatable = false)
  private boolean cervicalSpondylosis;

  @Column(name = "recent_head_neck_injury", updatable = false)
  private boolean recentHeadNeckInjury;

  @Column(updatable = false)
  private boolean pregnant;

  @Column(name = "skin_condition", updatable = false)
  private String skinCondition;

  @Column(name = "oil_allergy", updatable = false)
  private String oilAllergy;

  @Column(name = "other_contraindications", updatable = false)
  private String otherContraindications;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "intake_red_flag", joinColumns = @JoinColumn(name = "intake_id"))
  @Column(name = "flag")
  @Enumerated(EnumType.STRING)
  private Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);

  protected HealthIntake() {}

  HealthIntake(
      Client client,
      int versionNumber,
      IntakeAnswers a,
      IntakeSource source,
      String submittedBy,
      Instant now) {
    this.client = client;
    this.versionNumber = versionNumber;
    this.source = source;
    this.submittedBy = submittedBy;
    this.submittedAt = now;
    this.headacheDaysPerMonth = a.headacheDaysPerMonth();
    this.usualDurationHours = a.usualDurationHours();
    this.usualIntensity = a.usualIntensity();
    this.oneSided = a.oneSided();
    this.throbbing = a.throbbing();
    this.aura = a.aura();
    this.nausea = a.nausea();
    this.lightSensitivity = a.lightSensitivity();
    this.soundSensitivity = a.soundSensitivity();
    this.triggers = a.triggers();
    this.physicianDiagnosed = a.physicianDiagnosed();
    this.diagnosedWhen = a.diagnosedWhen();
    for (Medication m : a.medications()) {
      this.medications.add(new Medication(TypedText.clean(m.getName()), m.getKind()));
    }
    this.cervicalSpondylosis = a.cervicalSpondylosis();
    this.recentHeadNeckInjury = a.recentHeadNeckInjury();
    this.pregnant = a.pregnant();
    this.skinCondition = a.skinCondition();
    this.oilAllergy = a.oilAllergy();
    this.otherContraindications = a.otherContraindications();
    this.redFlags.addAll(a.redFlags());
  }

  /**
   * Whether these answers are exactly this version's, red flags included: saving them again would
   * record nothing new.
   */
  public boolean sameAnswersAs(IntakeAnswers a) {
    List<String> listed =
        a.medications() == null
            ? List.of()
            : a.medications().stream()
                .map(m -> TypedText.clean(m.getName()) + "\u0000" + m.getKind())
                .toList();
    List<String> kept =
        medications.stream().map(m -> m.getName() + "\u0000" + m.getKind()).toList();
    Set<RedFlag> flags = a.redFlags() == null ? Set.of() : a.redFlags();
    return java.util.Objects.equals(headacheDaysPerMonth, a.headacheDaysPerMonth())
        && java.util.Objects.equals(usualDurationHours, a.usualDurationHours())
        && java.util.Objects.equals(usualIntensity, a.usualIntensity())
        && oneSided == a.oneSided()
        && throbbing == a.throbbing()
        && aura == a.aura()
        && nausea == a.nausea()
        && lightSensitivity == a.lightSensitivity()
        && soundSensitivity == a.soundSensitivity()
        && java.util.Objects.equals(triggers, a.triggers())
        && physicianDiagnosed == a.physicianDiagnosed()
        && java.util.Objects.equals(diagnosedWhen, a.diagnosedWhen())
        && listed.equals(kept)
        && cervicalSpondylosis == a.cervicalSpondylosis()
        && recentHeadNeckInjury == a.recentHeadNeckInjury()
        && pregnant == a.pregnant()
        && java.util.Objects.equals(skinCondition, a.skinCondition())
        && java.util.Objects.equals(oilAllergy, a.oilAllergy())
        && java.util.Objects.equals(otherContraindications, a.otherContraindications())
        && redFlags.equals(flags.isEmpty() ? EnumSet.noneOf(RedFlag.class) : EnumSet.copyOf(flags));
  }

  /**
   * The answers as a reader sees them, label by label in the questionnaire's order; unanswered
   * texts are left out. For printed records such as the client's chart.
   */
  public java.util.Map<String, String> readable() {
    java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
    for (IntakeField field : IntakeField.values()) {
      String answer = field.textIn(this);
      if (!IntakeField.NOT_ANSWERED.equals(answer)) {
        text.put(field.label(), answer);
      }
    }
    return text;
  }

  /** This version's answers in one section of the questionnaire, every field, empty ones too. */
  public List<IntakeAnswer> answersIn(IntakeSection section) {
    return IntakeField.in(section).stream()
        .map(field -> new IntakeAnswer(field.label(), field.linesIn(this)))
        .toList();
  }

  /** What the therapist must keep in mind while treating, derived from these answers. */
  public List<Caution> cautions() {
    List<Caution> cautions = new ArrayList<>();
    if (takes(MedicationKind.BLOOD_THINNER)) {
      cautions.add(
          new Caution(
              "Deep pressure",
              "Takes a blood thinner: bruising risk; keep pressure light to moderate."));
    }
    if (takes(MedicationKind.TRIPTAN)) {
      cautions.add(
          new Caution(
              "Triptan",
              "Takes a triptan: ask when the last dose was; tightness in the neck, throat or chest"
                  + " can be its side effect, not muscle tension."));
    }
    if (cervicalSpondylosis) {
      cautions.add(
          new Caution(
              "Neck techniques",
              "Cervical spondylosis/osteophytes: no forceful neck mobilisation or deep cervical work."));
    }
    if (recentHeadNeckInjury) {
      cautions.add(
          new Caution(
              "Head and neck",
              "Recent head or neck injury or whiplash: confirm medical clearance before neck work."));
    }
    if (pregnant) {
      cautions.add(
          new Caution("Pressure points", "Pregnant: do not use LI4 (Hegu) or GB21 (Jianjing)."));
    }
    if (skinCondition != null) {
      cautions.add(
          new Caution("Skin", "Skin condition: avoid affected areas (" + skinCondition + ")."));
    }
    if (oilAllergy != null) {
      cautions.add(new Caution("Oils and lotions", "Allergy: " + oilAllergy + "."));
    }
    if (otherContraindications != null) {
      cautions.add(new Caution("Other", otherContraindications));
    }
    return cautions;
  }

  /** Whether one of the medications is of the kind, by what was ticked or by its name. */
  public boolean takes(MedicationKind kind) {
    return medications.stream().anyMatch(m -> m.treatmentKinds().contains(kind));
  }

  public boolean hasRedFlags() {
    return !redFlags.isEmpty();
  }

  public Long getId() {
    return id;
  }

  public Client getClient() {
    return client;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public IntakeSource getSource() {
    return source;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public int getHeadacheDaysPerMonth() {
    return headacheDaysPerMonth;
  }

  public int getUsualDurationHours() {
    return usualDurationHours;
  }

  public int getUsualIntensity() {
    return usualIntensity;
  }

  public boolean isOneSided() {
    return oneSided;
  }

  public boolean isThrobbing() {
    return throbbing;
  }

  public boolean isAura() {
    return aura;
  }

  public boolean isNausea() {
    return nausea;
  }

  public boolean isLightSensitivity() {
    return lightSensitivity;
  }

  public boolean isSoundSensitivity() {
    return soundSensitivity;
  }

  public String getTriggers() {
    return triggers;
  }

  public boolean isPhysicianDiagnosed() {
    return physicianDiagnosed;
  }

  public String getDiagnosedWhen() {
    return diagnosedWhen;
  }

  public List<Medication> getMedications() {
    return List.copyOf(medications);
  }

  public boolean isCervicalSpondylosis() {
    return cervicalSpondylosis;
  }

  public boolean isRecentHeadNeckInjury() {
    return recentHeadNeckInjury;
  }

  public boolean isPregnant() {
    return pregnant;
  }

  public String getSkinCondition() {
    return skinCondition;
  }

  public String getOilAllergy() {
    return oilAllergy;
  }

  public String getOtherContraindications() {
    return otherContraindications;
  }

  public Set<RedFlag> getRedFlags() {
    return Set.copyOf(redFlags);
  }
}
