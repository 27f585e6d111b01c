package org.myochart.audit;

import java.util.Optional;

/**
 * The kinds of signed record that are sealed as PDFs and named in audit entries, exports and
 * verification answers. Each keeps the record type text that is already stored (audit entries,
 * sealed records, export manifests): that text is part of the hash-chained audit content and of
 * exported file names, so it never changes.
 */
public enum RecordKind {
  CONSENT("Consent"),
  SOAP_NOTE("SoapNote"),
  NOTE_ADDENDUM("NoteAddendum");

  private final String typeName;

  RecordKind(String typeName) {
    this.typeName = typeName;
  }

  /** The record type as stored, e.g. {@code SoapNote}. */
  public String typeName() {
    return typeName;
  }

  /** The kind whose stored record type this is; empty for other record types. */
  public static Optional<RecordKind> of(String typeName) {
    for (RecordKind kind : values()) {
      if (kind.typeName.equals(typeName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return typeName;
  }
}
