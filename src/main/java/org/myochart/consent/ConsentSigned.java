package org.myochart.consent;

/** A consent was signed (on the tablet or recorded from paper), inside the signing transaction. */
public record ConsentSigned(Consent consent) {}
