package org.myochart.treatment.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.myochart.anatomy.Catalogue;
import org.myochart.anatomy.CatalogueEntry;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.CautionCondition;
import org.myochart.anatomy.Side;
import org.myochart.caseload.BreakGlassNeeded;
import org.myochart.caseload.web.ClinicalDoor;
import org.myochart.client.HealthIntake;
import org.myochart.client.Intakes;
import org.myochart.client.Medication;
import org.myochart.platform.ClinicSettings;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.Responses;
import org.myochart.security.web.CurrentStaff;
import org.myochart.treatment.AdverseResponse;
import org.myochart.treatment.AvoidedArea;
import org.myochart.treatment.BodyChart;
import org.myochart.treatment.MigraineProtocol;
import org.myochart.treatment.NoteAddendum;
import org.myochart.treatment.NoteComparison;
import org.myochart.treatment.NoteConflict;
import org.myochart.treatment.NoteDraft;
import org.myochart.treatment.PointUse;
import org.myochart.treatment.Pressure;
import org.myochart.treatment.Restriction;
import org.myochart.treatment.RestrictionRule;
import org.myochart.treatment.Restrictions;
import org.myochart.treatment.Severity;
import org.myochart.treatment.SoapNote;
import org.myochart.treatment.SoapNotes;
import org.myochart.treatment.Tolerance;
import org.myochart.treatment.TreatedMuscle;
import org.myochart.treatment.TriggerPoint;
import org.primefaces.PrimeFaces;

/**
 * Writing one SOAP note: structured fields, rows kept in step with the body chart, the migraine
 * protocol and "copy from last session", automatic draft saves with conflict detection, signing
 * with the password; once signed, the note read-only with its addenda.
 */
@Named
@ViewScoped
public class NotePage implements Serializable {

  @Inject SoapNotes notes;
  @Inject Catalogue catalogue;
  @Inject Intakes intakes;
  @Inject CurrentStaff staff;
  @Inject ClinicSettings settings;
  @Inject Restrictions restrictions;

  private Long id;
  private SoapNote note;
  private NoteDraft draft;
  private long seenVersion;
  private boolean editable;
  private Set<CautionCondition> conditions = Set.of();
  private List<String> intakeCautions = List.of();
  private List<String> medications = List.of();
  private List<RestrictionRule> restrictionRules = List.of();
  private List<String> restrictionCautions = List.of();
  private String overrideReason;
  private List<String> overridden = List.of();
  private List<String> brokenRestrictions = List.of();
  private boolean overrideAsked;
  private List<String> declinedInConsent = List.of();
  private boolean acupressureDeclined;
  private Map<String, CatalogueEntry> entries = Map.of();
  private List<NoteAddendum> addenda = List.of();
  private String savedAt;
  private String notSaved;
  private String notSavedField;
  private String toFix;
  private String toFixField;
  private int toFixCount;
  private SoapNote theirs;
  private List<String[]> differences = List.of();
  private String password;
  private String addendumReason;
  private String addendumBody;
  private String addendumPassword;

  public void load() throws IOException {
    if (id == null) {
      Responses.sendError(404, "Say which note to open.");
      return;
    }
    try {
      SoapNote found = notes.find(id);
      editable = !found.isSigned() && found.getTherapist().equals(staff.getUsername());
      note = editable ? notes.openForEditing(id) : notes.open(id);
    } catch (BreakGlassNeeded outsideCaseload) {
      var external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(
          ClinicalDoor.screen(
              external.getRequestContextPath(),
              outsideCaseload.clientId(),
              "/clinical/note.xhtml?id=" + id));
      FacesContext.getCurrentInstance().responseComplete();
      return;
    } catch (RuleViolation refused) {
      Responses.sendError(
          refused.kind() == RuleViolation.Kind.NOT_FOUND ? 404 : 403, refused.getMessage());
      return;
    }
    // The author continues from what they last typed, even where it still breaks a rule.
    draft = editable ? note.typedDraft().orElseGet(note::content) : note.content();
    seenVersion = note.getVersion();
    if (editable) {
      showToFix(notes.toFixBeforeSigning(draft));
    }
    entries = catalogue.byCode();
    long clientId = note.getClient().getId();
    conditions = notes.cautionConditions(clientId);
    intakeCautions =
        intakes.current(clientId).map(HealthIntake::cautions).orElse(List.of()).stream()
            .map(c -> c.area() + ": " + c.advice())
            .toList();
    medications =
        intakes.current(clientId).map(HealthIntake::getMedications).orElse(List.of()).stream()
            .map(Medication::readable)
            .toList();
    // Kept as values: an entity held by the view would keep its persistence context alive.
    List<Restriction> inForce = restrictions.inForceFor(note);
    restrictionRules = inForce.stream().map(Restriction::rule).toList();
    restrictionCautions = inForce.stream().map(this::restrictionCaution).toList();
    SoapNotes.DeclinedTechniques declined = notes.declinedInConsent(clientId);
    declinedInConsent = declined.inClientsWords();
    acupressureDeclined = declined.acupressure();
    addenda = notes.addenda(id);
    if (note.isSigned()) {
      overridden =
          restrictions.overridesOf(id).stream()
              .map(
                  o ->
                      o.getRestriction().describe(this::entryName)
                          + " Reason for overriding: "
                          + o.getReason())
              .toList();
    }
  }

  // Rows

  public void addMuscle() {
    draft
        .getTreatedMuscles()
        .add(new TreatedMuscle(null, Side.BOTH, lastTechnique(), Pressure.MODERATE, 5));
  }

  public void removeMuscle(int index) {
    if (index >= 0 && index < draft.getTreatedMuscles().size()) {
      draft.getTreatedMuscles().remove(index);
    }
  }

  public void addPoint() {
    draft.getPointUses().add(new PointUse(null, Side.BOTH, staff.getDisplayName()));
  }

  public void removePoint(int index) {
    if (index >= 0 && index < draft.getPointUses().size()) {
      draft.getPointUses().remove(index);
    }
  }

  public void addTriggerPoint() {
    draft.getTriggerPoints().add(new TriggerPoint(null, Side.LEFT, 1, null));
  }

  public void removeTriggerPoint(int index) {
    if (index >= 0 && index < draft.getTriggerPoints().size()) {
      draft.getTriggerPoints().remove(index);
    }
  }

  public void addAvoidedArea() {
    draft.getAvoidedAreas().add(new AvoidedArea(null, null));
  }

  public void removeAvoidedArea(int index) {
    if (index >= 0 && index < draft.getAvoidedAreas().size()) {
      draft.getAvoidedAreas().remove(index);
    }
  }

  public void addAdverseResponse() {
    draft.getAdverseResponses().add(new AdverseResponse(null, Severity.MILD));
  }

  public void removeAdverseResponse(int index) {
    if (index >= 0 && index < draft.getAdverseResponses().size()) {
      draft.getAdverseResponses().remove(index);
    }
  }

  /**
   * A tap on the body chart: adds the muscle or point on that side, or takes it away if it is
   * there, and tells the page what happened for the readout beside the chart.
   */
  public void toggle() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    CatalogueEntry entry = entries.get(parameters.get("kind") + ":" + parameters.get("code"));
    Side side = chartSide(parameters.get("side"));
    if (!editable || entry == null || !entry.isActive() || side == null) {
      return;
    }
    BodyChart.Tap tap =
        switch (entry.getKind()) {
          case MUSCLE ->
              BodyChart.toggle(draft.getTreatedMuscles(), entry.getCode(), side, lastTechnique());
          case POINT ->
              BodyChart.togglePoint(
                  draft.getPointUses(),
                  entry.getCode(),
                  entry.isLateral(),
                  side,
                  staff.getDisplayName());
          case TECHNIQUE -> null;
        };
    if (tap != null) {
      PrimeFaces.current().ajax().addCallbackParam("chartSaid", tap.said(entry.getName()));
    }
  }

  private static Side chartSide(String side) {
    try {
      return Side.valueOf(side);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /** The chart's colour for a muscle or point on a side: worked, or not. */
  public String chartState(ChartLayout.Target target) {
    boolean worked =
        target.isPoint()
            ? BodyChart.pointWorked(draft.getPointUses(), target.getCode(), target.getSide())
            : BodyChart.worked(draft.getTreatedMuscles(), target.getCode(), target.getSide());
    return worked ? "worked" : "";
  }

  /** Whether the chart offers this target: its catalogue entry is there and in use. */
  public boolean onChart(ChartLayout.Target target) {
    CatalogueEntry entry = entries.get(target.getKey());
    return entry != null && entry.isActive();
  }

  private String lastTechnique() {
    List<TreatedMuscle> rows = draft.getTreatedMuscles();
    return rows.isEmpty() || rows.get(rows.size() - 1).getTechnique() == null
        ? "trigger-point-therapy"
        : rows.get(rows.size() - 1).getTechnique();
  }

  /** The usual migraine rows, added to whatever is there. */
  public void applyMigraineProtocol() {
    MigraineProtocol.applyTo(draft, staff.getDisplayName(), conditions);
    Messages.info("The migraine protocol rows were added. Adjust them to what you actually did.");
  }

  /** The treatment rows of the last signed session. */
  public void copyFromLastSession() {
    notes
        .lastSigned(note.getClient().getId())
        .filter(last -> !last.getId().equals(id))
        .ifPresentOrElse(
            last -> {
              NoteDraft previous = last.content();
              draft.getTreatedMuscles().addAll(previous.getTreatedMuscles());
              draft.getPointUses().addAll(previous.getPointUses());
              draft.getAvoidedAreas().addAll(previous.getAvoidedAreas());
              Messages.info(
                  "Rows copied from the session of "
                      + settings.zone().getId()
                      + " "
                      + DateTimeFormatter.ISO_LOCAL_DATE.format(
                          last.getSession().getStartsAt().atZone(settings.zone()))
                      + ".");
            },
            () -> Messages.info("There is no earlier signed session to copy from."));
  }

  // Saving and signing

  /** Saves the draft; called by the Save button and every few seconds while typing. */
  public void save() {
    if (!editable) {
      return;
    }
    try {
      SoapNotes.DraftSaved saved = notes.saveDraft(id, seenVersion, draft);
      seenVersion = saved.note().getVersion();
      savedAt =
          DateTimeFormatter.ofPattern("HH:mm:ss")
              .format(saved.note().getUpdatedAt().atZone(settings.zone()));
      notSaved = null;
      notSavedField = null;
      showToFix(saved.toFixBeforeSigning());
    } catch (NoteConflict conflict) {
      notSaved = conflict.getMessage();
      notSavedField = null;
      showConflict(conflict);
    } catch (RuleViolation refused) {
      // The toolbar tells the truth: this save was refused, and says why, where the time of the
      // last good save would otherwise stand.
      var first = refused.fieldProblems().entrySet().stream().findFirst();
      notSaved = first.map(java.util.Map.Entry::getValue).orElse(refused.getMessage());
      notSavedField = first.map(java.util.Map.Entry::getKey).orElse(null);
      Messages.refused(refused, "note");
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /**
   * Stored, but not yet signable: the first problem goes to the toolbar (linked to its field), each
   * one beside its field, as a warning: nothing was refused.
   */
  private void showToFix(java.util.Map<String, String> problems) {
    var first = problems.entrySet().stream().findFirst();
    toFix = first.map(java.util.Map.Entry::getValue).orElse(null);
    toFixField = first.map(java.util.Map.Entry::getKey).orElse(null);
    toFixCount = problems.size();
    FacesContext faces = FacesContext.getCurrentInstance();
    problems.forEach(
        (field, text) ->
            faces.addMessage(
                "note:" + field,
                new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_WARN, text, null)));
  }

  /** The first thing to put right before signing, or null; the draft with it is stored. */
  public String getToFix() {
    return toFix;
  }

  public String getToFixField() {
    return toFixField;
  }

  public int getToFixCount() {
    return toFixCount;
  }

  /** Why the last save was refused, or null when it was stored. */
  public String getNotSaved() {
    return notSaved;
  }

  /** The field the refusal is about, for the toolbar's link to it; null when none. */
  public String getNotSavedField() {
    return notSavedField;
  }

  public String sign() {
    if (!editable) {
      return null;
    }
    try {
      notes.sign(id, seenVersion, draft, password, overrideReason);
      Messages.flash("The note is signed and locked.");
      return "/clinical/note.xhtml?faces-redirect=true&id=" + id;
    } catch (NoteConflict conflict) {
      showConflict(conflict);
      return null;
    } catch (RuleViolation refused) {
      // A restriction recorded since the dialog opened: ask for the reason there and then.
      overrideAsked = refused.fieldProblems().containsKey("override");
      Messages.refused(refused, "note");
      return null;
    } finally {
      password = null;
    }
  }

  private void showConflict(NoteConflict conflict) {
    theirs = conflict.theirs();
    differences =
        NoteComparison.differences(
            draft, theirs.typedDraft().orElseGet(theirs::content), this::entryName);
    Messages.error(conflict.getMessage());
    FacesContext.getCurrentInstance().validationFailed();
  }

  /** Keeps what is on this screen, over the other save. */
  public void keepMine() {
    if (theirs != null) {
      seenVersion = theirs.getVersion();
      theirs = null;
      differences = List.of();
      save();
    }
  }

  /** Takes the other save into this screen. */
  public void takeTheirs() {
    if (theirs != null) {
      draft = theirs.typedDraft().orElseGet(theirs::content);
      seenVersion = theirs.getVersion();
      theirs = null;
      differences = List.of();
      Messages.info("The other version is now on your screen.");
    }
  }

  public String addAddendum() {
    try {
      notes.addAddendum(id, addendumReason, addendumBody, addendumPassword);
      Messages.flash("The addendum is signed and added to the note.");
      return "/clinical/note.xhtml?faces-redirect=true&id=" + id;
    } catch (RuleViolation refused) {
      Messages.refused(refused, "addendum");
      return null;
    } finally {
      addendumPassword = null;
    }
  }

  // What the screen shows

  public String entryName(String kindAndCode) {
    CatalogueEntry entry = entries.get(kindAndCode);
    return entry == null ? kindAndCode : entry.getName();
  }

  /**
   * The cautions for one treatment row, from the catalogue, the client's intake and consents, and
   * the restrictions in force that speak of it.
   */
  public String muscleRowCaution(TreatedMuscle row) {
    List<String> cautions = new ArrayList<>(row.cautions(entries, conditions));
    restrictionRules.stream()
        .filter(rule -> rule.concerns(row, entries))
        .forEach(rule -> cautions.add("Restriction: " + rule.describe(this::entryName)));
    return String.join(" ", cautions);
  }

  public String pointRowCaution(PointUse row) {
    List<String> cautions = new ArrayList<>(row.cautions(entries, conditions, acupressureDeclined));
    restrictionRules.stream()
        .filter(rule -> rule.concerns(row, entries))
        .forEach(rule -> cautions.add("Restriction: " + rule.describe(this::entryName)));
    return String.join(" ", cautions);
  }

  /** Whether the row breaks a restriction in force: the row is marked, signing needs a reason. */
  public boolean muscleRowBreaks(TreatedMuscle row) {
    return restrictionRules.stream().anyMatch(rule -> rule.brokenBy(row, entries));
  }

  public boolean pointRowBreaks(PointUse row) {
    return restrictionRules.stream().anyMatch(rule -> rule.brokenBy(row, entries));
  }

  /**
   * Before the signing dialog opens: the restrictions in force for the session that the rows on the
   * screen break, as the service will check them when signing.
   */
  public void prepareSigning() {
    if (!editable) {
      return;
    }
    brokenRestrictions =
        restrictions.brokenBy(note, draft).stream()
            .map(b -> b.description() + " Rows: " + String.join("; ", b.rows()))
            .toList();
  }

  /** What {@link #prepareSigning} found, for the signing dialog. */
  public List<String> getBrokenRestrictions() {
    return brokenRestrictions;
  }

  /** Whether the signing dialog asks for a reason for overriding. */
  public boolean isOverrideAsked() {
    return !brokenRestrictions.isEmpty() || overrideAsked;
  }

  private String restrictionCaution(Restriction restriction) {
    String source =
        restriction.getClearance() == null
            ? "by " + restriction.getRecordedBy()
            : "physician "
                + restriction.getClearance().getPhysicianName()
                + ", clearance of "
                + restriction.getClearance().getClearedOn();
    return "Restriction: "
        + restriction.describe(this::entryName)
        + " "
        + restriction.getReason()
        + " ("
        + source
        + ")";
  }

  public List<CatalogueEntry> getMuscles() {
    return catalogue.active(CatalogueKind.MUSCLE);
  }

  public List<CatalogueEntry> getPoints() {
    return catalogue.active(CatalogueKind.POINT);
  }

  public List<CatalogueEntry> getTechniques() {
    return catalogue.active(CatalogueKind.TECHNIQUE);
  }

  public Side[] getSides() {
    return Side.values();
  }

  public Pressure[] getPressures() {
    return Pressure.values();
  }

  public Tolerance[] getTolerances() {
    return Tolerance.values();
  }

  public Severity[] getSeverities() {
    return Severity.values();
  }

  public List<Integer> scale(int from, int to) {
    List<Integer> values = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      values.add(i);
    }
    return values;
  }

  /** The signed note's content as label and text pairs, for reading. */
  public Map<String, String> getReadable() {
    return draft == null ? new LinkedHashMap<>() : NoteComparison.readable(draft, this::entryName);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public SoapNote getNote() {
    return note;
  }

  public NoteDraft getDraft() {
    return draft;
  }

  public boolean isEditable() {
    return editable;
  }

  public List<String> getIntakeCautions() {
    return intakeCautions;
  }

  /** The restrictions a signed note broke on purpose, with the reason given. */
  public List<String> getOverridden() {
    return overridden;
  }

  public List<String> getMedications() {
    return medications;
  }

  public List<String> getRestrictionCautions() {
    return restrictionCautions;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public void setOverrideReason(String overrideReason) {
    this.overrideReason = overrideReason;
  }

  public List<String> getDeclinedInConsent() {
    return declinedInConsent;
  }

  public List<NoteAddendum> getAddenda() {
    return addenda;
  }

  public String getSavedAt() {
    return savedAt;
  }

  public SoapNote getTheirs() {
    return theirs;
  }

  public List<String[]> getDifferences() {
    return differences;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getAddendumReason() {
    return addendumReason;
  }

  public void setAddendumReason(String v) {
    addendumReason = v;
  }

  public String getAddendumBody() {
    return addendumBody;
  }

  public void setAddendumBody(String v) {
    addendumBody = v;
  }

  public String getAddendumPassword() {
    return addendumPassword;
  }

  public void setAddendumPassword(String v) {
    addendumPassword = v;
  }
}
