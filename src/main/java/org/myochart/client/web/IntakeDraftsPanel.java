package org.myochart.client.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.myochart.client.IntakeDraft;
import org.myochart.client.IntakeDrafts;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/**
 * Health questions a client began on the tablet and did not send, on the client's page: staff hand
 * the tablet over again to continue them, or discard them. The rules live in {@link IntakeDrafts}.
 */
@Named
@ViewScoped
public class IntakeDraftsPanel implements Serializable {

  @Inject IntakeDrafts drafts;
  @Inject ClientPage profile;

  private Long clientId;
  private List<IntakeDraft> open = List.of();

  @PostConstruct
  void start() {
    // The client is the profile's own, from its view parameter; never read from the request.
    clientId = profile.getId();
    if (clientId == null) {
      return;
    }
    try {
      open = drafts.openFor(clientId);
    } catch (RuleViolation notStaff) {
      clientId = null;
    }
  }

  @ShowsRuleViolations
  public void discard(IntakeDraft draft) {
    try {
      drafts.discard(draft.getId(), clientId);
      Messages.info("The answers kept from the tablet were discarded.");
    } finally {
      open = drafts.openFor(clientId);
    }
  }

  public String progress(IntakeDraft draft) {
    int steps = KioskIntakePage.STEPS.size();
    return "screen " + Math.min(draft.getStep() + 1, steps) + " of " + steps;
  }

  public List<IntakeDraft> getOpen() {
    return open;
  }
}
