/**
 * Clients of the clinic and their migraine health intake: details, versioned intakes with
 * medications and conditions, red-flag screening, medical clearances and the day-of-visit check.
 * {@link org.myochart.client.Intakes#requireTreatable} answers whether a client may be treated now.
 */
package org.myochart.client;
