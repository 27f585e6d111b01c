package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link Text} field: its length first, then its characters. */
public class TextValidator implements ConstraintValidator<Text, CharSequence> {

  private int max;
  private boolean multiline;

  @Override
  public void initialize(Text text) {
    max = text.max();
    multiline = text.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return TextRules.problem(value, max, multiline, false)
        .map(problem -> problem.report(context))
        .orElse(true);
  }
}
