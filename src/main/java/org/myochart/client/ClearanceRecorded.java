package org.myochart.client;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of a medical clearance: the SHA-256 of the attached letter, or null without one. */
@JsonbPropertyOrder({"client", "letterSha256"})
public record ClearanceRecorded(long client, @JsonbNillable String letterSha256)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
