package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link PersonName}: its length, then control characters, then hidden ones. */
public class PersonNameValidator implements ConstraintValidator<PersonName, CharSequence> {

  private int max;

  @Override
  public void initialize(PersonName name) {
    max = name.max();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return TextRules.problem(value, max, false, true)
        .map(problem -> problem.report(context))
        .orElse(true);
  }
}
