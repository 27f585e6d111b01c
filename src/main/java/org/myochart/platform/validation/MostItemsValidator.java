package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Collection;

/** Checks {@link MostItems}. */
public class MostItemsValidator implements ConstraintValidator<MostItems, Collection<?>> {

  private int most;

  @Override
  public void initialize(MostItems mostItems) {
    most = mostItems.value();
  }

  @Override
  public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
    return items == null || items.size() <= most;
  }
}
