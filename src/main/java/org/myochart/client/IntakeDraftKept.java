package org.myochart.client;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import org.myochart.audit.AuditDetail;

/**
 * The audit detail of a kept, handed-over, locked or closed intake draft: which screen the client
 * had reached and what happened ("kept", "locked", "handed over", "sent", "discarded").
 */
@JsonbPropertyOrder({"step", "event"})
public record IntakeDraftKept(@JsonbTransient long client, int step, String event)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
