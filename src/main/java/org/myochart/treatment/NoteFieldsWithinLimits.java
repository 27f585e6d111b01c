package org.myochart.treatment;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Every answer of a note within the limits its {@link NoteField} sets: numbers in range, text not
 * too long and free of characters that cannot be stored. Each broken limit is reported on its own
 * field, with the field's label, from the {@code note.*} messages of ValidationMessages.properties.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = NoteFieldsWithinLimitsValidator.class)
public @interface NoteFieldsWithinLimits {

  String message() default "{note.fields}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
