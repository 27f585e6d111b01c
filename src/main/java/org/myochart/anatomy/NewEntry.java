package org.myochart.anatomy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/**
 * What the owner types to add a catalogue entry; a caution comes with its condition or not at all.
 */
@NewEntry.CautionComplete
public record NewEntry(
    @NotNull(message = "{catalogue.kind.required}") CatalogueKind kind,
    @Required(label = "name") @Text(label = "name", max = 120) String name,
    @Text(label = "description", max = 500) String description,
    boolean lateral,
    CautionCondition cautionCondition,
    @Text(label = "caution", max = 500) String cautionText) {

  public NewEntry {
    name = TypedText.clean(name);
    description = TypedText.clean(description);
    cautionText = TypedText.clean(cautionText);
  }

  /** A caution's condition and its text are given together: each is asked for next to its field. */
  @Documented
  @Constraint(validatedBy = CautionComplete.Check.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface CautionComplete {
    String message() default "{catalogue.cautionCondition.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CautionComplete, NewEntry> {
      @Override
      public boolean isValid(NewEntry entry, ConstraintValidatorContext context) {
        if (entry == null || (entry.cautionCondition() == null) == (entry.cautionText() == null)) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        if (entry.cautionCondition() == null) {
          context
              .buildConstraintViolationWithTemplate("{catalogue.cautionCondition.required}")
              .addPropertyNode("cautionCondition")
              .addConstraintViolation();
        } else {
          context
              .buildConstraintViolationWithTemplate("{catalogue.cautionText.required}")
              .addPropertyNode("cautionText")
              .addConstraintViolation();
        }
        return false;
      }
    }
  }
}
