package org.myochart.record;

import jakarta.json.bind.annotation.JsonbTransient;
import org.myochart.audit.AuditDetail;

/** The detail of handing out a sealed PDF: the SHA-256 of the bytes handed out. */
public record RecordHandedOut(String sha256, @JsonbTransient long client) implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
