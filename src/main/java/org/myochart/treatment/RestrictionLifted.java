package org.myochart.treatment;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of a restriction ended early: whose, and why. */
@JsonbPropertyOrder({"client", "reason"})
public record RestrictionLifted(long client, String reason) implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
