package org.myochart.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.myochart.platform.TypedText;
import org.myochart.platform.validation.PersonName;
import org.myochart.platform.validation.Required;
import org.myochart.platform.validation.Text;

/** What staff type about a client; checked as a whole so every wrong field is reported at once. */
public record ClientDetails(
    @Required(label = "first name") @PersonName(label = "first name", max = 100) String firstName,
    @Required(label = "last name") @PersonName(label = "last name", max = 100) String lastName,
    @NotNull(message = "{client.dateOfBirth.required}")
        @PastOrPresent(message = "{client.dateOfBirth.future}")
        @NotBefore1900
        LocalDate dateOfBirth,
    @Text(label = "phone number", max = 40)
        @Pattern(regexp = PHONE, message = "{client.phone.pattern}")
        String phone,
    @Text(label = "email address", max = 200)
        @Pattern(regexp = EMAIL, message = "{client.email.pattern}")
        String email,
    @PersonName(label = "emergency contact", max = 200) String emergencyContactName,
    @Text(label = "emergency contact's phone", max = 40)
        @Pattern(regexp = PHONE, message = "{client.phone.pattern}")
        String emergencyContactPhone,
    @Text(label = "preferred language", max = 60) String preferredLanguage,
    @PersonName(label = "physician's name", max = 200) String physicianName,
    @Text(label = "physician's contact", max = 200) String physicianContact,
    @Text(label = "notes", max = 4000, multiline = true) String notes) {

  static final String PHONE = "[+0-9 ()./-]{3,40}";
  static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  public ClientDetails {
    firstName = TypedText.clean(firstName);
    lastName = TypedText.clean(lastName);
    phone = TypedText.clean(phone);
    email = TypedText.clean(email);
    emergencyContactName = TypedText.clean(emergencyContactName);
    emergencyContactPhone = TypedText.clean(emergencyContactPhone);
    preferredLanguage = TypedText.clean(preferredLanguage);
    physicianName = TypedText.clean(physicianName);
    physicianContact = TypedText.clean(physicianContact);
    notes = TypedText.clean(notes);
  }

  /** No one alive was born before 1900: such a date is a typing error. */
  @Documented
  @Constraint(validatedBy = NotBefore1900.Check.class)
  @Target({
    ElementType.RECORD_COMPONENT,
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.METHOD
  })
  @Retention(RetentionPolicy.RUNTIME)
  @interface NotBefore1900 {
    String message() default "{client.dateOfBirth.tooEarly}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NotBefore1900, LocalDate> {
      @Override
      public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
        return date == null || !date.isBefore(EARLIEST_BIRTH);
      }
    }
  }
}
