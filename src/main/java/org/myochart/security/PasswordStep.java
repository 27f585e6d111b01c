package org.myochart.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The detail of a sign-in whose password was accepted while the second factor is still to come. */
@JsonbPropertyOrder({"password", "secondFactor"})
public record PasswordStep(String password, String secondFactor) implements AuditDetail {

  static final PasswordStep SECOND_FACTOR_NEXT = new PasswordStep("accepted", "asked next");
}
