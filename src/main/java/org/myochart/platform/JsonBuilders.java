package org.myochart.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Every {@code jakarta.json.Json.create…} call looks
 * the provider up again through {@link java.util.ServiceLoader}, which searches every jar on the
 * class path: at the busy hour those look-ups were a tenth of the server's CPU samples, most of
 * them from the export's audit proofs (docs/performance.md). Use {@code JSON.create…} instead.
 */
public final class JsonBuilders {

  /** Looked up once; providers are thread-safe. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonBuilders() {}
}
