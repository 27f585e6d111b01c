package org.myochart.treatment;

/** An addendum was signed and added to a note, inside the signing transaction. */
public record AddendumSigned(NoteAddendum addendum) {}
