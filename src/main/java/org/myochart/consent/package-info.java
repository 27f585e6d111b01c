/**
 * Informed consent: consent forms whose published versions never change, consents signed on the
 * tablet or on paper, witness countersignatures, withdrawals, and the treatment gate that every
 * session and SOAP note passes ({@link org.myochart.consent.TreatmentGate}). A consent is a legal
 * record, so its rows are only ever inserted and carry the hashes of what was shown and of the
 * whole evidence.
 */
package org.myochart.consent;
