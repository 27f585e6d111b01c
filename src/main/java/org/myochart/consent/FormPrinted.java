package org.myochart.consent;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of printing a blank consent form, for a client or for nobody in particular. */
@JsonbPropertyOrder({"printedFor", "version"})
public record FormPrinted(@JsonbNillable Long printedFor, int version) implements AuditDetail {

  @Override
  public Long concernedClient() {
    return printedFor;
  }
}
