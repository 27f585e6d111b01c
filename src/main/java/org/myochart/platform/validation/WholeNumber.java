package org.myochart.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A number the form must have, from {@link #min()} to {@link #max()}: a missing one is asked for
 * with its range ("Headache days per month is needed (a number from 0 to 31).").
 */
@Documented
@Constraint(validatedBy = WholeNumberValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface WholeNumber {

  /** How the form names the number at the start of a sentence: "The usual intensity". */
  String label();

  int min();

  int max();

  String message() default "{myochart.number.outside}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
