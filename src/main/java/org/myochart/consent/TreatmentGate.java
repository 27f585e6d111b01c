package org.myochart.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.myochart.client.Intakes;
import org.myochart.client.TreatmentBlock;
import org.myochart.platform.RuleViolation;

/**
 * The one question every session and SOAP note asks before it starts: may this client be treated
 * now? It needs every required consent valid and no open safety block from the intake.
 */
@ApplicationScoped
@Transactional
public class TreatmentGate {

  @Inject Consents consents;
  @Inject Intakes intakes;

  /** What is missing, in two lists staff act on differently. */
  public record Readiness(List<String> consentProblems, List<String> safetyProblems)
      implements Serializable {

    public boolean ready() {
      return consentProblems.isEmpty() && safetyProblems.isEmpty();
    }

    public List<String> all() {
      List<String> all = new ArrayList<>(consentProblems);
      all.addAll(safetyProblems);
      return all;
    }
  }

  public Readiness check(long clientId) {
    List<String> consent = consents.missingForTreatment(clientId);
    List<String> safety =
        intakes.treatmentBlock(clientId).map(TreatmentBlock::reasons).orElse(List.of());
    return new Readiness(consent, safety);
  }

  /** Refuses, naming everything that is missing, unless the client may be treated now. */
  public void require(long clientId) {
    Readiness readiness = check(clientId);
    if (!readiness.ready()) {
      throw RuleViolation.conflict("Treatment cannot start: " + String.join(" ", readiness.all()));
    }
  }
}
