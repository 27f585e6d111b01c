package org.myochart.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A list of one-line statements typed one per line (a consent form's acknowledgements and
 * techniques): at most {@link #most()} of them, each one line of {@link Text} of at most {@link
 * #max()} characters, none listed twice. The first problem is reported, quoting the line.
 */
@Documented
@Constraint(validatedBy = LinesValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Lines {

  /** What one line is called: "acknowledgement". */
  String label();

  int max();

  int most();

  /** At least one line must be there. */
  boolean atLeastOne() default false;

  String message() default "{myochart.lines.twice}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
