package org.myochart.treatment;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks each answer of a {@link NoteDraft} against its {@link NoteField}. */
public class NoteFieldsWithinLimitsValidator
    implements ConstraintValidator<NoteFieldsWithinLimits, NoteDraft> {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  @Override
  public boolean isValid(NoteDraft draft, ConstraintValidatorContext context) {
    if (draft == null) {
      return true;
    }
    boolean valid = true;
    for (NoteField field : NoteField.answers()) {
      String problem = problem(field, field.valueIn(draft));
      if (problem != null) {
        valid = false;
        if (context != null) {
          context.disableDefaultConstraintViolation();
          context
              .buildConstraintViolationWithTemplate(literal(problem))
              .addPropertyNode(field.key())
              .addConstraintViolation();
        }
      }
    }
    return valid;
  }

  private static String problem(NoteField field, Object value) {
    if (value instanceof Integer number && (number < field.min() || number > field.max())) {
      return message(
          "note.range", Map.of("label", field.label(), "min", field.min(), "max", field.max()));
    }
    if (value instanceof String text) {
      if (text.length() > field.maxLength()) {
        return message(
            "note.tooLong",
            Map.of("label", field.label(), "max", field.maxLength(), "length", text.length()));
      }
      if (text.chars()
          .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        return message("note.unstorable", Map.of("label", field.label()));
      }
    }
    return null;
  }

  /**
   * The bundle's text with the field's label and limits put in. Bean Validation fills in only a
   * constraint's own attributes, and the label belongs to the field, not to the constraint.
   */
  private static String message(String key, Map<String, Object> values) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle("ValidationMessages").getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("ValidationMessages.properties lacks " + key, e);
    }
    Matcher placeholder = PLACEHOLDER.matcher(pattern);
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      Object value = values.get(placeholder.group(1));
      placeholder.appendReplacement(
          text, Matcher.quoteReplacement(value == null ? placeholder.group() : value.toString()));
    }
    placeholder.appendTail(text);
    return text.toString();
  }

  /** The text as a message template that interpolation leaves as it is. */
  private static String literal(String text) {
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
