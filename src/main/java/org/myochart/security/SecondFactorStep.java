package org.myochart.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/**
 * The detail of a change to, or a use of, a staff member's second factor: what happened and, for a
 * sign-in step, with what (the app or a recovery code); {@code with} is left out otherwise.
 */
@JsonbPropertyOrder({"secondFactor", "with"})
public record SecondFactorStep(String secondFactor, String with) implements AuditDetail {

  static final SecondFactorStep ENROLLED = new SecondFactorStep("enrolled", null);
  static final SecondFactorStep REMOVED = new SecondFactorStep("removed", null);

  static SecondFactorStep signIn(boolean accepted, String with) {
    return new SecondFactorStep(accepted ? "accepted" : "refused", with);
  }
}
