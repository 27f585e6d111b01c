package org.myochart.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A number from {@link #min()} to {@link #max()}; a missing one passes. Used where {@code @Min} and
 * {@code @Max} would do, because Payara's OpenAPI generator fails on those on a record component.
 */
@Documented
@Constraint(validatedBy = BetweenValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Between {

  int min();

  int max();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
