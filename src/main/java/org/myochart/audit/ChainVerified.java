package org.myochart.audit;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The detail of a verification of the chain that someone asked for. */
@JsonbPropertyOrder({"entries", "intact", "firstBrokenEntry"})
public record ChainVerified(long entries, boolean intact, @JsonbNillable Long firstBrokenEntry)
    implements AuditDetail {}
