package org.myochart.treatment;

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
import java.time.LocalDate;
import org.myochart.anatomy.BodyRegion;
import org.myochart.anatomy.Side;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/**
 * What is typed to record a restriction. Where: a region or one muscle or point
 * ("MUSCLE:scalenes"), optionally on one side; what: a technique, a pressure limit, or neither (no
 * treatment there).
 *
 * @param clearance the medical clearance it comes from, or null when the therapist decides it
 */
@RestrictionTerms.Complete
public record RestrictionTerms(
    BodyRegion region,
    String structure,
    Side side,
    String technique,
    Pressure maxPressure,
    @NotNull(message = "{restriction.startsOn.missing}") LocalDate startsOn,
    LocalDate endsOn,
    @Required(label = "reason") @Text(label = "reason", max = 1000, multiline = true) String reason,
    Long clearance) {

  public RestrictionTerms {
    structure = TypedText.clean(structure);
    technique = TypedText.clean(technique);
    reason = TypedText.clean(reason);
    if (side == Side.MIDLINE) {
      side = null;
    }
  }

  /** What the terms rule out. */
  RestrictionRule rule() {
    return new RestrictionRule(region, structure, side, technique, maxPressure, endsOn);
  }

  /** The rules across fields, each reported at the field to change. */
  @Documented
  @Constraint(validatedBy = Complete.Check.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Complete {
    String message() default "{restriction.where.or.technique}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Complete, RestrictionTerms> {
      @Override
      public boolean isValid(RestrictionTerms terms, ConstraintValidatorContext context) {
        if (terms == null) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        boolean place = terms.region() != null || terms.structure() != null;
        if (!place && terms.technique() == null && terms.maxPressure() == null) {
          valid = refuse(context, "{restriction.where.or.technique}", "region");
        }
        if (terms.region() != null && terms.structure() != null) {
          valid = refuse(context, "{restriction.region.and.structure}", "structure");
        }
        if (!place && terms.side() != null && terms.side() != Side.BOTH) {
          valid = refuse(context, "{restriction.side.withoutPlace}", "side");
        }
        if (terms.maxPressure() == Pressure.FIRM) {
          valid = refuse(context, "{restriction.maxPressure.firm}", "maxPressure");
        }
        if (terms.startsOn() != null
            && terms.endsOn() != null
            && terms.endsOn().isBefore(terms.startsOn())) {
          valid = refuse(context, "{restriction.endsOn.beforeStart}", "endsOn");
        }
        return valid;
      }

      private static boolean refuse(ConstraintValidatorContext context, String message, String at) {
        context
            .buildConstraintViolationWithTemplate(message)
            .addPropertyNode(at)
            .addConstraintViolation();
        return false;
      }
    }
  }
}
