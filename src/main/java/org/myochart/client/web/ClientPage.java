package org.myochart.client.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.myochart.caseload.Caseloads;
import org.myochart.caseload.ClinicalAccess;
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.IntakeDifferences;
import org.myochart.client.IntakeSection;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.client.TreatmentBlock;
import org.myochart.client.VisitCheck;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/**
 * A client's profile. Everyone on staff sees the details and whether treatment is on hold; only the
 * owner and therapists whose caseload holds the client (or who gave a break-glass reason) see the
 * health answers, red flags, clearances and notes.
 */
@Named
@ViewScoped
public class ClientPage implements Serializable {

  @Inject Clients clients;
  @Inject Intakes intakes;
  @Inject Caseloads caseloads;

  public record IntakeVersion(HealthIntake intake, List<IntakeDifferences.Change> changes)
      implements Serializable {
    public HealthIntake getIntake() {
      return intake;
    }

    public List<IntakeDifferences.Change> getChanges() {
      return changes;
    }
  }

  private Long id;
  private Client client;
  private List<IntakeVersion> history = List.of();
  private List<MedicalClearance> clearances = List.of();
  private List<VisitCheck> visitChecks = List.of();
  private TreatmentBlock block;
  private ClinicalAccess access = ClinicalAccess.REFUSED;
  private java.time.Instant breakGlassUntil;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (id == null || clients.find(id).isEmpty()) {
      faces.getExternalContext().responseSendError(404, "There is no such client.");
      faces.responseComplete();
      return;
    }
    refresh();
  }

  private void refresh() {
    client = clients.open(id);
    block = intakes.treatmentBlock(id).orElse(null);
    access = caseloads.access(id);
    breakGlassUntil =
        access == ClinicalAccess.BREAK_GLASS
            ? caseloads.myActiveGrant(id).map(g -> g.getExpiresAt()).orElse(null)
            : null;
    if (isClinical()) {
      List<HealthIntake> intakesNewestFirst = intakes.history(id);
      List<IntakeVersion> versions = new ArrayList<>();
      for (int i = 0; i < intakesNewestFirst.size(); i++) {
        HealthIntake intake = intakesNewestFirst.get(i);
        List<IntakeDifferences.Change> changes =
            i + 1 < intakesNewestFirst.size()
                ? IntakeDifferences.between(intakesNewestFirst.get(i + 1), intake)
                : List.of();
        versions.add(new IntakeVersion(intake, changes));
      }
      history = versions;
      clearances = intakes.clearances(id);
      visitChecks = intakes.visitChecks(id);
    }
  }

  @ShowsRuleViolations
  public void deactivate() {
    act(
        () -> clients.deactivate(id, client.getVersion()),
        "The client is now inactive. Their records stay.");
  }

  @ShowsRuleViolations
  public void reactivate() {
    act(() -> clients.reactivate(id, client.getVersion()), "The client is active again.");
  }

  @ShowsRuleViolations
  public void notADuplicate() {
    act(
        () -> clients.confirmNotDuplicate(id, client.getVersion()),
        "Marked as a different person.");
  }

  /**
   * A refused change is shown by {@link ShowsRuleViolations} on the public action; the page reloads
   * either way.
   */
  private void act(Runnable change, String done) {
    try {
      change.run();
      Messages.info(done);
    } finally {
      refresh();
    }
  }

  /**
   * The health answers, red flags, clearances and notes show: the owner, or a therapist allowed in.
   */
  public boolean isClinical() {
    return access.opens();
  }

  /** A therapist outside their caseload sees the break-glass form instead of the clinical tabs. */
  public boolean isReasonNeeded() {
    return access == ClinicalAccess.REASON_NEEDED;
  }

  public int getAge() {
    return client.ageOn(clients.today());
  }

  public boolean isMinor() {
    return client.isMinorOn(clients.today());
  }

  public Optional<HealthIntake> currentIntake() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0).intake());
  }

  /** The intake tab shows the current answers section by section, in the questionnaire's order. */
  public IntakeSection[] getIntakeSections() {
    return IntakeSection.values();
  }

  public HealthIntake getCurrentIntake() {
    return currentIntake().orElse(null);
  }

  /** Until when a therapist's break-glass reason opens this record; null inside the caseload. */
  public java.time.Instant getBreakGlassUntil() {
    return breakGlassUntil;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Client getClient() {
    return client;
  }

  public List<IntakeVersion> getHistory() {
    return history;
  }

  public List<MedicalClearance> getClearances() {
    return clearances;
  }

  public List<VisitCheck> getVisitChecks() {
    return visitChecks;
  }

  public TreatmentBlock getBlock() {
    return block;
  }
}
