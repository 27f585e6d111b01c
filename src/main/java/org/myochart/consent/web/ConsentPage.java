package org.myochart.consent.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.myochart.consent.ConsentStanding;
import org.myochart.consent.Consents;
import org.myochart.platform.RuleViolation;
import org.myochart.platform.web.Responses;

/** One signed consent with all its evidence, as staff and auditors read it. */
@Named
@ViewScoped
public class ConsentPage implements Serializable {

  @Inject Consents consents;

  private Long id;
  private ConsentStanding standing;
  private boolean intact;

  public void load() throws IOException {
    if (id == null) {
      Responses.sendError(404, "Say which consent to show.");
      return;
    }
    try {
      standing = consents.open(id);
      intact = standing.consent().evidenceIntact();
    } catch (RuleViolation refused) {
      Responses.sendError(404, refused.getMessage());
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ConsentStanding getStanding() {
    return standing;
  }

  public boolean isIntact() {
    return intact;
  }
}
