package org.myochart.platform.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * What may be stored in a text field, behind {@link TextValidator} and {@link PersonNameValidator}:
 * a field reports one problem, the most useful first (too long, then unstorable, then hidden).
 */
final class TextRules {

  private TextRules() {}

  /** One problem with a text, reported as the message of that name with the text's length. */
  record Problem(String messageKey, int length) {

    /** Replaces the constraint's default message; always false, the value is refused. */
    boolean report(ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      context
          .unwrap(HibernateConstraintValidatorContext.class)
          .addMessageParameter("length", length)
          .buildConstraintViolationWithTemplate("{" + messageKey + "}")
          .addConstraintViolation();
      return false;
    }
  }

  static Optional<Problem> problem(CharSequence value, int max, boolean multiline, boolean name) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString().strip();
    if (text.length() > max) {
      return Optional.of(new Problem("myochart.text.tooLong", text.length()));
    }
    if (text.chars()
        .anyMatch(
            c ->
                Character.isISOControl(c)
                    && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
      return Optional.of(new Problem("myochart.text.unstorable", text.length()));
    }
    if (name && text.codePoints().anyMatch(TextRules::invisibleOrDirectional)) {
      return Optional.of(new Problem("myochart.name.hidden", text.length()));
    }
    return Optional.empty();
  }

  /**
   * Unicode format characters (category Cf): the bidirectional embeddings, overrides, isolates and
   * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width space, joiners and
   * word joiner (U+200B–U+200D, U+2060), the byte-order mark U+FEFF and the soft hyphen U+00AD; and
   * the letters that are drawn as nothing at all (Hangul fillers, the blank Braille cell).
   */
  static boolean invisibleOrDirectional(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT
        || codePoint == 0x115F
        || codePoint == 0x1160
        || codePoint == 0x3164
        || codePoint == 0xFFA0
        || codePoint == 0x2800;
  }
}
