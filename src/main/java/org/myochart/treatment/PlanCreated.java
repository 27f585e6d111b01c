package org.myochart.treatment;

import org.myochart.audit.AuditDetail;

/** The detail of a new treatment plan: whose it is. */
public record PlanCreated(long client) implements AuditDetail {

  @Override
  public Long concernedClient() {
    return client;
  }
}
