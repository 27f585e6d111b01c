/**
 * The clinic's own Bean Validation constraints, the rules every text field of a record follows
 * ({@link org.myochart.platform.validation.Text}, {@link
 * org.myochart.platform.validation.PersonName}, {@link org.myochart.platform.validation.Required},
 * {@link org.myochart.platform.validation.WholeNumber}), and the one translation of constraint
 * violations into a {@link org.myochart.platform.RuleViolation} whose field problems pages mark and
 * the API answers with 400. Messages live in {@code ValidationMessages.properties}. ADR-049.
 */
package org.myochart.platform.validation;
