package org.myochart.record;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import org.myochart.audit.AuditDetail;

/**
 * The detail of a record's renewed document timestamp: the SHA-256 of the copy it was added to, of
 * the new copy, and when the new timestamp's authority certificate expires.
 */
public record RecordRenewed(
    String before, String after, Instant timestampExpiresAt, @JsonbTransient long client)
    implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
