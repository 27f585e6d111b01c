package org.myochart.treatment;

/** A SOAP note was signed and locked, inside the signing transaction. */
public record NoteSigned(SoapNote note) {}
