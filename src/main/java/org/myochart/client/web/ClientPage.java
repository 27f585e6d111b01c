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
import org.myochart.client.Client;
import org.myochart.client.Clients;
import org.myochart.client.HealthIntake;
import org.myochart.client.IntakeDifferences;
import org.myochart.client.Intakes;
import org.myochart.client.MedicalClearance;
import org.myochart.client.TreatmentBlock;
import org.myochart.client.VisitCheck;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.security.web.CurrentStaff;

/**
 * A client's profile. Everyone on staff sees the details and whether treatment is on hold; only
 * therapists and the owner see the health answers, red flags and clearances.
 */
@Named
@ViewScoped
public class ClientPage implements Serializable {

  @Inject transient Clients clients;
  @Inject transient Intakes intakes;
  @Inject transient CurrentStaff staff;

  public record IntakeVersion(HealthIntake intake, List<IntakeDifferences.Change> changes) {
    public HealthIntake getIntake() { return intake; }
    public List<IntakeDifferences.Change> getChanges() { return changes; }
  }

  private Long id;
  private Client client;
  private List<IntakeVersion> history = List.of();
  private List<MedicalClearance> clearances = List.of();
  private List<VisitCheck> visitChecks = List.of();
  private TreatmentBlock block;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
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
    if (isClinical()) {
      List<HealthIntake> intakesNewestFirst = intakes.history(id);
      List<IntakeVersion> versions = new ArrayList<>();
      for (int i = 0; i < intakesNewestFirst.size(); i++) {
        HealthIntake intake = intakesNewestFirst.get(i);
        List<IntakeDifferences.Change> changes = i + 1 < intakesNewestFirst.size()
            ? IntakeDifferences.between(intakesNewestFirst.get(i + 1), intake) : List.of();
        versions.add(new IntakeVersion(intake, changes));
      }
      history = versions;
      clearances = intakes.clearances(id);
      visitChecks = intakes.visitChecks(id);
    }
  }

  public void deactivate() {
    act(() -> clients.deactivate(id, client.getVersion()), "The client is now inactive. Their records stay.");
  }

  public void reactivate() {
    act(() -> clients.reactivate(id, client.getVersion()), "The client is active again.");
  }

  public void notADuplicate() {
    act(() -> clients.confirmNotDuplicate(id, client.getVersion()), "Marked as a different person.");
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      Messages.info(done);
    } catch (RuleViolation refused) {
      Messages.error(refused.getMessage());
    }
    refresh();
  }

  public boolean isClinical() {
    return staff.isOwner() || staff.isTherapist();
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

  public HealthIntake getCurrentIntake() {
    return currentIntake().orElse(null);
  }

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Client getClient() { return client; }
  public List<IntakeVersion> getHistory() { return history; }
  public List<MedicalClearance> getClearances() { return clearances; }
  public List<VisitCheck> getVisitChecks() { return visitChecks; }
  public TreatmentBlock getBlock() { return block; }
}
