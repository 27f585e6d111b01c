package org.myochart.client;

import org.myochart.audit.AuditDetail;

/** The detail of confirming that a client flagged as a possible duplicate is not one. */
public record DuplicateCleared(boolean possibleDuplicate) implements AuditDetail {

  static final DuplicateCleared NOT_A_DUPLICATE = new DuplicateCleared(false);
}
