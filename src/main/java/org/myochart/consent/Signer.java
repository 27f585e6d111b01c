package org.myochart.consent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.Locale;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.myochart.client.Client;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.PersonName;
import org.myochart.platform.validation.Text;

/**
 * Who signs a consent, as typed on the tablet or copied from the paper form: the client by their
 * full name, or for a minor a parent or guardian with their own name and their relationship.
 */
@Signer.FitsTheClient
record Signer(
    String clientFirstName,
    String clientLastName,
    boolean minor,
    @PersonName(label = "full name", max = 200) String typedName,
    @Text(label = "relationship", max = 100) String guardianRelationship) {

  Signer {
    typedName = TypedText.clean(typedName);
    guardianRelationship = TypedText.clean(guardianRelationship);
  }

  static Signer of(Client client, boolean minor, String typedName, String guardianRelationship) {
    return new Signer(
        client.getFirstName(), client.getLastName(), minor, typedName, guardianRelationship);
  }

  SignedBy signedBy() {
    return minor ? SignedBy.guardian(typedName, guardianRelationship) : SignedBy.client(typedName);
  }

  /**
   * Whether the typed name belongs to who must sign: the client themself, or someone else for a
   * minor.
   */
  boolean nameFits() {
    String client = clientFirstName + " " + clientLastName;
    return minor
        ? !folded(typedName).equals(folded(client))
        : containsWord(typedName, clientFirstName) && containsWord(typedName, clientLastName);
  }

  private static boolean containsWord(String typed, String part) {
    return (" " + folded(typed) + " ").contains(" " + folded(part) + " ");
  }

  /** Without case, accents and punctuation: "LEA BRANDT" is "Léa Brandt". */
  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  /**
   * The rules that depend on the client: the name is asked for as the signer's role needs it, a
   * minor's guardian gives a relationship and not the minor's own name, an adult types their name.
   */
  @Documented
  @Constraint(validatedBy = FitsTheClient.Check.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface FitsTheClient {
    String message() default "{consent.signer.notTheClient}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FitsTheClient, Signer> {
      @Override
      public boolean isValid(Signer signer, ConstraintValidatorContext context) {
        if (signer == null) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext refusals =
            context
                .unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("firstName", signer.clientFirstName())
                .addMessageParameter("lastName", signer.clientLastName());
        boolean fits = true;
        if (signer.typedName() == null) {
          refuse(
              refusals,
              signer.minor()
                  ? "consent.signer.guardianName.required"
                  : "consent.signer.name.required",
              "typedName");
          fits = false;
        } else if (!signer.nameFits()) {
          refuse(
              refusals,
              signer.minor() ? "consent.signer.minorsOwnName" : "consent.signer.notTheClient",
              "typedName");
          fits = false;
        }
        if (signer.minor() && signer.guardianRelationship() == null) {
          refuse(refusals, "consent.signer.relationship.required", "guardianRelationship");
          fits = false;
        }
        return fits;
      }

      private static void refuse(
          HibernateConstraintValidatorContext context, String key, String field) {
        context
            .buildConstraintViolationWithTemplate("{" + key + "}")
            .addPropertyNode(field)
            .addConstraintViolation();
      }
    }
  }
}
