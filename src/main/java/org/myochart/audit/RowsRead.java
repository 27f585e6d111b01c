package org.myochart.audit;

import jakarta.json.bind.annotation.JsonbTransient;

/** The detail of reading one client's list of records: how many rows were shown. */
public record RowsRead(@JsonbTransient long client, int rows) implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
