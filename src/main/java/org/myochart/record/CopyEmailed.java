package org.myochart.record;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import org.myochart.audit.AuditDetail;

/** The audit detail of a sealed record e-mailed to its client: which file, to which address. */
@JsonbPropertyOrder({"sha256", "to"})
public record CopyEmailed(String sha256, String to, @JsonbTransient long client)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
