package org.myochart.record;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import org.myochart.audit.AuditDetail;

/** The detail of sealing a signed record: which record, and the SHA-256 of its sealed PDF. */
@JsonbPropertyOrder({"recordType", "recordId", "sha256"})
public record RecordSealed(
    String recordType, long recordId, String sha256, @JsonbTransient long client)
    implements AuditDetail {

  RecordSealed(SealedRecord sealed) {
    this(sealed.kind().typeName(), sealed.getRecordId(), sealed.getSha256(), sealed.getClientId());
  }

  @Override
  public Long concernedClient() {
    return client;
  }
}
