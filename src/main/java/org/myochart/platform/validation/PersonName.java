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
 * A person's name (a client, their contact or physician, a signer, a staff member): one line of
 * {@link Text}, and no invisible or text-direction character. Such characters make a name display
 * as something else ("Evil", a right-to-left override and "elif.exe" shows as "Evilexe.file"), or
 * two names look the same that are not, on screens, in searches and in sealed PDFs.
 */
@Documented
@Constraint(validatedBy = PersonNameValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PersonName {

  /** How the form names the field, in the middle of a sentence: "first name". */
  String label();

  int max();

  String message() default "{myochart.name.hidden}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
