package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Between}. */
public class BetweenValidator implements ConstraintValidator<Between, Integer> {

  private int min;
  private int max;

  @Override
  public void initialize(Between between) {
    min = between.min();
    max = between.max();
  }

  @Override
  public boolean isValid(Integer value, ConstraintValidatorContext context) {
    return value == null || (value >= min && value <= max);
  }
}
