/**
 * Clients of the clinic and their migraine health intake: details, versioned intakes with
 * medications and conditions, red-flag screening, medical clearances and the day-of-visit check.
 * {@link org.myochart.client.Intakes#treatmentBlock} says whether the intake stands in the way of
 * treatment; the consent package combines it with consents.
 */
package org.myochart.client;
