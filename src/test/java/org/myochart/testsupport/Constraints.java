package org.myochart.testsupport;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.myochart.platform.validation.FieldProblems;

/**
 * Validates outside the container with the provider Payara ships, as a page or the API would report
 * it.
 */
public final class Constraints {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private Constraints() {}

  /** Field name to message for everything wrong with the value; empty when it is acceptable. */
  public static Map<String, String> problems(Object value) {
    return FieldProblems.of(VALIDATOR.validate(value));
  }

  public static Validator validator() {
    return VALIDATOR;
  }
}
