package org.myochart.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/**
 * The detail of a tablet that locked itself after being left alone: whose hand-over it ended, what
 * for, and after how long without a tap.
 */
@JsonbPropertyOrder({"client", "purpose", "lockedAfterIdle"})
public record KioskLocked(long client, String purpose, String lockedAfterIdle)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
