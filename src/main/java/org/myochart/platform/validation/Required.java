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
 * The field must be filled in: not null, and for text not only spaces. Its message asks for the
 * field by its label ("Enter the first name.").
 */
@Documented
@Constraint(validatedBy = RequiredValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Required {

  /** How the form names the field, in the middle of a sentence: "first name". */
  String label();

  String message() default "{myochart.required}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
