package org.myochart.treatment;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Arrays;

/**
 * The canonical JSON of a SOAP note: what its signature hash covers and what a sealed PDF embeds. A
 * signed note stores the version it was hashed with and is rebuilt with that version for ever, so a
 * change to the format (a new {@link NoteField}, a different spelling) takes a new version and
 * leaves every earlier signature verifiable byte for byte.
 *
 * <ul>
 *   <li>Version 1: the format until canonical forms were versioned. A trigger point without a
 *       referral says {@code "refersTo":"null"}.
 *   <li>Version 2: starts with {@code "form":2}; a missing referral is JSON {@code null}.
 * </ul>
 *
 * Each version holds the fields whose {@link NoteField#since()} is not later than itself.
 */
final class CanonicalForm {

  static final int FIRST = 1;

  /** The version new signatures use: the newest field's, and at least 2. */
  static final int CURRENT =
      Math.max(2, Arrays.stream(NoteField.values()).mapToInt(NoteField::since).max().orElse(FIRST));

  private CanonicalForm() {}

  static String of(SoapNote note, NoteDraft content, int form) {
    if (form < FIRST || form > CURRENT) {
      throw new IllegalStateException(
          "Note "
              + note.getId()
              + " names canonical form "
              + form
              + ", which this version of"
              + " MyoChart does not know.");
    }
    TreatmentSession session = note.getSession();
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (form >= 2) {
      json.add("form", form);
    }
    json.add("note", String.valueOf(note.getId()))
        .add("session", String.valueOf(session.getId()))
        .add("client", String.valueOf(note.getClient().getId()))
        .add("therapist", note.getTherapist())
        .add("sessionKind", session.getKind().name())
        .add("startsAt", session.getStartsAt().toString())
        .add("endsAt", String.valueOf(session.getEndsAt()));
    for (NoteSection section : NoteSection.values()) {
      JsonObjectBuilder part = JSON.createObjectBuilder();
      for (NoteField field : NoteField.values()) {
        if (field.section() == section && field.since() <= form) {
          put(part, field, content, form);
        }
      }
      json.add(section.key(), part);
    }
    JsonObjectBuilder signature = JSON.createObjectBuilder();
    put(signature, "signedBy", note.getSignedBy());
    put(signature, "signedName", note.getSignedName());
    Instant signedAt = note.getSignedAt();
    put(signature, "signedAt", signedAt == null ? null : signedAt.toString());
    put(signature, "meaning", note.getSignatureMeaning());
    json.add("signature", signature);
    return json.build().toString();
  }

  private static void put(JsonObjectBuilder json, NoteField field, NoteDraft content, int form) {
    if (field.kind() == NoteField.Kind.ROWS) {
      JsonArrayBuilder rows = JSON.createArrayBuilder();
      field.rowsIn(content).forEach(row -> rows.add(row.canonical(form)));
      json.add(field.jsonKey(), rows);
    } else {
      Object value = field.valueIn(content);
      put(json, field.jsonKey(), value instanceof Enum<?> constant ? constant.name() : value);
    }
  }

  private static void put(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Integer number) {
      json.add(name, number);
    } else {
      json.add(name, value.toString());
    }
  }
}
