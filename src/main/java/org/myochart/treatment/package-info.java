/**
 * Treatment: plans, sessions and one SOAP note per session with the muscles, points and techniques
 * worked and how the client responded. A signed note never changes; corrections are signed addenda.
 * Sessions start only through {@link org.myochart.consent.TreatmentGate}.
 */
package org.myochart.treatment;
