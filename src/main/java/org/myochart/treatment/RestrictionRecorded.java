package org.myochart.treatment;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of a new restriction: whose, from which clearance, what it rules out and why. */
@JsonbPropertyOrder({"client", "clearance", "rulesOut", "reason"})
public record RestrictionRecorded(long client, Long clearance, String rulesOut, String reason)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
