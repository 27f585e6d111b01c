package org.myochart.record;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.myochart.audit.AuditDetail;

/** The audit detail of a change to the clinic's contact details: what they are now. */
@JsonbNillable
@JsonbPropertyOrder({"address", "phone", "licences"})
public record ContactChanged(String address, String phone, String licences)
    implements AuditDetail {}
