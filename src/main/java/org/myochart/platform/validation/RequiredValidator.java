package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Null and blank text are missing; anything else is there. */
public class RequiredValidator implements ConstraintValidator<Required, Object> {

  @Override
  public boolean isValid(Object value, ConstraintValidatorContext context) {
    if (value instanceof CharSequence text) {
      return !text.toString().isBlank();
    }
    return value != null;
  }
}
