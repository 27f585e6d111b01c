package org.myochart.audit;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * The detail of an audit entry as a small record, serialised with JSON-B into the entry's stored
 * (and hashed) detail text. Records that name more than one property fix their order with
 * {@code @JsonbPropertyOrder}, so the text is the same on every run and stays the text that was
 * written before these records existed. A detail about a client names it in {@link
 * #concernedClient()}, which fills the entry's {@code client_id} column (ADR-047).
 */
public interface AuditDetail {

  /**
   * The client the entry concerns, or null; kept out of the JSON unless the record shows it too.
   */
  @JsonbTransient
  default Long concernedClient() {
    return null;
  }

  /** The detail's JSON text, as stored. */
  static String json(AuditDetail detail) {
    return detail == null ? null : Serialiser.JSONB.toJson(detail);
  }

  /** One JSON-B instance for all details; built on first use, thread-safe once built. */
  final class Serialiser {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Serialiser() {}
  }
}
