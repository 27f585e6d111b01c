package org.myochart.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The gate's answer for a client in a list: the consent side (with its one word for the list) and
   * the intake's block, if any.
   */
  public record Standing(ConsentCoverage consent, TreatmentBlock block) implements Serializable {

    public Readiness readiness() {
      return new Readiness(consent.problems(), block == null ? List.of() : block.reasons());
    }

    /** Treatment may not go ahead now. */
    public boolean onHold() {
      return !readiness().ready();
    }

    /** A red flag waits for a physician's clearance. */
    public boolean redFlagged() {
      return block != null && block.isRedFlagged();
    }
  }

  /**
   * {@link #check(long)} for many clients at once, in a few queries whatever their number. Like
   * {@link Intakes#treatmentBlock}, open to all staff; pages show the reasons only to those who may
   * open the client's clinical record.
   */
  public Map<Long, Standing> standings(Collection<Long> clientIds) {
    Map<Long, ConsentCoverage> coverage = consents.coverage(clientIds);
    Map<Long, TreatmentBlock> blocks = intakes.treatmentBlocks(clientIds);
    Map<Long, Standing> standings = new HashMap<>();
    coverage.forEach((id, consent) -> standings.put(id, new Standing(consent, blocks.get(id))));
    return standings;
  }

  /** Refuses, naming everything that is missing, unless the client may be treated now. */
  public void require(long clientId) {
    Readiness readiness = check(clientId);
    if (!readiness.ready()) {
      throw RuleViolation.conflict("Treatment cannot start: " + String.join(" ", readiness.all()));
    }
  }
}
