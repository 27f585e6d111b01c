package org.myochart.client;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Set;
import org.myochart.audit.AuditDetail;

/**
 * The detail of a check before a visit: an acute severe attack, changes since last time, red flags.
 */
@JsonbPropertyOrder({"client", "acute", "changed", "redFlags"})
public record VisitChecked(long client, boolean acute, boolean changed, String redFlags)
    implements AuditDetail {

  VisitChecked(long client, boolean acute, boolean changed, Set<RedFlag> redFlags) {
    this(client, acute, changed, IntakeRecorded.listed(redFlags));
  }

  @Override
  public Long concernedClient() {
    return client;
  }
}
