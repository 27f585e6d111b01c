package org.myochart.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of handing the tablet to a client and of taking it back: whom, and what for. */
@JsonbPropertyOrder({"client", "purpose"})
public record KioskHandOver(long client, String purpose) implements AuditDetail {

  KioskHandOver(KioskSession kiosk) {
    this(kiosk.clientId(), kiosk.purpose().name());
  }

  @Override
  public Long concernedClient() {
    return client;
  }
}
