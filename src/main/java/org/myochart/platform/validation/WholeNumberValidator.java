package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Missing is its own message; outside the range is the default one. */
public class WholeNumberValidator implements ConstraintValidator<WholeNumber, Integer> {

  private int min;
  private int max;

  @Override
  public void initialize(WholeNumber number) {
    min = number.min();
    max = number.max();
  }

  @Override
  public boolean isValid(Integer value, ConstraintValidatorContext context) {
    if (value == null) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("{myochart.number.missing}")
          .addConstraintViolation();
      return false;
    }
    return value >= min && value <= max;
  }
}
