package org.myochart.caseload;

import org.myochart.platform.RuleViolation;

/** A therapist asked for a clinical record outside their caseload without a reason that holds. */
public class BreakGlassNeeded extends RuleViolation {

  private final long clientId;
  private final String clientName;

  public BreakGlassNeeded(long clientId, String clientName) {
    super(
        Kind.FORBIDDEN,
        clientName
            + " is not in your caseload. To open their clinical record, give a reason"
            + " (this is recorded and shown to the owner).");
    this.clientId = clientId;
    this.clientName = clientName;
  }

  /** The API takes no reasons: break-glass is given on the client's page in MyoChart. */
  public String forApi() {
    return clientName
        + " (client "
        + clientId
        + ") is not in your caseload. Open the client in MyoChart and give a reason"
        + " there (break-glass); the access it grants then holds for the API too.";
  }

  public long clientId() {
    return clientId;
  }

  public String clientName() {
    return clientName;
  }
}
