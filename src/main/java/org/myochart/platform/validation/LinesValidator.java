package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link Lines}: how many, then each line in order. */
public class LinesValidator implements ConstraintValidator<Lines, List<String>> {

  private Lines rule;

  @Override
  public void initialize(Lines lines) {
    rule = lines;
  }

  @Override
  public boolean isValid(List<String> lines, ConstraintValidatorContext context) {
    List<String> given = lines == null ? List.of() : lines;
    if (given.isEmpty()) {
      return !rule.atLeastOne() || refuse(context, "myochart.lines.none", "", given.size());
    }
    if (given.size() > rule.most()) {
      return refuse(context, "myochart.lines.tooMany", "", given.size());
    }
    Set<String> seen = new HashSet<>();
    for (String line : given) {
      Optional<TextRules.Problem> problem = TextRules.problem(line, rule.max(), false, false);
      if (problem.isPresent()) {
        String key = problem.get().messageKey().replace("myochart.text.", "myochart.lines.");
        context
            .unwrap(HibernateConstraintValidatorContext.class)
            .addMessageParameter("length", problem.get().length());
        return refuse(context, key, line, given.size());
      }
      if (!seen.add(line.strip().toLowerCase(Locale.ROOT))) {
        return refuse(context, "myochart.lines.twice", line, given.size());
      }
    }
    return true;
  }

  private static boolean refuse(
      ConstraintValidatorContext context, String key, String line, int count) {
    context.disableDefaultConstraintViolation();
    context
        .unwrap(HibernateConstraintValidatorContext.class)
        .addMessageParameter("line", abbreviate(line.strip()))
        .addMessageParameter("count", count)
        .buildConstraintViolationWithTemplate("{" + key + "}")
        .addConstraintViolation();
    return false;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
