package org.myochart.caseload.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import org.myochart.caseload.BreakGlassGrant;
import org.myochart.caseload.Caseloads;
import org.myochart.platform.web.Messages;
import org.myochart.platform.web.ShowsRuleViolations;

/** The owner's dashboard tile: break-glass access of the last 30 days, newest first, to review. */
@Named
@RequestScoped
public class BreakGlassTile {

  static final Duration SHOWN = Duration.ofDays(30);

  @Inject Caseloads caseloads;

  private List<BreakGlassGrant> entries;

  public List<BreakGlassGrant> getEntries() {
    if (entries == null) {
      entries = caseloads.recent(SHOWN);
    }
    return entries;
  }

  public long getUnreviewed() {
    return getEntries().stream().filter(g -> !g.isReviewed()).count();
  }

  @ShowsRuleViolations
  public void markReviewed(long grantId) {
    entries = null;
    caseloads.markReviewed(grantId);
    Messages.info("Marked as reviewed.");
  }
}
