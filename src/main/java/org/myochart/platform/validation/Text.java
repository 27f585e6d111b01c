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
 * Free text a record keeps: at most {@link #max()} characters once trimmed, and no control
 * character the database or a sealed PDF cannot hold (line breaks and tabs only where the field has
 * several lines). A missing value passes; combine with {@link Required} when it must be there.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

  /** How the form names the field, in the middle of a sentence: "notes". */
  String label();

  int max();

  /** A text area: line breaks and tabs are kept. */
  boolean multiline() default false;

  String message() default "{myochart.text.tooLong}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
